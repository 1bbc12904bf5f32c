import { z } from 'zod';
import { importCompanies } from '../../companies/companies.service.ts';
import { domain as domainSchema, RELATIONSHIP_TYPES } from '../../shared/fields.ts';
import { emptyOutcome } from '../../shared/transfer.ts';
import { memberIdsByEmail } from '../../users/users.service.ts';
import { cell } from '../cell-schemas.ts';
import type { FieldSpec } from '../mapping.ts';
import {
  choice,
  customFields,
  customValues,
  emailCell,
  type Kind,
  lowerList,
  ownerAndCustom,
  text,
} from './common.ts';

export const COMPANY_FIELDS: FieldSpec[] = [
  { key: 'id', label: 'Rapport ID', synonyms: ['rapport id', 'company id'] },
  { key: 'externalId', label: 'External ID', synonyms: ['account id', 'account number', 'customer number'] },
  {
    key: 'name',
    label: 'Name',
    synonyms: ['company', 'company name', 'organisation', 'organization', 'account', 'firma'],
  },
  { key: 'domain', label: 'Domain', synonyms: ['website', 'web', 'url', 'company domain'] },
  { key: 'relationshipType', label: 'Relationship type', synonyms: ['type', 'relationship', 'account type'] },
  { key: 'industry', label: 'Industry', synonyms: ['sector', 'branche'] },
  { key: 'phone', label: 'Phone', synonyms: ['telephone', 'phone number'] },
  { key: 'street', label: 'Street', synonyms: ['address', 'street address'] },
  { key: 'city', label: 'City', synonyms: ['town'] },
  { key: 'region', label: 'Region', synonyms: ['state', 'province'] },
  { key: 'postalCode', label: 'Postal code', synonyms: ['zip', 'postcode'] },
  { key: 'country', label: 'Country', synonyms: ['country code'] },
  { key: 'employeeCount', label: 'Employees', synonyms: ['employee count', 'headcount', 'size'] },
  { key: 'description', label: 'Description', synonyms: ['about', 'notes'] },
  { key: 'ownerEmail', label: 'Owner email', synonyms: ['owner', 'account manager', 'account owner'] },
  { key: 'tags', label: 'Tags', synonyms: ['labels'] },
  { key: 'createdAt', label: 'Created at', synonyms: ['created'] },
];

const domainCell = text(300).transform((value, ctx) => {
  if (value == null) return value;
  const result = domainSchema.safeParse(value);
  if (result.success) return result.data;
  ctx.addIssue({ code: 'custom', message: 'must be a domain like acme.com', input: value });
  return z.NEVER;
});

export function companiesSchema() {
  return z.object({
    id: text(100),
    externalId: text(200),
    name: text(200),
    domain: domainCell,
    relationshipType: choice(RELATIONSHIP_TYPES),
    industry: text(100),
    phone: text(50),
    street: text(200),
    city: text(100),
    region: text(100),
    postalCode: text(20),
    country: text(2).transform((v) => v?.toUpperCase()),
    employeeCount: cell.integer(),
    description: text(5000),
    ownerEmail: emailCell,
    tags: lowerList,
    createdAt: cell.dateTime(),
    custom: customValues,
  });
}

export type CompaniesRow = z.output<ReturnType<typeof companiesSchema>>;

export const companiesKind: Kind<CompaniesRow> = {
  name: 'companies',
  fields: (defs) => [...COMPANY_FIELDS, ...customFields(defs)],
  schema: () => companiesSchema() as z.ZodType<CompaniesRow>,
  async apply(ctx, rows, defs) {
    const outcome = emptyOutcome();
    const owners = await memberIdsByEmail(
      ctx,
      rows.flatMap((r) => (r.value.ownerEmail ? [r.value.ownerEmail] : [])),
    );
    const ready = [];
    for (const { line, value } of rows) {
      const checked = ownerAndCustom(line, value, owners, defs, 'company', outcome.problems);
      if (!checked) continue;
      const { ownerId, custom } = checked;
      const address = Object.entries({
        street: value.street,
        city: value.city,
        region: value.region,
        postalCode: value.postalCode,
        country: value.country,
      }).filter(([, v]) => v);
      ready.push({
        line,
        id: value.id,
        externalId: value.externalId,
        name: value.name,
        domain: value.domain,
        relationshipType: value.relationshipType,
        industry: value.industry,
        phone: value.phone,
        address: address.length ? Object.fromEntries(address) : null,
        employeeCount: value.employeeCount,
        description: value.description,
        ownerId,
        tags: value.tags,
        ...(custom ? { custom } : {}),
        createdAt: value.createdAt,
      });
    }
    const written = await importCompanies(ctx, ready);
    outcome.created = written.created;
    outcome.updated = written.updated;
    outcome.unchanged = written.unchanged;
    outcome.problems.push(...written.problems);
    return outcome;
  },
};
