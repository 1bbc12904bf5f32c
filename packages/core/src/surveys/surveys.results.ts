import { peopleMatchingIds, segmentOf } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { parseInput } from '../shared/validate.ts';
import * as figures from './surveys.results.repo.ts';
import {
  type QuestionResult,
  type ResultGroup,
  type ResultsQuery,
  resultsQuery,
  type SurveyResults,
} from './surveys.results.schema.ts';
import type { SurveyKind, SurveyQuestion } from './surveys.schema.ts';
import { requireSurvey } from './surveys.service.ts';

const YEAR = 365 * 86_400_000; // the default range: the year up to the end of today (UTC)
const MAX_SEGMENTS = 10;

function instant(value: string | undefined, fallback: Date): Date {
  if (value === undefined) return fallback;
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
}

function questionsOf(rows: figures.DistributionRow[], key: string | null): QuestionResult[] {
  const byQuestion = new Map<string, QuestionResult>();
  for (const row of rows) {
    if (row.key !== key) continue;
    let q = byQuestion.get(row.question);
    if (!q) {
      q = { questionId: row.question, answered: 0, mean: null, counts: [] };
      byQuestion.set(row.question, q);
    }
    if (row.whole) {
      q.answered = row.n;
      q.mean = row.mean === null ? null : Math.round(row.mean * 100) / 100;
    } else q.counts.push({ value: row.value!, count: row.n });
  }
  return [...byQuestion.values()];
}

function present(
  kind: SurveyKind,
  row: figures.GroupRow,
  distribution: figures.DistributionRow[],
  label?: string,
): ResultGroup {
  const is = (k: SurveyKind) => kind === k;
  return {
    key: row.key,
    label: label ?? row.label ?? '',
    invited: row.invited,
    answered: row.answered,
    responseRate: row.response_rate,
    responses: row.responses,
    score: row.responses ? row.score : null,
    promoters: is('nps') ? row.promoters : null,
    passives: is('nps') ? row.passives : null,
    detractors: is('nps') ? row.detractors : null,
    satisfied: is('csat') ? row.satisfied : null,
    easy: is('ces') ? row.easy : null,
    easyRate: is('ces') ? row.easy_rate : null,
    mean: is('custom') || row.mean === null ? null : Math.round(row.mean * 100) / 100,
    questions: questionsOf(distribution, row.key),
  };
}

/** One group's figures over a scope: the counts and the metric, and the answers' distribution. */
async function collect(ctx: Ctx, scope: figures.Scope, grouping: figures.Grouping, questionIds: string[]) {
  const [rows, spread] = await Promise.all([
    figures.groupFigures(ctx, scope, grouping),
    figures.distribution(ctx, scope, grouping, questionIds),
  ]);
  return { rows, spread };
}

/** A saved view of people as a segment: the subquery of the people it matches now. */
async function segment(ctx: Ctx, viewId: string, index: number) {
  const { view, selection } = await segmentOf(ctx, viewId, `viewId.${index}`);
  return { view, people: peopleMatchingIds(ctx, selection) };
}

/**
 * A survey's figures in a time range, grouped by period, owner, company or segment (saved views
 * of people): invitations sent and answered (response rate) and, from the answers given, NPS
 * (% promoters 9–10 − % detractors 0–6), CSAT (% answering 4–5) or CES (mean, share ≥ 5), and per
 * scale or choice question the distribution of the answers. Aggregated in the database.
 */
export async function getSurveyResults(
  ctx: Ctx,
  surveyId: string,
  input: ResultsQuery = {},
): Promise<SurveyResults> {
  const query = parseInput(resultsQuery, input);
  const survey = await requireSurvey(ctx, surveyId);
  const now = ctx.clock.now();
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const to = instant(query.to, tomorrow);
  const from = instant(query.from, new Date(to.getTime() - YEAR));
  if (from.getTime() >= to.getTime()) throw invalid('from', 'must be before to');
  const questionIds = (survey.questions as SurveyQuestion[])
    .filter((q) => q.type !== 'text')
    .map((q) => q.id);
  const scope: figures.Scope = { surveyId, kind: survey.kind, from, to };
  const total = await collect(ctx, scope, figures.whole('All'), questionIds);
  let groups: ResultGroup[];
  if (query.groupBy === 'segment') {
    const viewIds = query.viewId ?? [];
    if (viewIds.length === 0) throw invalid('viewId', 'choose at least one saved view of people to compare');
    if (viewIds.length > MAX_SEGMENTS)
      throw invalid('viewId', `compare at most ${MAX_SEGMENTS} views at once`);
    groups = [];
    for (const [index, viewId] of viewIds.entries()) {
      const { view, people } = await segment(ctx, viewId, index);
      const one = await collect(ctx, { ...scope, people }, figures.whole(view.name), questionIds);
      groups.push(present(survey.kind, { ...one.rows[0]!, key: view.id }, one.spread, view.name));
    }
  } else {
    const grouping =
      query.groupBy === 'period'
        ? figures.byPeriod(query.period, scope)
        : query.groupBy === 'owner'
          ? figures.byOwner
          : figures.byCompany;
    const { rows, spread } = await collect(ctx, scope, grouping, questionIds);
    groups = rows.map((row) => present(survey.kind, row, spread));
    if (query.groupBy !== 'period') {
      // The most answered first; "no owner" or "no company" last.
      groups.sort(
        (a, b) =>
          Number(a.key === null) - Number(b.key === null) ||
          b.responses - a.responses ||
          b.invited - a.invited ||
          a.label.localeCompare(b.label),
      );
    }
  }
  return {
    surveyId,
    kind: survey.kind,
    groupBy: query.groupBy,
    period: query.groupBy === 'period' ? query.period : null,
    from: from.toISOString(),
    to: to.toISOString(),
    total: present(survey.kind, total.rows[0]!, total.spread),
    groups,
  };
}
