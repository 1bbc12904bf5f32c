import { bulkOf } from '../shared/bulk.ts';
import type { Ctx } from '../shared/context.ts';
import type { BulkResult, ListCount } from '../shared/selection.ts';
import { requireMember } from '../users/users.service.ts';
import * as repo from './companies.repo.ts';
import {
  type CompaniesBulk,
  type CompaniesFilterInput,
  companiesBulk,
  companiesFilter,
} from './companies.schema.ts';
import { checkCompaniesQuery } from './companies.service.ts';

export type { CompaniesFilter } from './companies.repo.ts';

const companies = (ctx: Ctx) =>
  bulkOf<repo.CompaniesFilter, CompaniesFilterInput>({
    table: 'companies',
    entity: 'company',
    plural: 'companies',
    matching: (filter) => repo.matchingCompanies(ctx, filter),
    filterSchema: companiesFilter,
    bulkSchema: companiesBulk,
    checkFilter: async (input) => {
      const { query, custom } = await checkCompaniesQuery(ctx, input);
      return { ...query, custom, includeMerged: false };
    },
    requireMember: (userId, path) => requireMember(ctx, userId, path),
  });

/** Adds or removes tags or sets the owner of many companies at once (see bulkPeople). */
export function bulkCompanies(ctx: Ctx, input: CompaniesBulk): Promise<BulkResult> {
  return companies(ctx).bulk(ctx, input);
}

/** How many companies a list's filters match: exact up to 100,000, estimated above. */
export function countCompanies(ctx: Ctx, input: CompaniesFilterInput): Promise<ListCount> {
  return companies(ctx).count(ctx, input);
}

/** A selection (`{ ids }` or `{ filter }`) checked, as a filter of live companies (exports). */
export function companiesSelection(
  ctx: Ctx,
  input: { ids?: string[] | undefined; filter?: unknown },
): Promise<repo.CompaniesFilter> {
  return companies(ctx).selection(ctx, input, (ids) => ({ ids }));
}
