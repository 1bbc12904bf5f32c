import { clopperPearson, meanInterval, netScoreInterval } from '@rapport/models';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { parseInput } from '../shared/validate.ts';
import { getValueSettings } from '../value/value.service.ts';
import * as repo from './recovery.repo.ts';
import {
  RECOVERY_GROUPS,
  RECOVERY_WINDOWS,
  type RecoveryCasesQuery,
  type RecoveryGroup,
  type RecoveryOutcomes,
  type RecoveryQuery,
  type ResolutionTimes,
  type RootCausePareto,
  recoveryCasesQuery,
  recoveryQuery,
} from './recovery.schema.ts';

/**
 * Service recovery analytics (issue 7), read only: does a complaint handled well leave the
 * customer more loyal than one who never complained (the service-recovery paradox)? Measured,
 * with intervals, never assumed; plus the recurring root causes (Pareto, trend) and the time to
 * acknowledge and to resolve. Definitions: docs/cases.md, "Service recovery analytics".
 */

const DAY = 86_400_000;
/** At most this many customers of a group are measured (a deterministic sample by hash of the id). */
export const GROUP_SAMPLE = 8_000;
/** Histogram edges in hours: < 1 h, 1–4 h, 4–8 h, 8–24 h, 1–2 d, 2–3 d, 3–7 d, 7–14 d, 14–30 d, ≥ 30 d. */
const EDGES = [1, 4, 8, 24, 48, 72, 168, 336, 720];

export const GROUP_LABELS: Record<RecoveryGroup, string> = {
  recovered: 'Resolved in SLA, satisfied',
  unsatisfied_or_late: 'Resolved, unsatisfied or late',
  unresolved: 'Unresolved',
  never_complained: 'Never complained',
};

function periodOf(ctx: Ctx, q: { period: string; since?: string | undefined; until?: string | undefined }) {
  const to = q.until ? new Date(`${q.until}T00:00:00Z`) : ctx.clock.now();
  const from = q.since
    ? new Date(`${q.since}T00:00:00Z`)
    : new Date(to.getTime() - Number.parseInt(q.period, 10) * DAY);
  if (from >= to) throw invalid('since', 'must be before until');
  return { from, to };
}

const span = (from: Date, to: Date) => ({ from: from.toISOString(), to: to.toISOString() });
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const roundCi = (ci: { low: number; high: number } | null, digits: number) =>
  ci ? { low: round(ci.low, digits), high: round(ci.high, digits) } : null;

export async function getRecoveryOutcomes(ctx: Ctx, input: RecoveryQuery = {}): Promise<RecoveryOutcomes> {
  const q = parseInput(recoveryQuery, input);
  const { from, to } = periodOf(ctx, q);
  const settings = await getValueSettings(ctx);
  const unit = settings.customerUnit;
  const { rows, sizes } = await repo.outcomes(ctx, {
    unit,
    from,
    to,
    now: ctx.clock.now(),
    sample: GROUP_SAMPLE,
  });
  const groups = RECOVERY_GROUPS.map((group) => {
    const of = (days: number) => rows.find((r) => r.grp === group && r.days === days);
    return {
      group,
      label: GROUP_LABELS[group],
      customers: sizes[group] ?? 0,
      measured: of(0)?.customers ?? 0,
      windows: RECOVERY_WINDOWS.map((days) => windowOf(days, of(days))),
    };
  });
  return {
    period: span(from, to),
    customerUnit: unit,
    currency: settings.currency,
    groups,
    excluded: { unrated: sizes.unrated ?? 0 },
    sampleLimit: GROUP_SAMPLE,
    findings: findings(groups),
  };
}

type Window = RecoveryOutcomes['groups'][number]['windows'][number];

function windowOf(days: number, row: repo.OutcomeRow | undefined): Window {
  const n = row?.customers ?? 0;
  const buyers = row?.buyers ?? 0;
  const npsN = row?.nps_n ?? 0;
  const promoters = row?.promoters ?? 0;
  const detractors = row?.detractors ?? 0;
  const clvN = row?.clv_n ?? 0;
  const mean = row?.clv_mean ?? null;
  return {
    days,
    customers: n,
    repurchase: {
      n,
      buyers,
      rate: n ? round(buyers / n, 4) : null,
      ci: n ? roundCi(clopperPearson(buyers, n), 4) : null,
    },
    nps: {
      n: npsN,
      promoters,
      detractors,
      score: npsN ? round((100 * (promoters - detractors)) / npsN, 1) : null,
      ci: roundCi(netScoreInterval(promoters, detractors, npsN), 1),
    },
    clvChange: {
      n: clvN,
      meanMinor: mean === null ? null : Math.round(mean),
      medianMinor: row?.clv_median == null ? null : Math.round(row.clv_median),
      ci: mean === null ? null : roundCi(meanInterval(clvN, mean, row?.clv_sd ?? Number.NaN), 0),
    },
  };
}

type Measure = { name: string; value: (w: Window) => number | null; ci: (w: Window) => Window['nps']['ci'] };
const MEASURES: Measure[] = [
  { name: 'Repurchase', value: (w) => w.repurchase.rate, ci: (w) => w.repurchase.ci },
  { name: 'NPS', value: (w) => w.nps.score, ci: (w) => w.nps.ci },
  { name: 'Mean CLV change', value: (w) => w.clvChange.meanMinor, ci: (w) => w.clvChange.ci },
];

/** Recovered against never complained (the paradox) and against unsatisfied or late, in words. */
function findings(groups: RecoveryOutcomes['groups']): string[] {
  const by = new Map(groups.map((g) => [g.group, g]));
  const out: string[] = [];
  const pairs: [RecoveryGroup, RecoveryGroup][] = [
    ['recovered', 'never_complained'],
    ['recovered', 'unsatisfied_or_late'],
  ];
  for (const [a, b] of pairs)
    for (const [k, days] of RECOVERY_WINDOWS.entries())
      for (const m of MEASURES) {
        const wa = by.get(a)!.windows[k]!;
        const wb = by.get(b)!.windows[k]!;
        const [ca, cb] = [m.ci(wa), m.ci(wb)];
        if (!ca || !cb) continue;
        const verdict =
          ca.low > cb.high
            ? 'higher: the 95% intervals do not overlap'
            : ca.high < cb.low
              ? 'lower: the 95% intervals do not overlap'
              : 'the 95% intervals overlap: no evidence either way';
        out.push(
          `${m.name} over ${days} days, ${GROUP_LABELS[a].toLowerCase()} vs ${GROUP_LABELS[b].toLowerCase()}: ${verdict}.`,
        );
      }
  return out;
}

export async function getRootCausePareto(ctx: Ctx, input: RecoveryCasesQuery = {}): Promise<RootCausePareto> {
  const q = parseInput(recoveryCasesQuery, input);
  const { from, to } = periodOf(ctx, q);
  const previousFrom = new Date(2 * from.getTime() - to.getTime());
  const rows = await repo.causeCounts(ctx, from, to, previousFrom, q.type);
  const named = rows.filter((r) => r.root_cause_id !== null);
  const withCause = named.reduce((sum, r) => sum + r.current, 0);
  let cumulative = 0;
  return {
    period: span(from, to),
    previous: span(previousFrom, from),
    cases: rows.reduce((sum, r) => sum + r.current, 0),
    withoutCause: rows.find((r) => r.root_cause_id === null)?.current ?? 0,
    data: named.map((r) => {
      cumulative += r.current;
      // Equal periods: under an unchanged rate, current ~ Binomial(current + previous, ½).
      const total = r.current + r.previous;
      const p = clopperPearson(r.current, total);
      const ratioCi =
        total && p.high < 1
          ? { low: round(p.low / (1 - p.low), 3), high: round(p.high / (1 - p.high), 3) }
          : null;
      const low = total ? p.low / (1 - p.low) : 1;
      const high = total && p.high < 1 ? p.high / (1 - p.high) : Number.POSITIVE_INFINITY;
      return {
        rootCauseId: r.root_cause_id!,
        name: r.name ?? r.root_cause_id!,
        count: r.current,
        share: withCause ? round(r.current / withCause, 4) : 0,
        cumulativeShare: withCause ? round(cumulative / withCause, 4) : 0,
        previousCount: r.previous,
        trend: low > 1 ? 'rising' : high < 1 ? 'falling' : 'steady',
        ratio: r.previous ? round(r.current / r.previous, 3) : null,
        ratioCi,
      };
    }),
  };
}

const LABELS = [
  '< 1 h',
  '1–4 h',
  '4–8 h',
  '8–24 h',
  '1–2 d',
  '2–3 d',
  '3–7 d',
  '7–14 d',
  '14–30 d',
  '≥ 30 d',
];

function distribution(n: number, quantiles: number[] | null, bins: number[]) {
  const q = (i: number) => (quantiles?.[i] == null ? null : round(Number(quantiles[i]), 2));
  return {
    n,
    medianHours: n ? q(0) : null,
    p90Hours: n ? q(1) : null,
    bins: LABELS.map((label, i) => ({
      label,
      fromHours: i === 0 ? 0 : EDGES[i - 1]!,
      toHours: EDGES[i] ?? null,
      count: Number(bins[i] ?? 0),
    })),
  };
}

export async function getResolutionTimes(ctx: Ctx, input: RecoveryCasesQuery = {}): Promise<ResolutionTimes> {
  const q = parseInput(recoveryCasesQuery, input);
  const { from, to } = periodOf(ctx, q);
  const row = await repo.times(ctx, from, to, q.type, EDGES);
  return {
    period: span(from, to),
    clock: 'clock',
    acknowledge: distribution(row.ack_n, row.ack, row.ack_bins),
    resolve: distribution(row.res_n, row.res, row.res_bins),
    open: { unacknowledged: row.unacknowledged, unresolved: row.unresolved },
  };
}
