import type {
  Database,
  SurveyInvitationsTable,
  SurveyKind,
  SurveyResponsesTable,
  SurveyStatus,
  SurveysTable,
} from '@rapport/db';
import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { afterCursor } from '../shared/paging.ts';

export type SurveyRow = Selectable<SurveysTable> & { invited: number; responses: number };

const counted = (ctx: Ctx) =>
  ctx.db
    .selectFrom('surveys as s')
    .selectAll('s')
    .select([
      sql<number>`(select count(*)::int from survey_invitations i where i.workspace_id = s.workspace_id and i.survey_id = s.id)`.as(
        'invited',
      ),
      sql<number>`(select count(*)::int from survey_responses r where r.workspace_id = s.workspace_id and r.survey_id = s.id)`.as(
        'responses',
      ),
    ]);

export function findSurvey(ctx: Ctx, id: string): Promise<SurveyRow | undefined> {
  return counted(ctx).where('s.id', '=', id).executeTakeFirst();
}

export function listSurveys(
  ctx: Ctx,
  status: string | undefined,
  limit: number,
  cursor: unknown[] | null,
): Promise<SurveyRow[]> {
  let query = counted(ctx);
  if (status) query = query.where('s.status', '=', status as SurveyStatus);
  if (cursor) query = query.where(afterCursor('s.created_at', 'desc', cursor, 's.id'));
  return query
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function insertSurvey(ctx: Ctx, row: Insertable<SurveysTable>): Promise<void> {
  await ctx.db.insertInto('surveys').values(row).execute();
}

export async function updateSurvey(ctx: Ctx, id: string, set: Updateable<SurveysTable>): Promise<void> {
  await ctx.db.updateTable('surveys').set(set).where('id', '=', id).execute();
}

export async function deleteSurvey(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.deleteFrom('surveys').where('id', '=', id).execute();
}

// Invitations

/** When each of these people was last invited to or answered any survey, from `since` on. */
export async function lastSurveyed(ctx: Ctx, personIds: string[], since: Date): Promise<Map<string, Date>> {
  if (personIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('survey_invitations')
    .select(['person_id', sql<Date>`max(greatest(sent_at, answered_at))`.as('at')])
    .where(sql<boolean>`person_id = any(${sql.val(personIds)}::text[])`)
    .where((eb) => eb.or([eb('sent_at', '>=', since), eb('answered_at', '>=', since)]))
    .groupBy('person_id')
    .execute();
  return new Map(rows.map((row) => [row.person_id, row.at]));
}

/** Which of these people have an unanswered invitation to this survey whose link still works. */
export async function pendingInvitees(ctx: Ctx, surveyId: string, personIds: string[], now: Date) {
  if (personIds.length === 0) return new Set<string>();
  const rows = await ctx.db
    .selectFrom('survey_invitations')
    .select('person_id')
    .where('survey_id', '=', surveyId)
    .where(sql<boolean>`person_id = any(${sql.val(personIds)}::text[])`)
    .where('answered_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  return new Set(rows.map((row) => row.person_id));
}

export async function insertInvitations(ctx: Ctx, rows: Insertable<SurveyInvitationsTable>[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await ctx.db
      .insertInto('survey_invitations')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export type InvitationListRow = Selectable<SurveyInvitationsTable> & {
  person_name: string;
  email: string | null;
  phone: string | null;
};

function invitationsWithPeople(ctx: Ctx, surveyId: string) {
  return ctx.db
    .selectFrom('survey_invitations as i')
    .innerJoin('people as p', (join) =>
      join.onRef('p.workspace_id', '=', 'i.workspace_id').onRef('p.id', '=', 'i.person_id'),
    )
    .selectAll('i')
    .select([
      sql<string>`rapport_display_name(p.first_name, p.last_name, p.email)`.as('person_name'),
      'p.email',
      'p.phone',
    ])
    .where('i.survey_id', '=', surveyId);
}

export function listInvitations(
  ctx: Ctx,
  surveyId: string,
  filter: { status?: 'pending' | 'answered' | 'expired' | undefined; now: Date },
  limit: number,
  cursor: unknown[] | null,
): Promise<InvitationListRow[]> {
  let query = invitationsWithPeople(ctx, surveyId);
  if (filter.status === 'answered') query = query.where('i.answered_at', 'is not', null);
  if (filter.status === 'pending')
    query = query.where('i.answered_at', 'is', null).where('i.expires_at', '>', filter.now);
  if (filter.status === 'expired')
    query = query.where('i.answered_at', 'is', null).where('i.expires_at', '<=', filter.now);
  if (cursor) query = query.where(afterCursor('i.sent_at', 'desc', cursor, 'i.id'));
  return query
    .orderBy('i.sent_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Unanswered invitations of a survey: these ids, or all whose link still works. */
export function unansweredInvitations(
  ctx: Ctx,
  surveyId: string,
  ids: string[] | undefined,
  now: Date,
  max: number,
): Promise<InvitationListRow[]> {
  let query = invitationsWithPeople(ctx, surveyId);
  query = ids
    ? query.where(sql<boolean>`i.id = any(${sql.val(ids)}::text[])`)
    : query.where('i.answered_at', 'is', null).where('i.expires_at', '>', now);
  return query.orderBy('i.id').limit(max).execute();
}

/** New tokens (by hash) and expiries for many invitations, in one statement. */
export async function setTokens(ctx: Ctx, rows: { id: string; hash: string; expiresAt: Date }[]) {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map((r) => sql`(${r.id}, ${r.hash}, ${r.expiresAt.toISOString()}::timestamptz)`),
  );
  await sql`update survey_invitations i set token_hash = v.hash, expires_at = v.expires_at
    from (values ${values}) as v(id, hash, expires_at) where i.id = v.id`.execute(ctx.db);
}

// The public form

/** The workspace of the invitation a token's hash names; read before any workspace is known. */
export async function invitationWorkspace(db: Kysely<Database>, hash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('survey_invitations')
    .select('workspace_id')
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  return row?.workspace_id;
}

export function findInvitation(ctx: Ctx, id: string) {
  return ctx.db
    .selectFrom('survey_invitations as i')
    .innerJoin('people as p', (join) =>
      join.onRef('p.workspace_id', '=', 'i.workspace_id').onRef('p.id', '=', 'i.person_id'),
    )
    .selectAll('i')
    .select(['p.first_name', 'p.owner_id as person_owner_id'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

/** Stamps an invitation answered, unless it already is: the row lock makes a second submit wait, then fail. */
export async function markAnswered(ctx: Ctx, id: string, at: Date): Promise<boolean> {
  const result = await ctx.db
    .updateTable('survey_invitations')
    .set({ answered_at: at })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertResponse(ctx: Ctx, row: Insertable<SurveyResponsesTable>): Promise<void> {
  await ctx.db.insertInto('survey_responses').values(row).execute();
}

// Responses

export type ResponseRow = Selectable<SurveyResponsesTable> & {
  survey_name: string;
  survey_kind: SurveyKind;
  person_name: string;
  company_name: string | null;
  owner_name: string | null;
};

function responses(ctx: Ctx) {
  return ctx.db
    .selectFrom('survey_responses as r')
    .innerJoin('surveys as s', (join) =>
      join.onRef('s.workspace_id', '=', 'r.workspace_id').onRef('s.id', '=', 'r.survey_id'),
    )
    .innerJoin('people as p', (join) =>
      join.onRef('p.workspace_id', '=', 'r.workspace_id').onRef('p.id', '=', 'r.person_id'),
    )
    .leftJoin('companies as c', (join) =>
      join.onRef('c.workspace_id', '=', 'r.workspace_id').onRef('c.id', '=', 'r.company_id'),
    )
    .leftJoin('users as u', 'u.id', 'r.owner_id')
    .selectAll('r')
    .select([
      's.name as survey_name',
      's.kind as survey_kind',
      sql<string>`rapport_display_name(p.first_name, p.last_name, p.email)`.as('person_name'),
      'c.name as company_name',
      'u.name as owner_name',
    ]);
}

export function listResponses(
  ctx: Ctx,
  surveyId: string,
  withComment: boolean,
  limit: number,
  cursor: unknown[] | null,
): Promise<ResponseRow[]> {
  let query = responses(ctx).where('r.survey_id', '=', surveyId);
  if (withComment) query = query.where('r.comment', 'is not', null);
  if (cursor) query = query.where(afterCursor('r.submitted_at', 'desc', cursor, 'r.id'));
  return query
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export function responsesByIds(ctx: Ctx, ids: string[]): Promise<ResponseRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return responses(ctx)
    .where(sql<boolean>`r.id = any(${sql.val(ids)}::text[])`)
    .execute();
}

// Merges

/** Invitations and answers of one person or company now belong to another (a merge's survivor). */
export async function moveTo(ctx: Ctx, column: 'person_id' | 'company_id', fromId: string, toId: string) {
  for (const table of ['survey_invitations', 'survey_responses'] as const) {
    await ctx.db
      .updateTable(table)
      .set({ [column]: toId })
      .where(column, '=', fromId)
      .execute();
  }
}

/** The latest NPS answer (0–10) of each person, or of each company (an answer carries the company then). */
export async function latestNps(ctx: Ctx, column: 'person_id' | 'company_id') {
  const result = await sql<{ id: string; score: number; submitted_at: Date }>`
    select distinct on (r.${sql.ref(column)}) r.${sql.ref(column)} as id, r.score, r.submitted_at
    from survey_responses r join surveys s on s.workspace_id = r.workspace_id and s.id = r.survey_id
    where s.kind = 'nps' and r.score is not null and r.${sql.ref(column)} is not null
    order by r.${sql.ref(column)}, r.submitted_at desc, r.id desc`.execute(ctx.db);
  return result.rows;
}
