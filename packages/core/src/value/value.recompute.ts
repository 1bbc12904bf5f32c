import type { FitWarning } from '@rapport/models';
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import * as agg from './value.aggregate.repo.ts';
import { type Aggregate, aggregate as aggregateOrders, type CustomerAggregate } from './value.aggregate.ts';
import { type CustomerHealth, healthBand, healthScorer } from './value.health.ts';
import * as repo from './value.repo.ts';
import type { Cohort, RecomputeResult, ValueSettings } from './value.schema.ts';
import { churnBand, type Scores, scoreCustomers } from './value.score.ts';
import { holdoutStartDay, tracking } from './value.tracking.ts';

// One recompute of a workspace's figures: aggregate in SQL (one read transaction), fit and score
// in Node (outside any transaction: on PGlite a transaction holds the only connection), then
// health and the write-back of every customer's figures, the day's health history points (of the
// customers whose figures moved) and totals, and the fit (one write transaction, so lists never
// show half old, half new figures).

const DAY = 86_400_000;
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
export function percentiles(values: Float64Array): Float64Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // The first position of the value in the sorted list: how many are lower.
    const v = values[i]!;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = n > 1 ? lo / (n - 1) : 1;
  }
  return out;
}

/** One CSV field of a JSON text. */
const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
/** CSV lines per COPY chunk. */
const CHUNK = 2000;

/** Every customer's figures as CSV lines of value_figures, made while PostgreSQL reads earlier ones. */
function* figureLines(
  data: CustomerAggregate,
  scores: Scores,
  healthOf: (i: number) => CustomerHealth,
): Generator<string> {
  const n = data.ids.length;
  for (let from = 0; from < n; from += CHUNK) {
    let csv = '';
    for (let i = from; i < Math.min(n, from + CHUNK); i++) {
      const alive = real(scores.pAlive[i]!);
      const risk = 1 - alive;
      const m = data.m[i]!;
      const { health: h, reasons } = healthOf(i);
      csv += `${data.ids[i]},${data.x[i]},${data.first[i]},${data.last[i]},${Math.round(data.total[i]!)},${scores.rfm.r[i]},${scores.rfm.f[i]},${scores.rfm.m[i]},${m > 0 ? Math.round(m) : ''},${alive},${real(scores.e90[i]!)},${real(scores.e365[i]!)},${Math.round(scores.spendPer[i]!)},${Math.round(scores.clv[i]!)},${risk},${churnBand(risk)},${h},${healthBand(h)},${quoted(reasons)}\n`;
    }
    yield csv;
  }
}

/** Stage timings of a recompute (ms), stored with the fit. */
type Timings = Record<string, number>;

function timer() {
  const timings: Timings = {};
  let last = performance.now();
  return {
    timings,
    lap(stage: string) {
      const now = performance.now();
      timings[stage] = Math.round((timings[stage] ?? 0) + now - last);
      last = now;
    },
  };
}

/**
 * Reads and aggregates the counted orders. The currency is the settings' one, else the most used:
 * guessed from the last fit and checked against the other currencies' orders counted in the same
 * pass (more orders than all others together: the most used); only when that cannot tell are
 * the orders counted per currency first.
 */
async function readOrders(
  ctx: Ctx,
  settings: ValueSettings,
  now: Date,
  warnings: FitWarning[],
): Promise<{ currency: string; first: number; holdoutStart: number; aggregate: Aggregate } | null> {
  const unit = settings.customerUnit;
  const nowDay = Math.floor(now.getTime() / DAY);
  let counts: { currency: string; orders: number }[] | null = null;
  const count = async () => {
    counts = await agg.currencies(ctx, unit, now);
    return counts[0]?.currency ?? null;
  };
  let currency = settings.currency ?? (await repo.lastCurrency(ctx, unit)) ?? (await count());
  for (;;) {
    const first = currency ? await agg.firstDay(ctx, unit, currency, now) : null;
    if (first === null && !counts && !settings.currency) {
      currency = await count();
      continue;
    }
    if (!currency || first === null) {
      const others = (counts ?? (await agg.currencies(ctx, unit, now)))
        .filter((c) => c.currency !== currency)
        .reduce((n, c) => n + c.orders, 0);
      if (others) warnings.push(otherCurrencies(others, currency));
      return null;
    }
    const holdoutStart = holdoutStartDay(first, nowDay);
    const aggregate = await aggregateOrders(ctx, unit, {
      currency,
      before: now,
      spanStart: first,
      holdoutStart,
      sinceMonth: monthOf(now) - COHORT_MONTHS + 1,
      nowDay,
    });
    if (!settings.currency && !counts && aggregate.others >= aggregate.orders) {
      const most = await count();
      if (most !== currency) {
        currency = most;
        continue;
      }
    }
    if (aggregate.others) warnings.push(otherCurrencies(aggregate.others, currency));
    return { currency, first, holdoutStart, aggregate };
  }
}

const otherCurrencies = (orders: number, currency: string | null): FitWarning => ({
  code: 'other_currencies',
  message: `${orders} paid orders in other currencies than ${currency} are left out of the figures.`,
});

/** Recomputes every customer's figures of the workspace; `run` opens a transaction in it. */
export async function recomputeValue(
  run: InWorkspace,
  settings: ValueSettings,
  now: Date,
  trigger: string,
): Promise<RecomputeResult> {
  const started = performance.now();
  const clock = timer();
  const unit = settings.customerUnit;
  const nowDay = Math.floor(now.getTime() / DAY);
  const warnings: FitWarning[] = [];
  const read = await run((ctx) => readOrders(ctx, settings, now, warnings));
  clock.lap('aggregateMs');

  const fitId = newId('valueFit');
  const data = read?.aggregate.customers ?? null;
  const scores = data ? scoreCustomers(data, nowDay, settings) : null;
  warnings.push(...(scores?.warnings ?? []));
  const n = data?.ids.length ?? 0;
  let repeaters = 0;
  for (let i = 0; i < n; i++) if (data!.x[i]! > 0) repeaters++;
  clock.lap('fitScoreMs');

  return run(async (ctx) => {
    // One recompute writes a workspace at a time (a job and an on-demand run may meet).
    await sql`select pg_advisory_xact_lock(hashtext(${`value:${ctx.workspaceId}`}))`.execute(ctx.db);
    let check: ReturnType<typeof tracking> = null;
    const trackingOf = () =>
      read && data && scores
        ? tracking(
            data,
            read.first,
            read.holdoutStart,
            nowDay,
            settings,
            read.aggregate.weekly,
            scores.purchases,
          )
        : null;
    if (read && data && scores) {
      const healthOf = await healthScorer(
        ctx,
        unit,
        {
          ids: data.ids,
          clvPercentile: percentiles(scores.clv),
          pAlive: scores.pAlive,
          recencyDays: scores.recency,
        },
        now,
      );
      clock.lap('healthMs');
      // Each customer's health is scored as its CSV line is made.
      await repo.copyFigures(ctx, figureLines(data, scores, healthOf));
      clock.lap('copyMs');
      await repo.compareWithHistory(ctx, unit);
      clock.lap('compareMs');
      // PostgreSQL writes while Node fits the calibration period for the tracking.
      const written = repo.replaceFigures(ctx, unit, {
        currency: read.currency,
        fitId,
        computedAt: now,
        nowDay,
      });
      await new Promise((resolve) => setImmediate(resolve));
      check = trackingOf();
      clock.lap('trackingMs');
      await written;
      clock.lap('figuresMs');
      await repo.writeHistory(ctx, unit, isoDay(nowDay));
      clock.lap('historyMs');
    } else await repo.clearFigures(ctx);
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
      // How long each stage took (ms): aggregation, fit and score, health, COPY, comparison with the
      // history, tracking, figures, history.
      settings: JSON.stringify({ ...settings, trigger, timings: clock.timings }),
      tracking: check ? JSON.stringify(trackingStored) : null,
      cohorts: read ? JSON.stringify(cohortsOf(read.aggregate.cohorts, monthOf(now))) : null,
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
