import type { Database, MembershipsTable } from '@rapport/db';
import { type Insertable, type Selectable, type SelectQueryBuilder, sql, type Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';

export type MembershipRow = Selectable<MembershipsTable> & { person_name: string; company_name: string };

function withNames(ctx: Ctx) {
  return ctx.db
    .selectFrom('memberships as m')
    .innerJoin('people as p', (join) =>
      join.onRef('p.workspace_id', '=', 'm.workspace_id').onRef('p.id', '=', 'm.person_id'),
    )
    .innerJoin('companies as c', (join) =>
      join.onRef('c.workspace_id', '=', 'm.workspace_id').onRef('c.id', '=', 'm.company_id'),
    )
    .selectAll('m')
    .select([
      sql<string>`rapport_display_name(p.first_name, p.last_name, p.email)`.as('person_name'),
      'c.name as company_name',
    ]);
}

export function findMembership(ctx: Ctx, id: string): Promise<MembershipRow | undefined> {
  return withNames(ctx).where('m.id', '=', id).executeTakeFirst();
}

export function membershipsOfPerson(ctx: Ctx, personId: string): Promise<MembershipRow[]> {
  return withNames(ctx)
    .where('m.person_id', '=', personId)
    .orderBy('m.is_primary', 'desc')
    .orderBy('c.sort_name')
    .execute();
}

export function membershipsOfCompany(ctx: Ctx, companyId: string): Promise<MembershipRow[]> {
  return withNames(ctx).where('m.company_id', '=', companyId).orderBy('p.sort_name').execute();
}

export async function insertMembership(ctx: Ctx, row: Insertable<MembershipsTable>): Promise<void> {
  await ctx.db.insertInto('memberships').values(row).execute();
}

export async function updateMembership(
  ctx: Ctx,
  id: string,
  set: Updateable<MembershipsTable>,
): Promise<boolean> {
  const result = await ctx.db
    .updateTable('memberships')
    .set({ ...set, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function clearOtherPrimaries(ctx: Ctx, personId: string, keepId: string): Promise<void> {
  await ctx.db
    .updateTable('memberships')
    .set({ is_primary: false, updated_at: ctx.clock.now() })
    .where('person_id', '=', personId)
    .where('id', '!=', keepId)
    .where('is_primary', '=', true)
    .execute();
}

export async function deleteMembership(ctx: Ctx, id: string): Promise<boolean> {
  const result = await ctx.db.deleteFrom('memberships').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Moves memberships from one person to another; where both belong to a company, the survivor's stays. */
export async function movePersonMemberships(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  await ctx.db
    .deleteFrom('memberships')
    .where('person_id', '=', fromId)
    .where('company_id', 'in', (eb) =>
      eb.selectFrom('memberships').select('company_id').where('person_id', '=', toId),
    )
    .execute();
  await ctx.db
    .updateTable('memberships')
    .set({ person_id: toId, is_primary: false, updated_at: ctx.clock.now() })
    .where('person_id', '=', fromId)
    .execute();
}

/** Moves memberships from one company to another; a person in both keeps the survivor's. */
export async function moveCompanyMemberships(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  await ctx.db
    .deleteFrom('memberships')
    .where('company_id', '=', fromId)
    .where('person_id', 'in', (eb) =>
      eb.selectFrom('memberships').select('person_id').where('company_id', '=', toId),
    )
    .execute();
  await ctx.db
    .updateTable('memberships')
    .set({ company_id: toId, updated_at: ctx.clock.now() })
    .where('company_id', '=', fromId)
    .execute();
}

export interface MembershipUpsert {
  personId: string;
  companyId: string;
  role?: string | null | undefined;
  level?: MembershipsTable['level'] | undefined;
  function?: string | null | undefined;
  isPrimary?: boolean | null | undefined;
}

/** Adds memberships, or fills in role, level and function of existing ones (empty values never erase). */
export async function upsertMemberships(ctx: Ctx, rows: MembershipUpsert[]): Promise<number> {
  let written = 0;
  const now = ctx.clock.now();
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    const result = await ctx.db
      .insertInto('memberships')
      .values(
        part.map((row) => ({
          id: newId('membership'),
          workspace_id: ctx.workspaceId,
          person_id: row.personId,
          company_id: row.companyId,
          role: row.role ?? null,
          level: row.level ?? null,
          function: row.function ?? null,
          is_primary: row.isPrimary ?? false,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'person_id', 'company_id']).doUpdateSet((eb) => ({
          role: sql`coalesce(${eb.ref('excluded.role')}, memberships.role)`,
          level: sql`coalesce(${eb.ref('excluded.level')}, memberships.level)`,
          function: sql`coalesce(${eb.ref('excluded.function')}, memberships.function)`,
          is_primary: sql`excluded.is_primary or memberships.is_primary`,
          updated_at: now,
        })),
      )
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

export interface MembershipExportRow {
  person_id: string;
  company_id: string;
  company_name: string;
  company_domain: string | null;
  company_external_id: string | null;
  role: string | null;
  level: string | null;
  function: string | null;
  is_primary: boolean;
}

export function membershipsOfPeople(ctx: Ctx, personIds: string[]): Promise<MembershipExportRow[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return ctx.db
    .selectFrom('memberships as m')
    .innerJoin('companies as c', (join) =>
      join.onRef('c.workspace_id', '=', 'm.workspace_id').onRef('c.id', '=', 'm.company_id'),
    )
    .select([
      'm.person_id',
      'm.company_id',
      'c.name as company_name',
      'c.domain as company_domain',
      'c.external_id as company_external_id',
      'm.role',
      'm.level',
      'm.function',
      'm.is_primary',
    ])
    .where('m.person_id', 'in', personIds)
    .orderBy('m.person_id')
    .orderBy('m.is_primary', 'desc')
    .orderBy('m.created_at')
    .execute();
}

/** Per company and level: whether one of its people at that level is in `contacted` (a subquery of person ids). */
export function levelCoverage(
  ctx: Ctx,
  contacted: SelectQueryBuilder<Database, never, { person_id: string }>,
) {
  return ctx.db
    .selectFrom('memberships as m')
    .select(['m.company_id', 'm.level'])
    .select((eb) =>
      eb.fn.max(eb.case().when('m.person_id', 'in', contacted).then(1).else(0).end()).as('contacted'),
    )
    .where('m.level', 'is not', null)
    .groupBy(['m.company_id', 'm.level'])
    .execute() as Promise<{ company_id: string; level: string; contacted: number }[]>;
}
