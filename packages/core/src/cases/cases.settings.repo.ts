import type {
  BusinessCalendarsTable,
  CaseSettingsTable,
  CompensationLimitsTable,
  RootCausesTable,
  SlaPoliciesTable,
} from '@rapport/db';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';

export type CalendarRow = Selectable<BusinessCalendarsTable>;
export type PolicyRow = Selectable<SlaPoliciesTable> & { calendar_name: string };
export type RootCauseRow = Selectable<RootCausesTable> & { cases: number };

export function findCalendar(ctx: Ctx, id: string): Promise<CalendarRow | undefined> {
  return ctx.db.selectFrom('business_calendars').selectAll().where('id', '=', id).executeTakeFirst();
}

export function calendarsByIds(ctx: Ctx, ids: string[]): Promise<CalendarRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return ctx.db.selectFrom('business_calendars').selectAll().where('id', 'in', ids).execute();
}

export function listCalendars(ctx: Ctx): Promise<CalendarRow[]> {
  return ctx.db.selectFrom('business_calendars').selectAll().orderBy('name').orderBy('id').execute();
}

export async function insertCalendar(ctx: Ctx, row: Insertable<BusinessCalendarsTable>): Promise<void> {
  await ctx.db.insertInto('business_calendars').values(row).execute();
}

export async function updateCalendar(ctx: Ctx, id: string, set: Updateable<BusinessCalendarsTable>) {
  await ctx.db.updateTable('business_calendars').set(set).where('id', '=', id).execute();
}

export async function deleteCalendar(ctx: Ctx, id: string): Promise<boolean> {
  const done = await ctx.db.deleteFrom('business_calendars').where('id', '=', id).executeTakeFirst();
  return done.numDeletedRows > 0n;
}

function policies(ctx: Ctx) {
  return ctx.db
    .selectFrom('sla_policies as s')
    .innerJoin('business_calendars as b', (j) =>
      j.onRef('b.workspace_id', '=', 's.workspace_id').onRef('b.id', '=', 's.calendar_id'),
    )
    .selectAll('s')
    .select('b.name as calendar_name');
}

export function findPolicy(ctx: Ctx, id: string): Promise<PolicyRow | undefined> {
  return policies(ctx).where('s.id', '=', id).executeTakeFirst();
}

export function listPolicies(ctx: Ctx): Promise<PolicyRow[]> {
  return policies(ctx).orderBy('s.severity').orderBy('s.tier').orderBy('s.id').execute();
}

/** The policy for a severity and tier: the tier's own, else the one for every tier. */
export function matchPolicy(ctx: Ctx, severity: string, tier: string): Promise<PolicyRow | undefined> {
  return policies(ctx)
    .where('s.severity', '=', severity as PolicyRow['severity'])
    .where((eb) => eb.or([eb('s.tier', '=', tier as PolicyRow['tier'] & string), eb('s.tier', 'is', null)]))
    .orderBy(sql`s.tier is null`)
    .limit(1)
    .executeTakeFirst();
}

export async function insertPolicy(ctx: Ctx, row: Insertable<SlaPoliciesTable>): Promise<void> {
  await ctx.db.insertInto('sla_policies').values(row).execute();
}

export async function updatePolicy(ctx: Ctx, id: string, set: Updateable<SlaPoliciesTable>) {
  await ctx.db.updateTable('sla_policies').set(set).where('id', '=', id).execute();
}

export async function deletePolicy(ctx: Ctx, id: string): Promise<boolean> {
  const done = await ctx.db.deleteFrom('sla_policies').where('id', '=', id).executeTakeFirst();
  return done.numDeletedRows > 0n;
}

export function policyCountOfCalendar(ctx: Ctx, calendarId: string) {
  return ctx.db
    .selectFrom('sla_policies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('calendar_id', '=', calendarId)
    .executeTakeFirstOrThrow();
}

function rootCauses(ctx: Ctx) {
  return ctx.db
    .selectFrom('root_causes as r')
    .selectAll('r')
    .select(
      sql<number>`(select count(*)::int from cases k where k.workspace_id = r.workspace_id and k.root_cause_id = r.id)`.as(
        'cases',
      ),
    );
}

export function listRootCauses(ctx: Ctx): Promise<RootCauseRow[]> {
  return rootCauses(ctx).orderBy(sql`lower(r.name)`).execute();
}

export function findRootCause(ctx: Ctx, id: string): Promise<RootCauseRow | undefined> {
  return rootCauses(ctx).where('r.id', '=', id).executeTakeFirst();
}

export async function insertRootCause(ctx: Ctx, row: Insertable<RootCausesTable>): Promise<void> {
  await ctx.db.insertInto('root_causes').values(row).execute();
}

export async function updateRootCause(ctx: Ctx, id: string, set: Updateable<RootCausesTable>) {
  await ctx.db.updateTable('root_causes').set(set).where('id', '=', id).execute();
}

export function listLimits(ctx: Ctx): Promise<Selectable<CompensationLimitsTable>[]> {
  return ctx.db.selectFrom('compensation_limits').selectAll().orderBy('role').orderBy('currency').execute();
}

export async function replaceLimits(ctx: Ctx, rows: Insertable<CompensationLimitsTable>[]): Promise<void> {
  await ctx.db.deleteFrom('compensation_limits').execute();
  if (rows.length) await ctx.db.insertInto('compensation_limits').values(rows).execute();
}

export function findLimit(ctx: Ctx, role: string, currency: string) {
  return ctx.db
    .selectFrom('compensation_limits')
    .select('max_amount_minor')
    .where('role', '=', role as 'agent')
    .where('currency', '=', currency)
    .executeTakeFirst();
}

export function findSettings(ctx: Ctx): Promise<Selectable<CaseSettingsTable> | undefined> {
  return ctx.db.selectFrom('case_settings').selectAll().executeTakeFirst();
}

export async function upsertSettings(ctx: Ctx, row: Insertable<CaseSettingsTable>): Promise<void> {
  const { workspace_id: _, id: __, ...set } = row;
  await ctx.db
    .insertInto('case_settings')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'id']).doUpdateSet(set))
    .execute();
}
