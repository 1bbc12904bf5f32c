import { requireCompany } from '../companies/companies.service.ts';
import { enqueueInWorkspaces } from '../jobs/jobs.service.ts';
import { requirePerson } from '../people/people.service.ts';
import type { Ctx, SystemCtx } from '../shared/context.ts';
import { parseInput } from '../shared/validate.ts';
import { openTaskCounts } from '../tasks/tasks.service.ts';
import { ALERT_TITLE } from './feelings.alert.ts';
import { enqueueAnalysis, SWEEP_JOB } from './feelings.job.ts';
import * as repo from './feelings.repo.ts';
import {
  type FEELING_SUBJECTS,
  type Feelings,
  type FeelingsQuery,
  type FeelingTopic,
  feelingsQuery,
} from './feelings.schema.ts';
import { summarise, TREND_BEFORE_DAYS, TREND_RECENT_DAYS } from './feelings.summary.ts';

export { isValuedCustomer } from './feelings.alert.ts';
export { ANALYZE_JOB, feelingJobTypes, SWEEP_JOB } from './feelings.job.ts';

const DAY = 86_400_000;
/** Texts read for one answer (newest first): enough for a busy account's half year. */
const MAX_ROWS = 5000;

/** What an interaction write tells the feelings: enough to decide whether to analyse it. */
export interface WrittenText {
  id: string;
  direction: 'inbound' | 'outbound' | 'internal';
  /** It has a subject or a body. */
  text: boolean;
  /** It corrects an earlier entry (whose feeling it replaces, or removes). */
  corrects: boolean;
}

/**
 * Enqueues, in the caller's transaction, the analysis of what the customer wrote: inbound
 * interactions with text (internal notes and our own messages are not the customer's feeling),
 * and corrections (the corrected entry's feeling is replaced or removed). New texts may raise an
 * alert (feelings.alert.ts).
 */
export async function queueFeelings(ctx: Ctx, written: WrittenText[]): Promise<void> {
  const ids = written.filter((w) => (w.direction === 'inbound' && w.text) || w.corrects).map((w) => w.id);
  if (ids.length) await enqueueAnalysis(ctx, ids, true);
}

/** Enqueues, in the caller's transaction, the analysis of reviews written, edited, linked or unlinked. */
export async function queueReviewFeelings(ctx: Ctx, ids: string[]): Promise<void> {
  if (ids.length) await enqueueAnalysis(ctx, ids, true, false, 'review');
}

/** Enqueues, in the caller's transaction, the analysis of survey answers' comments. */
export async function queueAnswerFeelings(ctx: Ctx, ids: string[]): Promise<void> {
  if (ids.length) await enqueueAnalysis(ctx, ids, true, false, 'survey_answer');
}

/** A deleted review has no feeling any more. */
export function forgetReviewFeelings(ctx: Ctx, ids: string[]): Promise<void> {
  return repo.deleteFeelings(ctx, 'review', ids);
}

/**
 * Enqueues a sweep of every workspace (or of these): each finds its inbound texts with no feeling,
 * or one from an older text model, and enqueues their analysis in batches. Run at `rapport serve`
 * start and after the demo is loaded; one unfinished sweep per workspace at a time.
 */
export async function sweepFeelings(sys: SystemCtx, workspaceIds?: string[]): Promise<number> {
  return enqueueInWorkspaces(sys, SWEEP_JOB, 'sweep', workspaceIds);
}

async function answer(ctx: Ctx, whose: repo.Whose, input: FeelingsQuery): Promise<Feelings> {
  const { days } = parseInput(feelingsQuery, input);
  const now = ctx.clock.now();
  const reach = Math.max(days, TREND_RECENT_DAYS + TREND_BEFORE_DAYS);
  const rows = await repo.feelingsOf(ctx, whose, new Date(now.getTime() - reach * DAY), MAX_ROWS);
  return summarise(rows, now, days);
}

/** How a person has felt lately: summary and trend, the timeline, the moments that went wrong, the empathy cue. */
export async function personFeelings(
  ctx: Ctx,
  personId: string,
  input: FeelingsQuery = {},
): Promise<Feelings> {
  await requirePerson(ctx, personId);
  return answer(ctx, { personId }, input);
}

/** As personFeelings, over every text of the company's people and of the company itself. */
export async function companyFeelings(
  ctx: Ctx,
  companyId: string,
  input: FeelingsQuery = {},
): Promise<Feelings> {
  await requireCompany(ctx, companyId);
  return answer(ctx, { companyId }, input);
}

/** For merges. */
export function moveFeelingsOfPerson(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveFeelings(ctx, 'person_id', fromId, toId);
}

export function moveFeelingsOfCompany(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveFeelings(ctx, 'company_id', fromId, toId);
}

/** For health scores: each person's (or company's) mean feeling score (−1..1) and texts since `since`. */
export async function feelingMeans(
  ctx: Ctx,
  unit: 'person' | 'company',
  since: Date,
): Promise<Map<string, { mean: number; texts: number }>> {
  const rows = await repo.meanScores(ctx, unit === 'person' ? 'person_id' : 'company_id', since);
  return new Map(rows.map((row) => [row.id, { mean: Number(row.mean), texts: Number(row.texts) }]));
}

/**
 * For health scores: open feeling-alert tasks per person (or company). Until cases exist (issue 7)
 * these are a customer's open complaints.
 */
export function openFeelingAlerts(ctx: Ctx, unit: 'person' | 'company'): Promise<Map<string, number>> {
  return openTaskCounts(ctx, unit, ALERT_TITLE);
}

/** How the customer felt in one text (an interaction, review or survey answer), once analysed; else null. */
export async function feelingOfText(
  ctx: Ctx,
  subjectType: (typeof FEELING_SUBJECTS)[number],
  subjectId: string,
): Promise<{
  label: string;
  score: number;
  topEmotion: string;
  topic: FeelingTopic | null;
  moment: string;
} | null> {
  const row = await repo.feelingOfSubject(ctx, subjectType, subjectId);
  if (!row) return null;
  return {
    label: row.label,
    score: row.score,
    topEmotion: row.top_emotion,
    topic: row.topic as FeelingTopic | null,
    moment: row.moment,
  };
}
