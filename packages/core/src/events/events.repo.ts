import type { Database, EventsTable } from '@rapport/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import type { EventType } from './events.schema.ts';

export type EventRow = Selectable<EventsTable>;

/** One event to store; its properties and context as JSON text. */
export interface EventInsert {
  id: string;
  messageId: string;
  type: EventType;
  name: string | null;
  userId: string | null;
  anonymousId: string | null;
  personId: string | null;
  /** ISO time the event happened. */
  occurredAt: string;
  properties: string;
  context: string;
  /** Its effects are applied after the request (identify, group, alias, orders, timeline events). */
  pending: boolean;
}

/** Two messages with the same messageId from one source: the caller stores the batch again with `dedupe`. */
export class DuplicateMessage extends Error {}

/**
 * Stores a batch in one statement: one array per short column, unnested into rows, and the
 * properties and contexts as one JSON array each (their text is already JSON: joined, not
 * escaped again; PostgreSQL parses each once, as COPY would). Without `dedupe` every row is
 * inserted (cheaper: no speculative insertion) and a messageId this source sent before fails the
 * statement with DuplicateMessage; with it such messages are skipped. Answers the message ids
 * stored now. A row without a person gets the live person its user id or anonymous id names (a
 * person's external id first, then the linked ids, as resolveIdentities), found in the same
 * statement.
 */
export async function insertEvents(
  ctx: Ctx,
  sourceId: string,
  receivedAt: Date,
  rows: EventInsert[],
  dedupe: boolean,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const column = <K extends keyof EventInsert>(key: K) => rows.map((row) => row[key]);
  const json = (key: 'properties' | 'context') => `[${column(key).join(',')}]`;
  const query = sql<{ message_id: string }>`
    with j as materialized (select ${json('properties')}::jsonb as pr, ${json('context')}::jsonb as cx)
    insert into events (workspace_id, source_id, message_id, id, type, name, person_id, user_id, anonymous_id,
      properties, context, occurred_at, received_at, effect)
    select ${ctx.workspaceId}, ${sourceId}, r.m, r.i, r.y, r.n, coalesce(r.p,
        (select p.id from people p where p.external_id = r.u and p.merged_into_id is null),
        (select i.person_id from person_identities i where i.kind = 'user' and i.value = r.u),
        (select i.person_id from person_identities i where i.kind = 'anonymous' and i.value = r.a)),
      r.u, r.a, j.pr -> (r.o::int - 1),
      j.cx -> (r.o::int - 1), r.t, ${receivedAt}, case when r.w then 'pending' end
    from j, unnest(${column('id')}::text[], ${column('messageId')}::text[], ${column('type')}::text[],
      ${column('name')}::text[], ${column('userId')}::text[], ${column('anonymousId')}::text[],
      ${column('personId')}::text[], ${column('occurredAt')}::timestamptz[], ${column('pending')}::boolean[])
      with ordinality as r(i, m, y, n, u, a, p, t, w, o)
    ${dedupe ? sql`on conflict (workspace_id, source_id, message_id) do nothing returning message_id` : sql``}`;
  if (dedupe) return (await query.execute(ctx.db)).rows.map((row) => row.message_id);
  try {
    await query.execute(ctx.db);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new DuplicateMessage();
    throw error;
  }
  return rows.map((row) => row.messageId);
}

/** Attaches the events sent under ids that now name a person; answers how many. */
export async function attach(
  ctx: Ctx,
  column: 'user_id' | 'anonymous_id',
  links: { value: string; personId: string }[],
): Promise<number> {
  if (links.length === 0) return 0;
  const rows = JSON.stringify(links.map((l) => ({ v: l.value, p: l.personId })));
  const result = await sql`
    update events e set person_id = l.p from jsonb_to_recordset(${rows}::jsonb) as l(v text, p text)
    where ${sql.ref(`e.${column}`)} = l.v and e.person_id is null`.execute(ctx.db);
  return Number(result.numAffectedRows ?? 0);
}

export async function movePerson(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  await ctx.db.updateTable('events').set({ person_id: toId }).where('person_id', '=', fromId).execute();
}

export async function deleteOfSource(ctx: Ctx, sourceId: string): Promise<void> {
  await ctx.db.deleteFrom('events').where('source_id', '=', sourceId).execute();
}

export function ofPerson(
  ctx: Ctx,
  personId: string,
  filter: { type?: string[] | undefined; name?: string | undefined },
  limit: number,
  cursor: unknown[] | null,
): Promise<EventRow[]> {
  let query = ctx.db.selectFrom('events').selectAll().where('person_id', '=', personId);
  if (filter.type?.length) query = query.where('type', 'in', filter.type as EventType[]);
  if (filter.name) query = query.where('name', '=', filter.name);
  if (cursor) {
    query = query.where(
      sql<boolean>`(occurred_at, id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])})`,
    );
  }
  return query
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

/**
 * The newest events by arrival, of one source or of every source: the sources are found by a
 * skip scan of events_source_idx, and each is read newest first from the same index.
 */
export async function recent(
  ctx: Ctx,
  sourceId: string | undefined,
  limit: number,
  beforeId: string | null,
): Promise<EventRow[]> {
  const before = beforeId ? sql`and e.id < ${beforeId}` : sql``;
  const sources = sourceId
    ? sql`select ${sourceId}::text as source_id`
    : sql`with recursive s(source_id) as (
          (select source_id from events order by source_id limit 1)
          union all
          select (select x.source_id from events x where x.source_id > s.source_id order by x.source_id limit 1)
          from s where s.source_id is not null)
        select source_id from s where source_id is not null`;
  const result = await sql<EventRow>`
    select e.* from (${sources}) s cross join lateral (
      select * from events e where e.source_id = s.source_id ${before} order by e.id desc limit ${limit + 1}) e
    order by e.id desc limit ${limit + 1}`.execute(ctx.db);
  return result.rows;
}

/** Per source: when the newest event arrived, how many arrived since `sinceId` (up to `cap`), how many wait for their effects. */
export async function activity(
  ctx: Ctx,
  sourceIds: string[],
  sinceId: string,
  cap: number,
): Promise<{ source_id: string; last_at: Date | null; recent: number; pending: number }[]> {
  if (sourceIds.length === 0) return [];
  const result = await sql<{ source_id: string; last_at: Date | null; recent: number; pending: number }>`
    select s.source_id,
      (select e.received_at from events e where e.source_id = s.source_id order by e.id desc limit 1) as last_at,
      (select count(*)::int from (select 1 from events e where e.source_id = s.source_id and e.id >= ${sinceId}
        limit ${cap}) c) as recent,
      (select count(*)::int from events e where e.source_id = s.source_id and e.effect = 'pending') as pending
    from unnest(${sourceIds}::text[]) as s(source_id)`.execute(ctx.db);
  return result.rows;
}

/** The oldest events whose effects are still to be applied (under row-level security: one workspace). */
export function pending(ctx: Ctx, limit: number): Promise<EventRow[]> {
  return ctx.db
    .selectFrom('events')
    .selectAll()
    .where('effect', '=', 'pending')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Marks events applied; those with an error keep why their effects were refused. */
export async function markApplied(
  ctx: Ctx,
  done: { sourceId: string; id: string; error: string | null }[],
): Promise<void> {
  if (done.length === 0) return;
  await sql`
    update events e set effect = case when r.e is null then 'applied' else 'refused' end, error = r.e
    from unnest(${done.map((d) => d.sourceId)}::text[], ${done.map((d) => d.id)}::text[],
      ${done.map((d) => d.error)}::text[]) as r(s, i, e)
    where e.source_id = r.s and e.id = r.i and e.effect = 'pending'`.execute(ctx.db);
}

/** Workspaces with events whose effects are still to be applied (as the connecting user, outside row-level security). */
export async function workspacesWithPending(db: Kysely<Database>): Promise<string[]> {
  const result = await sql<{ workspace_id: string }>`
    select distinct workspace_id from events where effect = 'pending'`.execute(db);
  return result.rows.map((row) => row.workspace_id);
}
