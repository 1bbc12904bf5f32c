import type { SurveysTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { AppError, conflict, invalid, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import { currentWorkspaceName } from '../workspaces/workspaces.service.ts';
import { COMMENT_ID, SCORE_ID, standardQuestions } from './surveys.questions.ts';
import * as repo from './surveys.repo.ts';
import {
  type Survey,
  type SurveyCreate,
  type SurveyKind,
  type SurveyQuestion,
  type SurveyStatus,
  type SurveysQuery,
  type SurveyUpdate,
  surveyCreate,
  surveysQuery,
  surveyUpdate,
} from './surveys.schema.ts';

export function presentSurvey(row: repo.SurveyRow): Survey {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    questions: row.questions as SurveyQuestion[],
    intro: row.intro,
    thankYou: row.thank_you,
    minDaysBetween: row.min_days_between,
    invited: row.invited,
    responses: row.responses,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A survey of this workspace, or not_found at `path`. */
export async function requireSurvey(ctx: Ctx, id: string, path = 'id'): Promise<repo.SurveyRow> {
  const row = await repo.findSurvey(ctx, id);
  if (!row) throw notFound('survey', id, path);
  return row;
}

type Wording = { scoreLabel?: string | undefined; commentLabel?: string | undefined };

/**
 * The questions a survey asks: a custom survey's own, or an NPS/CSAT/CES survey's standard
 * question and comment (worded with the workspace's name unless `scoreLabel` says otherwise).
 */
async function questionsOf(
  ctx: Ctx,
  kind: SurveyKind,
  custom: SurveyQuestion[] | undefined,
  wording: Wording,
  current?: SurveyQuestion[],
): Promise<SurveyQuestion[]> {
  if (kind === 'custom') {
    if (wording.scoreLabel !== undefined || wording.commentLabel !== undefined) {
      const path = wording.scoreLabel !== undefined ? 'scoreLabel' : 'commentLabel';
      throw invalid(
        path,
        'only NPS, CSAT and CES surveys have a standard question; write your own questions',
      );
    }
    if (!custom?.length && !current?.length)
      throw invalid('questions', 'a custom survey needs at least one question');
    return custom ?? current!;
  }
  if (custom !== undefined) {
    throw invalid(
      'questions',
      `a ${kind.toUpperCase()} survey asks its standard question and a comment; choose the kind custom to write your own`,
    );
  }
  const was = (id: string) => current?.find((q) => q.id === id)?.label;
  return standardQuestions(kind, await currentWorkspaceName(ctx), {
    scoreLabel: wording.scoreLabel ?? was(SCORE_ID),
    commentLabel: wording.commentLabel ?? was(COMMENT_ID),
  });
}

export async function createSurvey(ctx: Ctx, input: SurveyCreate): Promise<Survey> {
  const value = parseInput(surveyCreate, input);
  const questions = await questionsOf(ctx, value.kind, value.questions, value);
  const id = newId('survey');
  const now = ctx.clock.now();
  await repo.insertSurvey(ctx, {
    id,
    workspace_id: ctx.workspaceId,
    name: value.name,
    kind: value.kind,
    questions: JSON.stringify(questions),
    intro: value.intro ?? null,
    thank_you: value.thankYou ?? null,
    min_days_between: value.minDaysBetween,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
  });
  return getSurvey(ctx, id);
}

export async function getSurvey(ctx: Ctx, id: string): Promise<Survey> {
  return presentSurvey(await requireSurvey(ctx, id));
}

export async function listSurveys(ctx: Ctx, input: SurveysQuery = {}): Promise<Page<Survey>> {
  const query = parseInput(surveysQuery, input);
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await repo.listSurveys(ctx, query.status, query.limit, cursor);
  return toPage(
    rows,
    query.limit,
    (row) => row.created_at,
    (row) => row.id,
    presentSurvey,
  );
}

const MOVES: Record<SurveyStatus, SurveyStatus[]> = {
  draft: ['active'],
  active: ['closed'],
  closed: ['active'],
};

function checkMove(from: SurveyStatus, to: SurveyStatus) {
  if (from === to || MOVES[from].includes(to)) return;
  throw new AppError(
    'conflict',
    to === 'draft'
      ? 'A survey that has been active cannot become a draft again; close it, or create a new one.'
      : `A ${from} survey cannot become ${to}.`,
    [{ path: 'status', message: `${from} → ${to} is not allowed` }],
  );
}

/**
 * Changes a survey. Its questions (and the wording of a standard question) change only while it
 * is a draft: answers already given keep meaning what they meant. Status: draft → active →
 * closed → active.
 */
export async function updateSurvey(ctx: Ctx, id: string, input: SurveyUpdate): Promise<Survey> {
  const patch = parseInput(surveyUpdate, input);
  const current = await requireSurvey(ctx, id);
  const set: Updateable<SurveysTable> = {};
  const asks = patch.questions ?? patch.scoreLabel ?? patch.commentLabel;
  if (asks !== undefined) {
    if (current.status !== 'draft') {
      const path = patch.questions ? 'questions' : patch.scoreLabel ? 'scoreLabel' : 'commentLabel';
      throw conflict(path, 'questions change only while the survey is a draft');
    }
    const questions = await questionsOf(
      ctx,
      current.kind,
      patch.questions,
      patch,
      current.questions as SurveyQuestion[],
    );
    set.questions = JSON.stringify(questions);
  }
  if (patch.status !== undefined) {
    checkMove(current.status, patch.status);
    if (patch.status !== current.status) set.status = patch.status;
  }
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.intro !== undefined) set.intro = patch.intro;
  if (patch.thankYou !== undefined) set.thank_you = patch.thankYou;
  if (patch.minDaysBetween !== undefined) set.min_days_between = patch.minDaysBetween;
  if (Object.keys(set).length) await repo.updateSurvey(ctx, id, { ...set, updated_at: ctx.clock.now() });
  return getSurvey(ctx, id);
}

/** Deletes a draft; a survey that was sent keeps its invitations and answers (close it instead). */
export async function deleteSurvey(ctx: Ctx, id: string): Promise<void> {
  const current = await requireSurvey(ctx, id);
  if (current.status !== 'draft' || current.invited > 0) {
    throw conflict('id', 'only a draft can be deleted; close the survey to stop answers');
  }
  await repo.deleteSurvey(ctx, id);
}

/** For merges: the loser's invitations and answers become the survivor's. */
export function moveSurveysOfPerson(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  return repo.moveTo(ctx, 'person_id', fromId, toId);
}

export function moveSurveysOfCompany(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  return repo.moveTo(ctx, 'company_id', fromId, toId);
}

export { type AnswerForm, answerSurvey, openSurvey } from './surveys.answer.ts';
export { inviteToSurvey, issueLinks, listInvitations } from './surveys.invite.ts';
export { standardQuestions } from './surveys.questions.ts';
export {
  answerComments,
  commentedAnswerIdsAfter,
  commentTexts,
  listResponses,
  responsesByIds,
} from './surveys.responses.ts';
export { getSurveyResults } from './surveys.results.ts';
export { setSigningSecret } from './surveys.token.ts';

/** For health scores: the latest NPS answer (0–10, when) of each person or company that gave one. */
export async function latestNpsScores(
  ctx: Ctx,
  unit: 'person' | 'company',
): Promise<Map<string, { score: number; at: Date }>> {
  const rows = await repo.latestNps(ctx, unit === 'person' ? 'person_id' : 'company_id');
  return new Map(rows.map((row) => [row.id, { score: row.score, at: row.submitted_at }]));
}
