import type { CompaniesTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import * as repo from './companies.repo.ts';

type Row = repo.CompanyRow;

/** As for people: the survivor's values win, blanks are filled, tags united; the loser is marked first. */
export async function foldCompany(ctx: Ctx, survivor: Row, loser: Row): Promise<void> {
  await repo.updateCompany(ctx, loser.id, { merged_into_id: survivor.id });
  const set: Updateable<CompaniesTable> = {};
  for (const key of [
    'external_id',
    'domain',
    'industry',
    'phone',
    'employee_count',
    'description',
    'owner_id',
  ] as const) {
    if (survivor[key] === null && loser[key] !== null) (set as Record<string, unknown>)[key] = loser[key];
  }
  if (!survivor.address && loser.address) set.address = JSON.stringify(loser.address);
  set.tags = [...new Set([...survivor.tags, ...loser.tags])];
  set.custom = JSON.stringify({ ...loser.custom, ...survivor.custom });
  await repo.updateCompany(ctx, survivor.id, set);
}
