import { z } from 'zod';
import { resolveCompanyRefs } from '../../companies/companies.service.ts';
import { FUNCTIONS, LEVELS } from '../../memberships/memberships.schema.ts';
import { upsertMemberships } from '../../memberships/memberships.service.ts';
import { importPeople, type PersonImportRow } from '../../people/people.service.ts';
import {
  CHANNELS,
  CONSENT_STATUSES,
  locale,
  phone,
  RELATIONSHIP_TYPES,
  timezone,
} from '../../shared/fields.ts';
import { parseHandleList, socialHandles } from '../../shared/handles.ts';
import { emptyOutcome } from '../../shared/transfer.ts';
import { memberIdsByEmail } from '../../users/users.service.ts';
import { cell } from '../cell-schemas.ts';
import type { FieldSpec } from '../mapping.ts';
import {
  choice,
  customFields,
  customValues,
  emailCell,
  emailList,
  type Kind,
  lowerList,
  ownerAndCustom,
  text,
} from './common.ts';

const valid = <T extends z.ZodType>(schema: T, message: string) =>
  text(200).transform((value, ctx) => {
    if (value === null || value === undefined) return value;
    if (schema.safeParse(value).success) return value;
    ctx.addIssue({ code: 'custom', message, input: value });
    return z.NEVER;
  });

const COUNTRY = /^[A-Z]{2}$/;

export const PEOPLE_FIELDS: FieldSpec[] = [
  { key: 'id', label: 'Rapport ID', synonyms: ['rapport id', 'person id'] },
  { key: 'externalId', label: 'External ID', synonyms: ['customer id', 'contact id', 'customer number'] },
  {
    key: 'firstName',
    label: 'First name',
    synonyms: ['given name', 'forename', 'vorname', 'prénom', 'first'],
  },
  { key: 'lastName', label: 'Last name', synonyms: ['surname', 'family name', 'nachname', 'nom', 'last'] },
  { key: 'email', label: 'Email', synonyms: ['e-mail', 'email address', 'mail', 'e-mail address'] },
  { key: 'additionalEmails', label: 'Other emails', synonyms: ['additional emails', 'secondary email'] },
  { key: 'phone', label: 'Phone', synonyms: ['telephone', 'mobile', 'phone number', 'tel', 'cell'] },
  { key: 'title', label: 'Job title', synonyms: ['position', 'job', 'title'] },
  { key: 'relationshipType', label: 'Relationship type', synonyms: ['type', 'relationship', 'contact type'] },
  { key: 'ownerEmail', label: 'Owner email', synonyms: ['owner', 'account manager', 'contact owner'] },
  { key: 'tags', label: 'Tags', synonyms: ['labels', 'tag'] },
  { key: 'preferredChannel', label: 'Preferred channel', synonyms: ['channel'] },
  { key: 'doNotContact', label: 'Do not contact', synonyms: ['dnc', 'opt out'] },
  { key: 'timezone', label: 'Time zone', synonyms: ['tz'] },
  { key: 'locale', label: 'Language', synonyms: ['locale', 'language'] },
  { key: 'street', label: 'Street', synonyms: ['address', 'street address', 'strasse'] },
  { key: 'city', label: 'City', synonyms: ['town', 'ort', 'ville'] },
  { key: 'region', label: 'Region', synonyms: ['state', 'province', 'county'] },
  { key: 'postalCode', label: 'Postal code', synonyms: ['zip', 'zip code', 'postcode', 'plz'] },
  { key: 'country', label: 'Country', synonyms: ['country code'] },
  { key: 'birthday', label: 'Birthday', synonyms: ['date of birth', 'dob', 'birth date'] },
  {
    key: 'socialHandles',
    label: 'Social handles',
    synonyms: ['social', 'socials', 'handles', 'social media'],
  },
  ...CHANNELS.map((channel) => ({
    key: `consent.${channel}`,
    label: `Consent ${channel}`,
    synonyms: [`${channel} consent`],
  })),
  { key: 'companyDomain', label: 'Company domain', synonyms: ['website', 'company website', 'domain'] },
  {
    key: 'companyName',
    label: 'Company',
    synonyms: ['company name', 'organisation', 'organization', 'account', 'firma'],
  },
  { key: 'companyExternalId', label: 'Company external ID', synonyms: ['account id'] },
  { key: 'companyRole', label: 'Role at company', synonyms: ['role'] },
  { key: 'companyLevel', label: 'Level', synonyms: ['seniority', 'level'] },
  { key: 'companyFunction', label: 'Function', synonyms: ['department', 'function'] },
  { key: 'companyPrimary', label: 'Primary company', synonyms: ['primary'] },
  { key: 'createdAt', label: 'Created at', synonyms: ['created', 'created date'] },
];

const consentCell = choice(CONSENT_STATUSES);

export function peopleSchema() {
  return z.object({
    id: text(100),
    externalId: text(200),
    firstName: text(200),
    lastName: text(200),
    email: emailCell,
    additionalEmails: emailList,
    phone: valid(phone, 'must be a phone number like +41 44 123 45 67'),
    title: text(200),
    relationshipType: choice(RELATIONSHIP_TYPES),
    ownerEmail: emailCell,
    tags: lowerList,
    preferredChannel: choice(CHANNELS),
    doNotContact: cell.boolean(),
    timezone: valid(timezone, 'must be an IANA time zone like Europe/Berlin'),
    locale: valid(locale, 'must be a language tag like de-CH'),
    street: text(200),
    city: text(100),
    region: text(100),
    postalCode: text(20),
    country: text(2).transform((value, ctx) => {
      if (value == null) return value;
      const upper = value.toUpperCase();
      if (COUNTRY.test(upper)) return upper;
      ctx.addIssue({ code: 'custom', message: 'must be a two-letter country code like DE', input: value });
      return z.NEVER;
    }),
    birthday: cell.date(),
    socialHandles: cell.list().transform((items, ctx) => {
      if (!items) return items;
      const result = socialHandles.safeParse(parseHandleList(items));
      if (result.success) return result.data;
      const message = result.error.issues[0]?.message ?? 'is not a list of handles';
      ctx.addIssue({ code: 'custom', message: `${message} (write network:handle|network:handle)` });
      return z.NEVER;
    }),
    consent: z
      .object(Object.fromEntries(CHANNELS.map((channel) => [channel, consentCell])))
      .partial()
      .optional(),
    companyDomain: text(253),
    companyName: text(200),
    companyExternalId: text(200),
    companyRole: text(200),
    companyLevel: choice(LEVELS),
    companyFunction: choice(FUNCTIONS),
    companyPrimary: cell.boolean(),
    createdAt: cell.dateTime(),
    custom: customValues,
  });
}

export type PeopleRow = z.output<ReturnType<typeof peopleSchema>>;

export const peopleKind: Kind<PeopleRow> = {
  name: 'people',
  fields: (defs) => [...PEOPLE_FIELDS, ...customFields(defs)],
  schema: () => peopleSchema() as z.ZodType<PeopleRow>,
  async apply(ctx, rows, defs) {
    const outcome = emptyOutcome();
    const owners = await memberIdsByEmail(
      ctx,
      rows.flatMap((r) => (r.value.ownerEmail ? [r.value.ownerEmail] : [])),
    );
    const people: (PersonImportRow & { source: PeopleRow })[] = [];
    for (const { line, value } of rows) {
      const checked = ownerAndCustom(line, value, owners, defs, 'person', outcome.problems);
      if (!checked) continue;
      const { ownerId, custom } = checked;
      const address = {
        street: value.street,
        city: value.city,
        region: value.region,
        postalCode: value.postalCode,
        country: value.country,
      };
      const given = Object.entries(address).filter(([, v]) => v);
      const consent = Object.fromEntries(
        Object.entries(value.consent ?? {})
          .filter(([, status]) => status)
          .map(([channel, status]) => [
            channel,
            { status: status as string, at: ctx.clock.now().toISOString(), source: 'import' },
          ]),
      );
      people.push({
        line,
        source: value,
        id: value.id,
        externalId: value.externalId,
        firstName: value.firstName,
        lastName: value.lastName,
        email: value.email,
        additionalEmails: value.additionalEmails,
        phone: value.phone,
        title: value.title,
        relationshipType: value.relationshipType,
        ownerId,
        tags: value.tags,
        ...(custom ? { custom } : {}),
        ...(Object.keys(consent).length ? { consent } : {}),
        preferredChannel: value.preferredChannel,
        doNotContact: value.doNotContact,
        timezone: value.timezone,
        locale: value.locale,
        address: given.length ? Object.fromEntries(given) : null,
        birthday: value.birthday,
        socialHandles: value.socialHandles,
        createdAt: value.createdAt,
      });
    }
    const companies = await resolveCompanyRefs(
      ctx,
      people.map((p) => ({
        line: p.line,
        domain: p.source.companyDomain,
        name: p.source.companyName,
        externalId: p.source.companyExternalId,
      })),
      { create: true },
    );
    const bad = new Set(companies.problems.map((p) => p.line));
    for (const p of companies.problems) outcome.problems.push({ ...p, field: companyField(p.field) });
    const written = await importPeople(
      ctx,
      people.filter((p) => !bad.has(p.line)),
    );
    outcome.created = written.created;
    outcome.updated = written.updated;
    outcome.unchanged = written.unchanged;
    outcome.problems.push(...written.problems);
    const links = people.flatMap((p) => {
      const personId = written.idOfLine.get(p.line);
      const companyId = companies.idOfLine.get(p.line);
      if (!personId || !companyId) return [];
      return [
        {
          personId,
          companyId,
          role: p.source.companyRole,
          level: p.source.companyLevel,
          function: p.source.companyFunction,
          isPrimary: p.source.companyPrimary,
        },
      ];
    });
    if (links.length) await upsertMemberships(ctx, links);
    return outcome;
  },
};

function companyField(field: string): string {
  return (
    { domain: 'companyDomain', name: 'companyName', externalId: 'companyExternalId', id: 'companyDomain' }[
      field
    ] ?? field
  );
}

export type { FieldSpec };
