import { z } from 'zod';
import { membership } from '../memberships/memberships.schema.ts';
import {
  address,
  channel,
  consent,
  customFilters,
  customValues,
  email,
  isoDate,
  isoDateTime,
  locale,
  oneOrMany,
  phone,
  queryBool,
  relationshipType,
  serviceTier,
  tags,
  text,
  timezone,
} from '../shared/fields.ts';
import { socialHandles } from '../shared/handles.ts';
import { pageInput } from '../shared/paging.ts';
import { bulkInput, NOT_FILTERS } from '../shared/selection.ts';
import { VALUE_SORTS, valueBrief, valueListFilters } from '../value/value.schema.ts';

const fields = {
  externalId: text(200).min(1).nullable().describe('Your id for this person in another system; unique.'),
  firstName: text(200).nullable(),
  lastName: text(200).nullable(),
  email: email.nullable().describe('Primary email; unique in the workspace.'),
  additionalEmails: z.array(email).max(20),
  phone: phone.nullable(),
  title: text(200).nullable().describe('Job title.'),
  relationshipType,
  serviceTier,
  ownerId: z.string().nullable().describe('The user (usr_…) who owns the relationship.'),
  tags,
  custom: customValues,
  consent,
  preferredChannel: channel.nullable(),
  doNotContact: z.boolean(),
  timezone: timezone.nullable(),
  locale: locale.nullable(),
  address: address.nullable(),
  birthday: isoDate.nullable(),
  socialHandles,
};

export const personCreate = z
  .strictObject({
    ...fields,
    externalId: fields.externalId.optional(),
    firstName: fields.firstName.optional(),
    lastName: fields.lastName.optional(),
    email: fields.email.optional(),
    additionalEmails: fields.additionalEmails.default([]),
    phone: fields.phone.optional(),
    title: fields.title.optional(),
    relationshipType: relationshipType.default('customer'),
    serviceTier: serviceTier.default('standard'),
    ownerId: fields.ownerId.optional(),
    tags: tags.default([]),
    custom: customValues.default({}),
    consent: consent.default({}),
    preferredChannel: fields.preferredChannel.optional(),
    doNotContact: z.boolean().default(false),
    timezone: fields.timezone.optional(),
    locale: fields.locale.optional(),
    address: fields.address.optional(),
    birthday: fields.birthday.optional(),
    socialHandles: socialHandles.default({}),
  })
  .refine((value) => value.firstName || value.lastName || value.email, {
    message: 'a person needs a first name, a last name or an email',
    path: ['firstName'],
  })
  .meta({ id: 'PersonCreate' });

export const personUpdate = z.strictObject(fields).partial().meta({
  id: 'PersonUpdate',
  description: 'Fields to change; null clears a field; custom values merge by key.',
});

export const person = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    name: z.string().describe('Display name: first and last name, or the email.'),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    email: z.string().nullable(),
    additionalEmails: z.array(z.string()),
    phone: z.string().nullable(),
    title: z.string().nullable(),
    relationshipType,
    serviceTier,
    ownerId: z.string().nullable(),
    tags: z.array(z.string()),
    custom: z.record(z.string(), z.unknown()),
    consent: z.record(z.string(), z.unknown()),
    preferredChannel: z.string().nullable(),
    doNotContact: z.boolean(),
    timezone: z.string().nullable(),
    locale: z.string().nullable(),
    address: address.nullable(),
    birthday: z.string().nullable(),
    socialHandles: z
      .record(z.string(), z.string())
      .describe('Handles by network ({ "x": "ada_l" }): how reviews and mentions find their author.'),
    traits: z
      .record(z.string(), z.unknown())
      .describe(
        'What tracking SDKs said about the person (identify traits) that is neither a field nor a defined custom field.',
      ),
    mergedIntoId: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Person' });

export const personListItem = person
  .extend({ value: valueBrief.nullable().describe('Customer value figures; null without any.') })
  .meta({ id: 'PersonListItem' });

export const personDetail = person.extend({ memberships: z.array(membership) }).meta({ id: 'PersonDetail' });

export const PEOPLE_SORTS = { name: 'sort_name', createdAt: 'created_at', updatedAt: 'updated_at' } as const;

export const peopleQuery = z
  .strictObject({
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Full-text search over names, emails, companies and notes.'),
    email: z.string().trim().toLowerCase().optional().describe('Exact email, primary or additional.'),
    externalId: z.string().optional(),
    relationshipType: oneOrMany(relationshipType).optional(),
    ownerId: z.string().optional(),
    tag: oneOrMany(z.string().trim().toLowerCase()).optional().describe('People with all of these tags.'),
    companyId: z.string().optional(),
    level: z.enum(['executive', 'functional_lead', 'end_user']).optional(),
    function: z.string().optional(),
    updatedSince: isoDateTime.optional(),
    custom: customFilters,
    includeMerged: queryBool.default(false),
    sort: z
      .string()
      .optional()
      .describe(
        `One of ${[...Object.keys(PEOPLE_SORTS), ...Object.keys(VALUE_SORTS)].join(', ')}; prefix with - for ` +
          'descending. Default name. On a figure (clv, health, pAlive, churnRisk) people without figures come last.',
      ),
    ...valueListFilters,
    ...pageInput,
  })
  .meta({ id: 'PeopleQuery' });

export type PersonCreate = z.input<typeof personCreate>;
export type PersonUpdate = z.input<typeof personUpdate>;
export type Person = z.infer<typeof person>;
export type PersonDetail = z.infer<typeof personDetail>;
export type PersonListItem = z.infer<typeof personListItem>;
export type PeopleQuery = z.input<typeof peopleQuery>;

export const peopleFilter = peopleQuery.omit(NOT_FILTERS).meta({ id: 'PeopleFilter' });
export const peopleBulk = bulkInput(peopleFilter, 'PeopleBulk', 'people');

export type PeopleFilterInput = z.input<typeof peopleFilter>;
export type PeopleBulk = z.input<typeof peopleBulk>;
