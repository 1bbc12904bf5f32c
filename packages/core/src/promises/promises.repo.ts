import type { PromiseEventsTable, PromisesTable } from '@rapport/db';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { afterCursor, type Direction } from '../shared/paging.ts';
import { lockWorkspaceWork, moveCustomerOf } from '../shared/records.ts';

export type PromiseRecord = Selectable<PromisesTable>;
export type PromiseRow = PromiseRecord & {
  person_name: string | null;
  company_name: string | null;
  owner_name: string | null;
};

const PENDING = ['open', 'renegotiated'] as const;

function withNames(ctx: Ctx) {
  return ctx.db
    .selectFrom('promises as m')
    .leftJoin('users as u', 'u.id', 'm.owner_id')
    .leftJoin('people as p', (j) =>
      j.onRef('p.workspace_id', '=', 'm.workspace_id').onRef('p.id', '=', 'm.person_id'),
    )
    .leftJoin('companies as c', (j) =>
      j.onRef('c.workspace_id', '=', 'm.workspace_id').onRef('c.id', '=', 'm.company_id'),
    )
    .selectAll('m')
    .select([
      sql<
        string | null
      >`case when p.id is null then null else rapport_display_name(p.first_name, p.last_name, p.email) end`.as(
        'person_name',
      ),
      'c.name as company_name',
      'u.name as owner_name',
    ]);
}

export function findPromise(ctx: Ctx, id: string): Promise<PromiseRow | undefined> {
  return withNames(ctx).where('m.id', '=', id).executeTakeFirst();
}

export function lockPromise(ctx: Ctx, id: string): Promise<PromiseRecord | undefined> {
  return ctx.db.selectFrom('promises').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertPromise(ctx: Ctx, row: Insertable<PromisesTable>): Promise<void> {
  await ctx.db.insertInto('promises').values(row).execute();
}

export async function updatePromise(ctx: Ctx, id: string, set: Updateable<PromisesTable>): Promise<void> {
  await ctx.db.updateTable('promises').set(set).where('id', '=', id).execute();
}

export async function insertEvents(ctx: Ctx, rows: Insertable<PromiseEventsTable>[]): Promise<void> {
  if (rows.length) await ctx.db.insertInto('promise_events').values(rows).execute();
}

export interface PromiseFilter {
  statuses?: string[] | undefined;
  ownerId?: string | undefined;
  team?: string | undefined;
  personId?: string | undefined;
  companyId?: string | undefined;
  caseId?: string | undefined;
  interactionId?: string | undefined;
  dueBefore?: string | undefined;
  dueAfter?: string | undefined;
}

export function listPromises(
  ctx: Ctx,
  f: PromiseFilter,
  sort: { column: 'due_at' | 'created_at'; direction: Direction },
  limit: number,
  cursor: unknown[] | null,
): Promise<PromiseRow[]> {
  let q = withNames(ctx);
  if (f.statuses) q = q.where('m.status', 'in', f.statuses as PromiseRecord['status'][]);
  if (f.ownerId) q = q.where('m.owner_id', '=', f.ownerId);
  if (f.team) q = q.where('m.team', '=', f.team);
  if (f.personId) q = q.where('m.person_id', '=', f.personId);
  if (f.companyId) q = q.where('m.company_id', '=', f.companyId);
  if (f.caseId) q = q.where('m.case_id', '=', f.caseId);
  if (f.interactionId) q = q.where('m.interaction_id', '=', f.interactionId);
  if (f.dueBefore) q = q.where('m.due_at', '<', new Date(f.dueBefore));
  if (f.dueAfter) q = q.where('m.due_at', '>=', new Date(f.dueAfter));
  const column = `m.${sort.column}`;
  if (cursor) q = q.where(afterCursor(column, sort.direction, cursor, 'm.id'));
  return q
    .orderBy(sql.ref(column), sort.direction)
    .orderBy('m.id', sort.direction)
    .limit(limit + 1)
    .execute();
}

export function eventsOfPromise(ctx: Ctx, id: string) {
  return ctx.db
    .selectFrom('promise_events')
    .selectAll()
    .where('promise_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function eventsByIds(ctx: Ctx, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return ctx.db
    .selectFrom('promise_events as e')
    .innerJoin('promises as m', (j) =>
      j.onRef('m.workspace_id', '=', 'e.workspace_id').onRef('m.id', '=', 'e.promise_id'),
    )
    .selectAll('e')
    .select('m.what')
    .where('e.id', 'in', ids)
    .execute();
}

/** Pending promises whose reminder time has come (not reminded yet, not due yet). */
export function toRemind(ctx: Ctx, now: Date, reminderMinutes: number) {
  return ctx.db
    .selectFrom('promises')
    .selectAll()
    .where('status', 'in', PENDING)
    .where('reminded_at', 'is', null)
    .where('due_at', '>', now)
    .where('due_at', '<=', new Date(now.getTime() + reminderMinutes * 60_000))
    .orderBy('due_at')
    .limit(500)
    .execute();
}

/** Pending promises past their due date become broken (at their due date); the rows changed. */
export function breakOverdue(ctx: Ctx, now: Date) {
  return ctx.db
    .updateTable('promises')
    .set((eb) => ({ status: 'broken', broken_at: eb.ref('due_at'), updated_at: now }))
    .where('status', 'in', PENDING)
    .where('due_at', '<=', now)
    .returningAll()
    .execute();
}

/** When the promises job should run next: the next reminder or due date after `now`. */
export async function nextInstant(ctx: Ctx, now: Date, reminderMinutes: number): Promise<Date | null> {
  const row = await sql<{ at: Date | null }>`select min(t) as at from promises m,
      lateral (values (case when m.reminded_at is null then m.due_at - make_interval(mins => ${reminderMinutes}) end), (m.due_at)) v(t)
    where m.status in ('open', 'renegotiated') and t > ${now}`.execute(ctx.db);
  return row.rows[0]?.at ?? null;
}

export interface RateRow {
  key: string | null;
  name: string | null;
  promises: number;
  kept_on_time: number;
  kept_late: number;
  broken: number;
  open: number;
  renegotiated: number;
}

/** The kept-rate figures grouped by owner, team, company or month of the due date, in SQL. */
export async function keptRates(
  ctx: Ctx,
  by: 'owner' | 'team' | 'company' | 'month',
  from: Date,
  to: Date,
): Promise<RateRow[]> {
  const key = {
    owner: sql`m.owner_id`,
    team: sql`m.team`,
    company: sql`m.company_id`,
    month: sql`to_char(m.due_at at time zone 'UTC', 'YYYY-MM')`,
  }[by];
  const name = {
    owner: sql`(select u.name from users u where u.id = m.owner_id)`,
    team: sql`m.team`,
    company: sql`(select c.name from companies c where c.workspace_id = m.workspace_id and c.id = m.company_id)`,
    month: sql`to_char(m.due_at at time zone 'UTC', 'YYYY-MM')`,
  }[by];
  const result = await sql<RateRow>`select ${key} as key, min(${name}) as name, count(*)::int as promises,
      (count(*) filter (where m.status = 'kept' and m.kept_at <= m.due_at))::int as kept_on_time,
      (count(*) filter (where m.status = 'kept' and m.kept_at > m.due_at))::int as kept_late,
      (count(*) filter (where m.status = 'broken'))::int as broken,
      (count(*) filter (where m.status in ('open', 'renegotiated')))::int as open,
      (count(*) filter (where m.renegotiations > 0))::int as renegotiated
    from promises m
    where m.due_at >= ${from} and m.due_at < ${to}
    group by 1 order by 1 nulls last`.execute(ctx.db);
  return result.rows;
}

/** Broken, kept and open promises per person or company, due since `since`. */
/** Promise counts per customer; `ids` null: every customer with a promise (one grouped scan). */
export async function countsOf(
  ctx: Ctx,
  column: 'person_id' | 'company_id',
  ids: string[] | null,
  since: Date,
) {
  if (ids && !ids.length) return [];
  const result = await sql<{
    id: string;
    broken: number;
    kept: number;
    open: number;
  }>`select ${sql.ref(`m.${column}`)} as id,
      (count(*) filter (where m.status = 'broken'))::int as broken,
      (count(*) filter (where m.status = 'kept'))::int as kept,
      (count(*) filter (where m.status in ('open', 'renegotiated')))::int as open
    from promises m
    where ${ids ? sql`${sql.ref(`m.${column}`)} = any(${ids}::text[])` : sql`${sql.ref(`m.${column}`)} is not null`}
      and m.due_at >= ${since}
    group by 1`.execute(ctx.db);
  return result.rows;
}

/** For merges. */
export function moveCustomer(ctx: Ctx, column: 'person_id' | 'company_id', fromId: string, toId: string) {
  return moveCustomerOf(ctx, ['promises', 'promise_events'], column, fromId, toId);
}

/** One run per workspace at a time (several workers on one PostgreSQL): the others wait, then see its marks. */
export function lockDueRun(ctx: Ctx): Promise<void> {
  return lockWorkspaceWork(ctx, 'promises.due');
}
