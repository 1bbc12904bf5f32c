import type { CompaniesTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import {
  customFilter,
  loadDefinitions,
  patchCustom,
  validateCustom,
} from '../custom-fields/custom-fields.service.ts';
import { listMembershipsOfCompany } from '../memberships/memberships.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, parseSort } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import { VALUE_SORTS } from '../value/value.schema.ts';
import { pageWithValue } from '../value/value.service.ts';
import { foldCompany } from './companies.merge.ts';
import * as repo from './companies.repo.ts';
import {
  COMPANY_SORTS,
  type CompaniesQuery,
  type Company,
  type CompanyCreate,
  type CompanyDetail,
  type CompanyListItem,
  type CompanyUpdate,
  companiesQuery,
  companyCreate,
  companyUpdate,
} from './companies.schema.ts';

export function presentCompany(row: repo.CompanyRow): Company {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    domain: row.domain,
    relationshipType: row.relationship_type,
    industry: row.industry,
    phone: row.phone,
    address: row.address as Company['address'],
    employeeCount: row.employee_count,
    description: row.description,
    ownerId: row.owner_id,
    serviceTier: row.service_tier,
    tags: row.tags,
    custom: row.custom,
    mergedIntoId: row.merged_into_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The company row, or not_found; a merged-away company answers `merged` with its survivor. */
export async function requireCompany(ctx: Ctx, id: string, path = 'id'): Promise<repo.CompanyRow> {
  const row = await repo.findCompany(ctx, id);
  if (!row) throw notFound('company', id, path);
  if (row.merged_into_id) {
    throw new AppError('merged', `Company ${id} was merged into ${row.merged_into_id}.`, [], {
      mergedIntoId: row.merged_into_id,
    });
  }
  return row;
}

/** A live company by its domain (www. and scheme ignored), for relations by natural key. */
export async function findCompanyByDomain(ctx: Ctx, domain: string): Promise<Company | null> {
  const row = await repo.findCompanyByDomain(ctx, domain);
  return row ? presentCompany(row) : null;
}

export async function createCompany(ctx: Ctx, input: CompanyCreate): Promise<Company> {
  const value = parseInput(companyCreate, input);
  const custom = validateCustom(await loadDefinitions(ctx, 'company'), 'company', value.custom, 'create');
  const now = ctx.clock.now();
  const row = await repo.insertCompany(ctx, {
    id: newId('company'),
    workspace_id: ctx.workspaceId,
    external_id: value.externalId ?? null,
    name: value.name,
    domain: value.domain ?? null,
    relationship_type: value.relationshipType,
    industry: value.industry ?? null,
    phone: value.phone ?? null,
    address: value.address ? JSON.stringify(value.address) : null,
    employee_count: value.employeeCount ?? null,
    description: value.description ?? null,
    owner_id: value.ownerId ?? null,
    service_tier: value.serviceTier,
    tags: value.tags,
    custom: JSON.stringify(custom),
    created_at: now,
    updated_at: now,
  });
  return presentCompany(row);
}

export async function updateCompany(ctx: Ctx, id: string, input: CompanyUpdate): Promise<Company> {
  const patch = parseInput(companyUpdate, input);
  const current = await requireCompany(ctx, id);
  const set: Updateable<CompaniesTable> = {};
  if (patch.externalId !== undefined) set.external_id = patch.externalId;
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.domain !== undefined) set.domain = patch.domain;
  if (patch.relationshipType !== undefined) set.relationship_type = patch.relationshipType;
  if (patch.industry !== undefined) set.industry = patch.industry;
  if (patch.phone !== undefined) set.phone = patch.phone;
  if (patch.address !== undefined) set.address = patch.address ? JSON.stringify(patch.address) : null;
  if (patch.employeeCount !== undefined) set.employee_count = patch.employeeCount;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.ownerId !== undefined) set.owner_id = patch.ownerId;
  if (patch.serviceTier !== undefined) set.service_tier = patch.serviceTier;
  if (patch.tags !== undefined) set.tags = patch.tags;
  if (patch.custom !== undefined) {
    const defs = await loadDefinitions(ctx, 'company');
    set.custom = JSON.stringify(patchCustom(defs, 'company', current.custom, patch.custom));
  }
  if (Object.keys(set).length === 0) return presentCompany(current);
  const row = await repo.updateCompany(ctx, id, set);
  if (!row) throw notFound('company', id);
  return presentCompany(row);
}

export async function getCompany(ctx: Ctx, id: string): Promise<CompanyDetail> {
  const row = await requireCompany(ctx, id);
  return { ...presentCompany(row), people: await listMembershipsOfCompany(ctx, id) };
}

/** A companies list query checked as the list checks it: the schema, the sort, custom filters. */
export async function checkCompaniesQuery(ctx: Ctx, input: CompaniesQuery) {
  const query = parseInput(companiesQuery, input);
  const sort = parseSort(query.sort, { ...COMPANY_SORTS, ...VALUE_SORTS }, 'name');
  const custom = query.custom
    ? customFilter(await loadDefinitions(ctx, 'company'), 'company', query.custom)
    : undefined;
  return { query, sort, custom };
}

export async function listCompanies(ctx: Ctx, input: CompaniesQuery): Promise<Page<CompanyListItem>> {
  const { query, sort, custom } = await checkCompaniesQuery(ctx, input);
  const filter = { ...query, custom };
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  return pageWithValue(ctx, 'company', {
    sort,
    limit: query.limit,
    cursor,
    candidates: () => repo.matchingCompanies(ctx, filter).select('companies.id as id'),
    plain: () => repo.listCompanies(ctx, filter, sort, query.limit, cursor),
    byIds: (ids) => repo.companiesByIds(ctx, ids),
    present: presentCompany,
  });
}

/** Companies by id (merged ones included), in the order asked. */
export async function companiesByIds(ctx: Ctx, ids: string[]): Promise<Company[]> {
  const rows = await repo.companiesByIds(ctx, ids);
  const byId = new Map(rows.map((row) => [row.id, presentCompany(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** For merges: folds `loserId` into `survivorId` (fields only; other domains move their records). */
export async function foldCompanyInto(ctx: Ctx, survivorId: string, loserId: string): Promise<void> {
  const survivor = await requireCompany(ctx, survivorId, 'survivorId');
  const loser = await requireCompany(ctx, loserId, 'mergedId');
  await foldCompany(ctx, survivor, loser);
}

export {
  bulkCompanies,
  type CompaniesFilter,
  companiesSelection,
  countCompanies,
} from './companies.bulk.ts';
export {
  type CompanyImportRow,
  type CompanyRef,
  importCompanies,
  resolveCompanyRefs,
} from './companies.import.ts';

/** For exports: a page of live companies (by id) as API records, all or those of a selection. */
export async function companiesPage(
  ctx: Ctx,
  afterId: string | null,
  limit: number,
  selection?: repo.CompaniesFilter,
): Promise<Company[]> {
  return (await repo.companiesAfter(ctx, afterId, limit, selection)).map(presentCompany);
}

/** The ids of the live companies a selection matches, as a subquery: a segment in another domain's SQL. */
export function companiesMatchingIds(ctx: Ctx, selection: repo.CompaniesFilter) {
  return repo.matchingCompanies(ctx, { ...selection, includeMerged: false }).select('companies.id');
}
