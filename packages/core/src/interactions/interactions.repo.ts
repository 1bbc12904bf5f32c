import type { InteractionsTable } from '@rapport/db';
import { type Insertable, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import type { Direction } from '../shared/paging.ts';

export interface InteractionRow {
  id: string;
  channel: string;
  direction: 'inbound' | 'outbound' | 'internal';
  occurred_at: Date;
  subject: string | null;
  body: string | null;
  company_id: string | null;
  company_name: string | null;
  corrects_id: string | null;
  correction_reason: string | null;
  corrected_by_id: string | null;
  external_id: string | null;
  created_by: string;
  created_at: Date;
  people: { id: string; name: string; role: string }[];
  users: { id: string; name: string; role: string }[];
}

export interface Participants {
  people: { personId: string; role: string }[];
  users: { userId: string; role: string }[];
}

export async function insertInteraction(
  ctx: Ctx,
  row: Insertable<InteractionsTable>,
  participants: Participants,
): Promise<void> {
  await ctx.db.insertInto('interactions').values(row).execute();
  const at = row.occurred_at;
  if (participants.people.length) {
    await ctx.db
      .insertInto('interaction_people')
      .values(
        participants.people.map((p) => ({
          workspace_id: row.workspace_id,
          interaction_id: row.id,
          person_id: p.personId,
          role: p.role,
          occurred_at: at,
          channel: row.channel,
        })),
      )
      .execute();
  }
  if (participants.users.length) {
    await ctx.db
      .insertInto('interaction_users')
      .values(
        participants.users.map((u) => ({
          workspace_id: row.workspace_id,
          interaction_id: row.id,
          user_id: u.userId,
          role: u.role,
        })),
      )
      .execute();
  }
}

/** Interactions with their participants' names, company name and the entry that corrects them. */
export async function hydrate(ctx: Ctx, ids: string[]): Promise<InteractionRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<InteractionRow>`
    select i.id, i.channel, i.direction, i.occurred_at, i.subject, i.body, i.company_id, c.name as company_name,
      i.corrects_id, i.correction_reason, i.external_id, i.created_by, i.created_at,
      (select x.id from interactions x where x.workspace_id = i.workspace_id and x.corrects_id = i.id
        order by x.created_at desc, x.id desc limit 1) as corrected_by_id,
      coalesce((select jsonb_agg(jsonb_build_object('id', p.id,
          'name', rapport_display_name(p.first_name, p.last_name, p.email), 'role', ip.role) order by ip.role, p.sort_name)
        from interaction_people ip join people p on p.workspace_id = ip.workspace_id and p.id = ip.person_id
        where ip.workspace_id = i.workspace_id and ip.interaction_id = i.id), '[]') as people,
      coalesce((select jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name, 'role', iu.role) order by u.name)
        from interaction_users iu join users u on u.id = iu.user_id
        where iu.workspace_id = i.workspace_id and iu.interaction_id = i.id), '[]') as users
    from interactions i
    left join companies c on c.workspace_id = i.workspace_id and c.id = i.company_id
    where i.id = any(${ids}::text[])`.execute(ctx.db);
  const byId = new Map(result.rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface InteractionsFilter {
  personId?: string | undefined;
  companyId?: string | undefined;
  userId?: string | undefined;
  channel?: string[] | undefined;
  direction?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

/** Ids of a page of interactions, newest first, keyset on (occurred_at, id). */
export async function listIds(
  ctx: Ctx,
  filter: InteractionsFilter,
  limit: number,
  cursor: unknown[] | null,
  direction: Direction = 'desc',
): Promise<{ id: string; occurred_at: Date }[]> {
  let query = ctx.db.selectFrom('interactions as i').select(['i.id', 'i.occurred_at']);
  if (filter.personId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('interaction_people as ip')
          .select(sql.lit(1).as('one'))
          .whereRef('ip.interaction_id', '=', 'i.id')
          .where('ip.person_id', '=', filter.personId!),
      ),
    );
  }
  if (filter.userId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('interaction_users as iu')
          .select(sql.lit(1).as('one'))
          .whereRef('iu.interaction_id', '=', 'i.id')
          .where('iu.user_id', '=', filter.userId!),
      ),
    );
  }
  if (filter.companyId) query = query.where('i.company_id', '=', filter.companyId);
  if (filter.channel?.length) query = query.where('i.channel', 'in', filter.channel);
  if (filter.direction) query = query.where('i.direction', '=', filter.direction as 'inbound');
  if (filter.since) query = query.where('i.occurred_at', '>=', new Date(filter.since));
  if (filter.until) query = query.where('i.occurred_at', '<', new Date(filter.until));
  if (cursor) {
    const op = sql.raw(direction === 'desc' ? '<' : '>');
    query = query.where(sql<boolean>`(i.occurred_at, i.id) ${op} (${cursor[0]}::timestamptz, ${cursor[1]})`);
  }
  return query
    .orderBy('i.occurred_at', direction)
    .orderBy('i.id', direction)
    .limit(limit + 1)
    .execute();
}

/** For merges: the loser's participations become the survivor's (one row per interaction). */
export async function movePersonParticipations(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  await ctx.db
    .deleteFrom('interaction_people')
    .where('person_id', '=', fromId)
    .where('interaction_id', 'in', (eb) =>
      eb.selectFrom('interaction_people').select('interaction_id').where('person_id', '=', toId),
    )
    .execute();
  await ctx.db
    .updateTable('interaction_people')
    .set({ person_id: toId })
    .where('person_id', '=', fromId)
    .execute();
}

/** For company merges: the only change ever made to an interaction is its account link. */
export async function moveCompany(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  await ctx.db
    .updateTable('interactions')
    .set({ company_id: toId })
    .where('company_id', '=', fromId)
    .execute();
}

/** Ids of a page of interactions by id (oldest first, so corrections follow what they correct). */
export async function idsAfter(ctx: Ctx, afterId: string | null, limit: number): Promise<string[]> {
  let query = ctx.db.selectFrom('interactions').select('id');
  if (afterId) query = query.where('id', '>', afterId);
  return (await query.orderBy('id').limit(limit).execute()).map((row) => row.id);
}

export interface InboundText {
  id: string;
  subject: string | null;
  body: string | null;
  occurred_at: Date;
  person_id: string | null;
}

/**
 * What customers wrote in a time window (inbound interactions with a subject or body, not
 * superseded by a correction), newest first, with one of their people; of `personIds` only when given.
 */
export async function inboundTexts(
  ctx: Ctx,
  from: Date,
  to: Date,
  personIds: string[] | null,
  limit: number,
): Promise<InboundText[]> {
  const people = personIds
    ? sql`and exists (select 1 from interaction_people p where p.interaction_id = i.id and p.person_id = any(${personIds}::text[]))`
    : sql``;
  const result = await sql<InboundText>`
    select i.id, i.subject, i.body, i.occurred_at,
      (select p.person_id from interaction_people p where p.interaction_id = i.id order by p.person_id limit 1) as person_id
    from interactions i
    where i.direction = 'inbound' and i.occurred_at >= ${from} and i.occurred_at < ${to}
      and (i.body is not null or i.subject is not null)
      and not exists (select 1 from interactions c where c.corrects_id = i.id)
      ${people}
    order by i.occurred_at desc, i.id desc
    limit ${limit}`.execute(ctx.db);
  return result.rows;
}

/** What the customer side wrote in these interactions, for the feelings analysis. */
export interface CustomerTextRow {
  id: string;
  direction: 'inbound' | 'outbound' | 'internal';
  occurred_at: Date;
  subject: string | null;
  body: string | null;
  company_id: string | null;
  corrects_id: string | null;
  corrected: boolean;
  /** The customer-side people, the sender first. */
  person_ids: string[];
}

export async function customerTexts(ctx: Ctx, ids: string[]): Promise<CustomerTextRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<CustomerTextRow>`
    select i.id, i.direction, i.occurred_at, i.subject, i.body, i.company_id, i.corrects_id,
      exists (select 1 from interactions x where x.workspace_id = i.workspace_id and x.corrects_id = i.id) as corrected,
      coalesce((select array_agg(ip.person_id order by array_position(
          array['from', 'participant', 'attendee', 'cc', 'to'], ip.role), ip.person_id)
        from interaction_people ip where ip.workspace_id = i.workspace_id and ip.interaction_id = i.id),
        '{}') as person_ids
    from interactions i
    where i.id = any(${ids}::text[])`.execute(ctx.db);
  return result.rows;
}

/** Inbound interactions with a subject or a body that no correction replaced, by id after `afterId`. */
export async function inboundTextIdsAfter(
  ctx: Ctx,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const result = await sql<{ id: string }>`
    select i.id from interactions i
    where i.direction = 'inbound' and (i.subject is not null or i.body is not null)
      and i.id > ${afterId ?? ''}
      and not exists (select 1 from interactions x where x.workspace_id = i.workspace_id and x.corrects_id = i.id)
    order by i.id limit ${limit}`.execute(ctx.db);
  return result.rows.map((row) => row.id);
}

/** The last inbound or outbound interaction (internal notes are no contact) per person or company. */
export async function lastContacts(ctx: Ctx, unit: 'person' | 'company') {
  const result =
    unit === 'person'
      ? await sql<{ id: string; at: Date }>`
          select ip.person_id as id, max(ip.occurred_at) as at from interaction_people ip
          join interactions i on i.workspace_id = ip.workspace_id and i.id = ip.interaction_id
          where i.direction <> 'internal' group by ip.person_id`.execute(ctx.db)
      : await sql<{ id: string; at: Date }>`
          select company_id as id, max(occurred_at) as at from interactions
          where company_id is not null and direction <> 'internal' group by company_id`.execute(ctx.db);
  return result.rows;
}

/** The people on the customer side of an inbound or outbound interaction since `since`, as a subquery. */
export function contactedSince(ctx: Ctx, since: Date) {
  return ctx.db
    .selectFrom('interaction_people as ip')
    .innerJoin('interactions as i', (join) =>
      join.onRef('i.workspace_id', '=', 'ip.workspace_id').onRef('i.id', '=', 'ip.interaction_id'),
    )
    .select('ip.person_id')
    .where('ip.occurred_at', '>=', since)
    .where('i.direction', '<>', 'internal');
}
