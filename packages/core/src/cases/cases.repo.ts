import type { CaseEventsTable, CasesTable } from '@rapport/db';
import { type Insertable, type RawBuilder, type Selectable, sql, type Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { afterCursor, type Direction } from '../shared/paging.ts';
import { lockWorkspaceWork, moveCustomerOf } from '../shared/records.ts';
import type { SlaState } from './cases.schema.ts';

export type CaseRecord = Selectable<CasesTable>;
export type CaseRow = CaseRecord & {
  person_name: string | null;
  company_name: string | null;
  owner_name: string | null;
  root_cause_name: string | null;
  acknowledge_minutes: number | null;
  resolve_minutes: number | null;
  calendar_id: string | null;
};

const OPEN = sql.raw(`('new', 'acknowledged', 'in_progress', 'waiting_on_customer')`);

/** The SLA state as of `now`, in SQL (the list's filter); the same rules as sla.ts's `slaStateOf`. */
export function slaStateSql(now: Date): RawBuilder<SlaState> {
  const open = sql`k.status in ${OPEN}`;
  const ticking = sql`k.status in ('new', 'acknowledged', 'in_progress')`;
  const breached = sql`(k.acknowledge_breached_at is not null or k.resolve_breached_at is not null
    or (${open} and k.acknowledged_at is null and k.acknowledge_due_at <= ${now})
    or (${ticking} and k.resolve_due_at <= ${now}))`;
  const warning = sql`((${open} and k.acknowledged_at is null and k.acknowledge_warn_at <= ${now})
    or (${ticking} and k.resolve_warn_at <= ${now}))`;
  return sql<SlaState>`case when k.sla_policy_id is null and k.resolve_due_at is null then 'none'
    when ${breached} then 'breached' when ${warning} then 'warning' else 'ok' end`;
}

function withNames(ctx: Ctx) {
  return ctx.db
    .selectFrom('cases as k')
    .leftJoin('users as u', 'u.id', 'k.owner_id')
    .leftJoin('people as p', (j) =>
      j.onRef('p.workspace_id', '=', 'k.workspace_id').onRef('p.id', '=', 'k.person_id'),
    )
    .leftJoin('companies as c', (j) =>
      j.onRef('c.workspace_id', '=', 'k.workspace_id').onRef('c.id', '=', 'k.company_id'),
    )
    .leftJoin('root_causes as r', (j) =>
      j.onRef('r.workspace_id', '=', 'k.workspace_id').onRef('r.id', '=', 'k.root_cause_id'),
    )
    .leftJoin('sla_policies as s', (j) =>
      j.onRef('s.workspace_id', '=', 'k.workspace_id').onRef('s.id', '=', 'k.sla_policy_id'),
    )
    .selectAll('k')
    .select([
      sql<
        string | null
      >`case when p.id is null then null else rapport_display_name(p.first_name, p.last_name, p.email) end`.as(
        'person_name',
      ),
      'c.name as company_name',
      'u.name as owner_name',
      'r.name as root_cause_name',
      's.acknowledge_minutes',
      's.resolve_minutes',
      's.calendar_id',
    ]);
}

export function findCase(ctx: Ctx, id: string): Promise<CaseRow | undefined> {
  return withNames(ctx).where('k.id', '=', id).executeTakeFirst() as Promise<CaseRow | undefined>;
}

export async function lockCase(ctx: Ctx, id: string): Promise<CaseRecord | undefined> {
  return ctx.db.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertCase(ctx: Ctx, row: Insertable<CasesTable>): Promise<void> {
  await ctx.db.insertInto('cases').values(row).execute();
}

export async function updateCase(ctx: Ctx, id: string, set: Updateable<CasesTable>): Promise<void> {
  await ctx.db.updateTable('cases').set(set).where('id', '=', id).execute();
}

export async function insertEvents(ctx: Ctx, rows: Insertable<CaseEventsTable>[]): Promise<void> {
  if (rows.length) await ctx.db.insertInto('case_events').values(rows).execute();
}

export interface CaseFilter {
  statuses?: string[] | undefined;
  types?: string[] | undefined;
  severities?: string[] | undefined;
  ownerId?: string | null | undefined;
  team?: string | undefined;
  personId?: string | undefined;
  companyId?: string | undefined;
  slaStates?: string[] | undefined;
  rootCauseId?: string | undefined;
  category?: string | undefined;
  now: Date;
}

export function listCases(
  ctx: Ctx,
  f: CaseFilter,
  sort: { column: string; direction: Direction },
  limit: number,
  cursor: unknown[] | null,
): Promise<CaseRow[]> {
  let q = withNames(ctx);
  if (f.statuses) q = q.where('k.status', 'in', f.statuses as CaseRecord['status'][]);
  if (f.types) q = q.where('k.type', 'in', f.types as CaseRecord['type'][]);
  if (f.severities) q = q.where('k.severity', 'in', f.severities as CaseRecord['severity'][]);
  if (f.ownerId !== undefined)
    q = f.ownerId === null ? q.where('k.owner_id', 'is', null) : q.where('k.owner_id', '=', f.ownerId);
  if (f.team) q = q.where('k.team', '=', f.team);
  if (f.personId) q = q.where('k.person_id', '=', f.personId);
  if (f.companyId) q = q.where('k.company_id', '=', f.companyId);
  if (f.rootCauseId) q = q.where('k.root_cause_id', '=', f.rootCauseId);
  if (f.category) q = q.where('k.category', '=', f.category);
  if (f.slaStates) q = q.where(sql<boolean>`${slaStateSql(f.now)} = any(${f.slaStates}::text[])`);
  const column = `k.${sort.column}`;
  if (cursor) q = q.where(afterCursor(column, sort.direction, cursor, 'k.id'));
  return q
    .orderBy(
      sql`${sql.ref(column)} ${sql.raw(sort.direction === 'asc' ? 'asc nulls last' : 'desc nulls last')}`,
    )
    .orderBy('k.id', sort.direction)
    .limit(limit + 1)
    .execute() as Promise<CaseRow[]>;
}

export function eventsOfCase(ctx: Ctx, caseId: string) {
  return ctx.db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function eventsByIds(ctx: Ctx, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return ctx.db
    .selectFrom('case_events as e')
    .innerJoin('cases as k', (j) =>
      j.onRef('k.workspace_id', '=', 'e.workspace_id').onRef('k.id', '=', 'e.case_id'),
    )
    .selectAll('e')
    .select(['k.subject as case_subject', 'k.type as case_type'])
    .where('e.id', 'in', ids)
    .execute();
}

/** Open cases with a policy and a stage whose warning or deadline has come and is not marked yet. */
export function casesDue(ctx: Ctx, now: Date, limit: number) {
  return ctx.db
    .selectFrom('cases as k')
    .innerJoin('sla_policies as s', (j) =>
      j.onRef('s.workspace_id', '=', 'k.workspace_id').onRef('s.id', '=', 'k.sla_policy_id'),
    )
    .selectAll('k')
    .select(['s.acknowledge_minutes', 's.resolve_minutes', 's.calendar_id'])
    .where(sql<boolean>`k.status in ${OPEN}`)
    .where(
      sql<boolean>`((k.acknowledged_at is null and ((k.acknowledge_warn_at <= ${now} and k.acknowledge_warned_at is null)
        or (k.acknowledge_due_at <= ${now} and k.acknowledge_breached_at is null)))
      or (k.status <> 'waiting_on_customer' and ((k.resolve_warn_at <= ${now} and k.resolve_warned_at is null)
        or (k.resolve_due_at <= ${now} and k.resolve_breached_at is null))))`,
    )
    .orderBy('k.id')
    .limit(limit)
    .execute();
}

/** The next warning or deadline after `now` among open cases: when the SLA job should run again. */
export async function nextSlaInstant(ctx: Ctx, now: Date): Promise<Date | null> {
  const row = await sql<{ at: Date | null }>`select min(t) as at from cases k,
      lateral (values (case when k.acknowledged_at is null and k.acknowledge_warned_at is null then k.acknowledge_warn_at end),
                      (case when k.acknowledged_at is null and k.acknowledge_breached_at is null then k.acknowledge_due_at end),
                      (case when k.resolve_warned_at is null then k.resolve_warn_at end),
                      (case when k.resolve_breached_at is null then k.resolve_due_at end)) v(t)
    where k.status in ('new', 'acknowledged', 'in_progress') and t > ${now}`.execute(ctx.db);
  return row.rows[0]?.at ?? null;
}

/** For merges. */
export function moveCustomer(ctx: Ctx, column: 'person_id' | 'company_id', fromId: string, toId: string) {
  return moveCustomerOf(ctx, ['cases', 'case_events'], column, fromId, toId);
}

/** One run per workspace at a time (several workers on one PostgreSQL): the others wait, then see its marks. */
export function lockSlaEvaluation(ctx: Ctx): Promise<void> {
  return lockWorkspaceWork(ctx, 'cases.sla');
}

/** Open complaint cases per person or company (health scores). */
export async function openComplaintCounts(ctx: Ctx, column: 'person_id' | 'company_id') {
  const result = await sql<{
    id: string;
    open: number;
  }>`select ${sql.ref(`k.${column}`)} as id, count(*)::int as open
    from cases k
    where k.type = 'complaint' and k.status in ${OPEN} and ${sql.ref(`k.${column}`)} is not null
    group by 1`.execute(ctx.db);
  return result.rows;
}
