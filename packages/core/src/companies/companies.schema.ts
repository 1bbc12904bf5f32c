import { z } from 'zod';
import { membership } from '../memberships/memberships.schema.ts';
import {
  address,
  customFilters,
  customValues,
  domain,
  isoDateTime,
  oneOrMany,
  phone,
  queryBool,
  relationshipType,
  serviceTier,
  tags,
  text,
} from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';
import { bulkInput, NOT_FILTERS } from '../shared/selection.ts';
import { VALUE_SORTS, valueBrief, valueListFilters } from '../value/value.schema.ts';

const fields = {
  externalId: text(200).min(1).nullable().describe('Your id for this company in another system; unique.'),
  name: text(200).min(1),
  domain: domain.nullable().describe('Web domain (acme.com); unique in the workspace.'),
  relationshipType,
  serviceTier,
  industry: text(100).nullable(),
  phone: phone.nullable(),
  address: address.nullable(),
  employeeCount: z.number().int().min(0).max(10_000_000).nullable(),
  description: text(5000).nullable(),
  ownerId: z.string().nullable().describe('The user (usr_…) who owns the account.'),
  tags,
  custom: customValues,
};

export const companyCreate = z
  .strictObject({
    ...fields,
    externalId: fields.externalId.optional(),
    domain: fields.domain.optional(),
    relationshipType: relationshipType.default('customer'),
    serviceTier: serviceTier.default('standard'),
    industry: fields.industry.optional(),
    phone: fields.phone.optional(),
    address: fields.address.optional(),
    employeeCount: fields.employeeCount.optional(),
    description: fields.description.optional(),
    ownerId: fields.ownerId.optional(),
    tags: tags.default([]),
    custom: customValues.default({}),
  })
  .meta({ id: 'CompanyCreate' });

export const companyUpdate = z.strictObject(fields).partial().meta({
  id: 'CompanyUpdate',
  description: 'Fields to change; null clears a field; custom values merge by key.',
});

export const company = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    name: z.string(),
    domain: z.string().nullable(),
    relationshipType,
    serviceTier,
    industry: z.string().nullable(),
    phone: z.string().nullable(),
    address: address.nullable(),
    employeeCount: z.number().int().nullable(),
    description: z.string().nullable(),
    ownerId: z.string().nullable(),
    tags: z.array(z.string()),
    custom: z.record(z.string(), z.unknown()),
    mergedIntoId: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Company' });

export const companyListItem = company
  .extend({ value: valueBrief.nullable().describe('Customer value figures; null without any.') })
  .meta({ id: 'CompanyListItem' });

export const companyDetail = company
  .extend({
    people: z.array(membership).describe('Its people, with role, level and function.'),
  })
  .meta({ id: 'CompanyDetail' });

export const COMPANY_SORTS = { name: 'sort_name', createdAt: 'created_at', updatedAt: 'updated_at' } as const;

export const companiesQuery = z
  .strictObject({
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Full-text search over name, domain, industry and notes.'),
    domain: z.string().optional().describe('Exact domain (www. and scheme are ignored).'),
    externalId: z.string().optional(),
    relationshipType: oneOrMany(relationshipType).optional(),
    ownerId: z.string().optional(),
    tag: oneOrMany(z.string().trim().toLowerCase()).optional().describe('Companies with all of these tags.'),
    industry: z.string().optional(),
    updatedSince: isoDateTime.optional(),
    custom: customFilters,
    includeMerged: queryBool.default(false),
    sort: z
      .string()
      .optional()
      .describe(
        `One of ${[...Object.keys(COMPANY_SORTS), ...Object.keys(VALUE_SORTS)].join(', ')}; prefix with - for ` +
          'descending. Default name. On a figure (clv, health, pAlive, churnRisk) companies without figures come last.',
      ),
    ...valueListFilters,
    ...pageInput,
  })
  .meta({ id: 'CompaniesQuery' });

export type CompanyCreate = z.input<typeof companyCreate>;
export type CompanyUpdate = z.input<typeof companyUpdate>;
export type Company = z.infer<typeof company>;
export type CompanyDetail = z.infer<typeof companyDetail>;
export type CompanyListItem = z.infer<typeof companyListItem>;
export type CompaniesQuery = z.input<typeof companiesQuery>;

export const companiesFilter = companiesQuery.omit(NOT_FILTERS).meta({ id: 'CompaniesFilter' });
export const companiesBulk = bulkInput(companiesFilter, 'CompaniesBulk', 'companies');

export type CompaniesFilterInput = z.input<typeof companiesFilter>;
export type CompaniesBulk = z.input<typeof companiesBulk>;
