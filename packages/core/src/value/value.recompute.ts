import type { CustomerUnit } from '@rapport/db';
import type { FitWarning } from '@rapport/models';
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import * as agg from './value.aggregate.repo.ts';
import { computeHealth, healthBand } from './value.health.ts';
import * as repo from './value.repo.ts';
import type { Cohort, RecomputeResult, ValueSettings } from './value.schema.ts';
import { churnBand, type Scores, scoreCustomers } from './value.score.ts';
import { holdoutStartDay, tracking } from './value.tracking.ts';

// One recompute of a workspace's figures: aggregate in SQL (one read transaction), fit and score
// in Node (outside any transaction: on PGlite a transaction holds the only connection), then
// health and the write-back of every customer's figures, the day's health history and the fit
// (one write transaction, so lists never show half old, half new figures).

const DAY = 86_400_000;
/** Rows per upsert statement. */
const BATCH = 20_000;
/** Cohorts shown: the last 24 first-order months. */
const COHORT_MONTHS = 24;

export type InWorkspace = <T>(fn: (ctx: Ctx) => Promise<T>) => Promise<T>;

const monthOf = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
const monthName = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
/** For real (float4) columns: values too small for them are 0 (P(alive) of 1e-48 is none). */
const real = (v: number) => (Math.abs(v) < 1e-30 ? 0 : v);
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

function cohortsOf(rows: { cohort: number; since: number; customers: number }[], nowMonth: number): Cohort[] {
  const byCohort = new Map<number, number[]>();
  for (const row of rows) {
    const counts = byCohort.get(row.cohort) ?? new Array<number>(nowMonth - row.cohort + 1).fill(0);
    counts[row.since] = row.customers;
    byCohort.set(row.cohort, counts);
  }
  return [...byCohort.entries()].map(([cohort, counts]) => ({
    cohort: monthName(cohort),
    customers: counts[0] ?? 0,
    retention: counts.map((c) => (counts[0] ? c / counts[0] : 0)),
  }));
}

/** The percentile of each customer's CLV among the workspace's (share with a lower CLV). */
function percentiles(values: Float64Array): Float64Array {
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    for (let k = start; k <= end; k++) out[order[k]!] = order.length > 1 ? start / (order.length - 1) : 1;
    start = end + 1;
  }
  return out;
}

async function writeBack(
  ctx: Ctx,
  unit: CustomerUnit,
  data: agg.CustomerAggregate,
  scores: Scores,
  common: { currency: string; fitId: string; computedAt: Date; day: string },
): Promise<void> {
  const facts = {
    ids: data.ids,
    clvPercentile: percentiles(scores.clv),
    pAlive: scores.pAlive,
    recencyDays: scores.recency,
  };
  const health = await computeHealth(ctx, unit, facts, common.computedAt);
  for (let from = 0; from < data.ids.length; from += BATCH) {
    const to = Math.min(data.ids.length, from + BATCH);
    const columns = Object.fromEntries(
      repo.FIGURE_COLUMNS.map(([name]) => [name, new Array(to - from)]),
    ) as Record<repo.FigureColumn, unknown[]>;
    for (let i = from; i < to; i++) {
      const k = i - from;
      const risk = 1 - real(scores.pAlive[i]!);
      columns.subject_id[k] = data.ids[i];
      columns.recency_days[k] = scores.recency[i];
      columns.frequency[k] = data.x[i]! + 1;
      columns.monetary_minor[k] = Math.round(data.total[i]!);
      columns.r_score[k] = scores.rfm.r[i];
      columns.f_score[k] = scores.rfm.f[i];
      columns.m_score[k] = scores.rfm.m[i];
      columns.x[k] = data.x[i];
      columns.t_x[k] = scores.tx[i];
      columns.t_cal[k] = scores.T[i];
      columns.first_order_at[k] = isoDay(data.first[i]!);
      columns.last_order_at[k] = isoDay(data.last[i]!);
      columns.repeat_spend_minor[k] = data.m[i]! > 0 ? Math.round(data.m[i]!) : null;
      columns.p_alive[k] = real(scores.pAlive[i]!);
      columns.expected_90[k] = real(scores.e90[i]!);
      columns.expected_365[k] = real(scores.e365[i]!);
      columns.expected_spend_minor[k] = Math.round(scores.spendPer[i]!);
      columns.clv_minor[k] = Math.round(scores.clv[i]!);
      columns.churn_risk[k] = risk;
      columns.churn_band[k] = churnBand(risk);
      columns.health[k] = health.health[i];
      columns.health_band[k] = healthBand(health.health[i]!);
      columns.health_reasons[k] = JSON.stringify(health.reasons[i]);
    }
    await repo.upsertFigures(ctx, unit, columns, common);
  }
}

/** Recomputes every customer's figures of the workspace; `run` opens a transaction in it. */
export async function recomputeValue(
  run: InWorkspace,
  settings: ValueSettings,
  now: Date,
  trigger: string,
): Promise<RecomputeResult> {
  const started = performance.now();
  const unit = settings.customerUnit;
  const nowDay = Math.floor(now.getTime() / DAY);
  const warnings: FitWarning[] = [];
  const read = await run(async (ctx) => {
    const counts = await agg.currencies(ctx, unit);
    const currency = settings.currency ?? counts[0]?.currency ?? null;
    const others = counts.filter((c) => c.currency !== currency).reduce((n, c) => n + c.orders, 0);
    if (others)
      warnings.push({
        code: 'other_currencies',
        message: `${others} paid orders in other currencies than ${currency} are left out of the figures.`,
      });
    const first = currency ? await agg.firstDay(ctx, unit, currency, now) : null;
    if (!currency || first === null) return null;
    const holdoutStart = holdoutStartDay(first, nowDay);
    await agg.loadDays(ctx, unit, currency, now);
    return {
      currency,
      first,
      holdoutStart,
      customers: await agg.customerAggregate(ctx, holdoutStart),
      weekly: await agg.weeklyRepeats(ctx, first, holdoutStart),
      cohorts: await agg.cohortCounts(ctx, monthOf(now) - COHORT_MONTHS + 1),
    };
  });

  const readMs = performance.now() - started;
  const fitId = newId('valueFit');
  const scores = read ? scoreCustomers(read.customers, nowDay, settings) : null;
  warnings.push(...(scores?.warnings ?? []));
  const check =
    read && scores
      ? tracking(
          read.customers,
          read.first,
          read.holdoutStart,
          nowDay,
          settings,
          read.weekly,
          scores.purchases,
        )
      : null;
  const n = read?.customers.ids.length ?? 0;
  const modelMs = performance.now() - started - readMs;
  let repeaters = 0;
  for (let i = 0; i < n; i++) if (read!.customers.x[i]! > 0) repeaters++;

  return run(async (ctx) => {
    // One recompute writes a workspace at a time (a job and an on-demand run may meet).
    await sql`select pg_advisory_xact_lock(hashtext(${`value:${ctx.workspaceId}`}))`.execute(ctx.db);
    if (read && scores)
      await writeBack(ctx, unit, read.customers, scores, {
        currency: read.currency,
        fitId,
        computedAt: now,
        day: isoDay(nowDay),
      });
    await repo.deleteStale(ctx, unit, fitId);
    const { model: _, ...trackingStored } = check ?? { model: null };
    const row = {
      id: fitId,
      workspace_id: ctx.workspaceId,
      customer_unit: unit,
      model: settings.model,
      currency: read?.currency ?? settings.currency,
      params: JSON.stringify({
        purchases: scores?.purchases?.params ?? null,
        spend: scores?.spendFit?.params ?? null,
        purchasesLogLikelihood: scores?.purchasesFit?.logLikelihood ?? null,
        spendLogLikelihood: scores?.spendFit?.logLikelihood ?? null,
      }),
      log_likelihood: scores?.purchasesFit?.logLikelihood ?? null,
      warnings: JSON.stringify(warnings),
      customers: n,
      // How long the aggregation in SQL, the fits and scores, and the write-back (so far) took.
      settings: JSON.stringify({
        ...settings,
        trigger,
        timings: {
          aggregateMs: Math.round(readMs),
          modelMs: Math.round(modelMs),
          writeMs: Math.round(performance.now() - started - readMs - modelMs),
        },
      }),
      tracking: check ? JSON.stringify(trackingStored) : null,
      cohorts: read ? JSON.stringify(cohortsOf(read.cohorts, monthOf(now))) : null,
      repeat_rate: JSON.stringify({ customers: n, repeaters, rate: n ? repeaters / n : 0 }),
      duration_ms: Math.round(performance.now() - started),
      computed_at: now,
    };
    await repo.insertFit(ctx, row);
    return { fitRow: (await repo.findFit(ctx, fitId))!, customers: n, warnings };
  }).then(({ fitRow, customers }) => ({ fit: presentFit(fitRow), customers, warnings }));
}

export function presentFit(row: repo.FitRow) {
  const params = row.params as {
    purchases: Record<string, number> | null;
    spend: Record<string, number> | null;
    purchasesLogLikelihood: number | null;
    spendLogLikelihood: number | null;
  };
  return {
    id: row.id,
    customerUnit: row.customer_unit,
    model: row.model,
    currency: row.currency,
    params,
    logLikelihood: row.log_likelihood,
    warnings: row.warnings as FitWarning[],
    customers: row.customers,
    durationMs: row.duration_ms,
    computedAt: row.computed_at.toISOString(),
  };
}
