import type { Ctx } from '../shared/context.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './surveys.repo.ts';
import {
  type AnswerValue,
  type ResponsesQuery,
  responsesQuery,
  type SurveyResponse,
} from './surveys.schema.ts';
import { requireSurvey } from './surveys.service.ts';

function present(row: repo.ResponseRow): SurveyResponse {
  return {
    id: row.id,
    surveyId: row.survey_id,
    surveyName: row.survey_name,
    surveyKind: row.survey_kind,
    invitationId: row.invitation_id,
    personId: row.person_id,
    personName: row.person_name,
    companyId: row.company_id,
    companyName: row.company_name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    score: row.score,
    comment: row.comment,
    answers: row.answers as Record<string, AnswerValue>,
    submittedAt: row.submitted_at.toISOString(),
  };
}

/** A survey's answers, newest first; `withComment` keeps those with a comment. */
export async function listResponses(
  ctx: Ctx,
  surveyId: string,
  input: ResponsesQuery = {},
): Promise<Page<SurveyResponse>> {
  const query = parseInput(responsesQuery, input);
  await requireSurvey(ctx, surveyId);
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await repo.listResponses(ctx, surveyId, query.withComment ?? false, query.limit, cursor);
  return toPage(
    rows,
    query.limit,
    (row) => row.submitted_at,
    (row) => row.id,
    present,
  );
}

/** Answers by id (for the timeline), in no particular order. */
export async function responsesByIds(ctx: Ctx, ids: string[]): Promise<SurveyResponse[]> {
  return (await repo.responsesByIds(ctx, ids)).map(present);
}

/** For themes: the comments left with survey answers between `from` and `to`, newest first. */
export async function commentTexts(
  ctx: Ctx,
  input: { from: Date; to: Date; personIds?: string[] | null; limit: number },
): Promise<{ id: string; text: string; occurredAt: string; personId: string | null }[]> {
  let query = ctx.db
    .selectFrom('survey_responses')
    .select(['id', 'comment', 'submitted_at', 'person_id'])
    .where('comment', 'is not', null)
    .where('submitted_at', '>=', input.from)
    .where('submitted_at', '<', input.to);
  if (input.personIds)
    query = query.where('person_id', 'in', input.personIds.length ? input.personIds : ['']);
  const rows = await query.orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(input.limit).execute();
  return rows
    .filter((row) => row.comment?.trim())
    .map((row) => ({
      id: row.id,
      text: row.comment!,
      occurredAt: new Date(row.submitted_at).toISOString(),
      personId: row.person_id,
    }));
}

/** For the feelings: the comments of these answers (those with one), with who answered. */
export async function answerComments(
  ctx: Ctx,
  ids: string[],
): Promise<{ id: string; comment: string; submittedAt: Date; personId: string; companyId: string | null }[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('survey_responses')
    .select(['id', 'comment', 'submitted_at', 'person_id', 'company_id'])
    .where('id', 'in', ids)
    .execute();
  return rows
    .filter((row) => row.comment?.trim())
    .map((row) => ({
      id: row.id,
      comment: row.comment!,
      submittedAt: new Date(row.submitted_at),
      personId: row.person_id,
      companyId: row.company_id,
    }));
}

/** For the feelings sweep: ids of answers with a comment, by id after `afterId`. */
export async function commentedAnswerIdsAfter(
  ctx: Ctx,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  let query = ctx.db.selectFrom('survey_responses').select('id').where('comment', 'is not', null);
  if (afterId) query = query.where('id', '>', afterId);
  return (await query.orderBy('id').limit(limit).execute()).map((row) => row.id);
}
