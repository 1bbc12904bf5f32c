import type { CustomerUnit } from '@rapport/db';
import { openComplaintCases } from '../cases/cases.service.ts';
import { feelingMeans, openFeelingAlerts } from '../feelings/feelings.service.ts';
import { lastContacts } from '../interactions/interactions.service.ts';
import { levelCoverage } from '../memberships/memberships.service.ts';
import { brokenPromisesOf } from '../promises/promises.service.ts';
import type { Ctx } from '../shared/context.ts';
import { latestNpsScores } from '../surveys/surveys.service.ts';
import type { HealthReason } from './value.schema.ts';

// The relationship health score, 0–100, written by hand: a weighted mean of named components,
// each scoring 0–100 from one input and saying why in plain words. A component without an input
// for a customer (no NPS answer, never contacted) is left out and the others' weights are
// renormalised, so nobody is punished for what is unknown.
//
// Extension point: HEALTH_COMPONENTS. A component loads its input for every customer of the
// workspace at once (one grouped query through the owning domain's service), scores it and words
// the reason. Issue 7 added broken promises and open complaint cases.

const DAY = 86_400_000;
/** How far back sentiment and level coverage look. */
export const HEALTH_WINDOW_DAYS = 90;

/** What the recompute knows of each customer (by index) before any component loads more. */
export interface HealthFacts {
  ids: string[];
  /** Share of the workspace's customers with a lower CLV (0–1). */
  clvPercentile: Float64Array;
  pAlive: Float64Array;
  /** Days since the last purchase. */
  recencyDays: Float64Array;
}

/** A component's input for one customer: a small JSON value stored with the score (for the reason). */
type Raw = number | number[] | string[][];

export interface HealthComponent {
  name: string;
  label: string;
  weight: number;
  units: CustomerUnit[];
  /** The input of every customer (by index), null where unknown. Loaded once per recompute. */
  load(ctx: Ctx, unit: CustomerUnit, facts: HealthFacts, now: Date): Promise<(i: number) => Raw | null>;
  score(raw: Raw): number;
  reason(raw: Raw, score: number): string;
}

const clamp = (v: number) => Math.max(0, Math.min(100, Math.round(v)));
const byId =
  <V>(facts: HealthFacts, map: Map<string, V>, pick: (v: V) => Raw | null) =>
  (i: number) => {
    const v = map.get(facts.ids[i]!);
    return v === undefined ? null : pick(v);
  };
/** A complaints input: [cases, alerts], or a plain number of alerts (stored before cases existed). */
const openComplaints = (raw: Raw) => {
  const [cases, alerts] = typeof raw === 'number' ? [0, raw] : (raw as number[]);
  return { cases: cases!, alerts: alerts!, total: cases! + alerts! };
};
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const percent = (v: number) => `${Math.round(v * 100)}%`;
/** 100 up to `full` days, falling linearly to 0 at `zero` days. */
const fading = (days: number, full: number, zero: number) =>
  clamp(100 * Math.min(1, (zero - days) / (zero - full)));
const LEVELS: Record<string, string> = {
  executive: 'executives',
  functional_lead: 'functional leads',
  end_user: 'end users',
};

export const HEALTH_COMPONENTS: HealthComponent[] = [
  {
    name: 'value',
    label: 'Value',
    weight: 0.25,
    units: ['person', 'company'],
    load: async (_ctx, _unit, facts) => (i) => facts.clvPercentile[i]!,
    score: (p) => clamp(100 * (p as number)),
    reason: (p) => {
      const top = 1 - (p as number);
      return top <= 0.5
        ? `Lifetime value in the top ${percent(Math.max(0.01, top))} of customers.`
        : `Lifetime value in the bottom ${percent(p as number)} of customers.`;
    },
  },
  {
    name: 'activity',
    label: 'Activity',
    weight: 0.25,
    units: ['person', 'company'],
    load: async (_ctx, _unit, facts) => (i) => [facts.pAlive[i]!, facts.recencyDays[i]!],
    // P(alive) counts 60%, the last order's recency 40% (full within 30 days, none after a year).
    score: (raw) => {
      const [alive, days] = raw as number[];
      return clamp(60 * alive! + 0.4 * fading(days!, 30, 365));
    },
    reason: (raw) => {
      const [alive, days] = raw as number[];
      return `${percent(alive!)} likely to still be buying; last order ${plural(days!, 'day')} ago.`;
    },
  },
  {
    name: 'sentiment',
    label: 'Sentiment',
    weight: 0.15,
    units: ['person', 'company'],
    load: async (ctx, unit, facts, now) =>
      byId(facts, await feelingMeans(ctx, unit, new Date(now.getTime() - HEALTH_WINDOW_DAYS * DAY)), (f) => [
        f.mean,
        f.texts,
      ]),
    score: (raw) => clamp(50 + 50 * (raw as number[])[0]!),
    reason: (raw) => {
      const [mean, texts] = raw as number[];
      const mood = mean! >= 0.05 ? 'positive' : mean! <= -0.05 ? 'negative' : 'neutral';
      return `Mostly ${mood} in ${plural(texts!, 'message')} over ${HEALTH_WINDOW_DAYS} days.`;
    },
  },
  {
    name: 'nps',
    label: 'NPS',
    weight: 0.1,
    units: ['person', 'company'],
    load: async (ctx, unit, facts) => byId(facts, await latestNpsScores(ctx, unit), (a) => a.score),
    score: (raw) => clamp(10 * (raw as number)),
    reason: (raw) => {
      const s = raw as number;
      const who = s >= 9 ? 'A promoter' : s >= 7 ? 'Passive' : 'A detractor';
      return `${who}: answered ${s} out of 10 to the latest NPS survey.`;
    },
  },
  {
    // Open complaint cases, and the open tasks feeling alerts raised (an angry message nobody has
    // turned into a case yet). Raw: [cases, alerts] (a plain number, stored before cases: alerts).
    name: 'complaints',
    label: 'Open complaints',
    weight: 0.1,
    units: ['person', 'company'],
    load: async (ctx, unit, facts) => {
      const [alerts, cases] = await Promise.all([
        openFeelingAlerts(ctx, unit),
        openComplaintCases(ctx, unit),
      ]);
      return (i) => {
        const id = facts.ids[i]!;
        return [cases.get(id) ?? 0, alerts.get(id) ?? 0];
      };
    },
    score: (raw) => [100, 40, 10][Math.min(2, openComplaints(raw).total)]!,
    reason: (raw) => {
      const { cases, alerts, total } = openComplaints(raw);
      if (total === 0) return 'No open complaints.';
      const parts = [cases ? plural(cases, 'case') : '', alerts ? plural(alerts, 'feeling alert') : ''];
      return `${plural(total, 'open complaint')} (${parts.filter(Boolean).join(', ')} not yet done).`;
    },
  },
  {
    // Broken promises lower it: the share of the settled promises (due in the last 180 days) that
    // were kept. Customers without a promise in that time are left out.
    name: 'promises',
    label: 'Promises',
    weight: 0.1,
    units: ['person', 'company'],
    load: async (ctx, unit, facts) =>
      byId(facts, await brokenPromisesOf(ctx, unit), (c) =>
        c.broken + c.kept + c.open ? [c.broken, c.kept, c.open] : null,
      ),
    score: (raw) => {
      const [broken, kept] = raw as number[];
      return broken ? clamp((100 * kept!) / (kept! + broken!)) : 100;
    },
    reason: (raw) => {
      const [broken, kept, open] = raw as number[];
      const rest = [kept ? `${kept} kept` : '', open ? `${open} open` : ''].filter(Boolean).join(', ');
      const head = broken
        ? `${plural(broken, 'promise')} broken in the last 180 days`
        : 'No promise broken in the last 180 days';
      return `${head}${rest ? ` (${rest})` : ''}.`;
    },
  },
  {
    name: 'contact',
    label: 'Contact recency',
    weight: 0.1,
    units: ['person', 'company'],
    load: async (ctx, unit, facts, now) =>
      byId(facts, await lastContacts(ctx, unit), (at) =>
        Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY)),
      ),
    // Full within 30 days, none after 180.
    score: (raw) => fading(raw as number, 30, 180),
    reason: (raw) => `Last in touch ${plural(raw as number, 'day')} ago.`,
  },
  {
    name: 'coverage',
    label: 'Coverage across levels',
    weight: 0.1,
    units: ['company'],
    load: async (ctx, _unit, facts, now) =>
      byId(facts, await levelCoverage(ctx, new Date(now.getTime() - HEALTH_WINDOW_DAYS * DAY)), (c) => [
        c.levels,
        c.contacted,
      ]),
    score: (raw) => {
      const [levels, contacted] = raw as string[][];
      return clamp((100 * contacted!.length) / Math.max(1, levels!.length));
    },
    reason: (raw) => {
      const [levels, contacted] = raw as string[][];
      const missed = levels!.filter((l) => !contacted!.includes(l)).map((l) => LEVELS[l] ?? l);
      return missed.length
        ? `No contact with ${missed.join(' or ')} in ${HEALTH_WINDOW_DAYS} days.`
        : `In touch with every level (${levels!.map((l) => LEVELS[l] ?? l).join(', ')}) in ${HEALTH_WINDOW_DAYS} days.`;
    },
  },
];

/** Health bands: good from 70, fair from 40, poor below. */
export function healthBand(health: number): 'good' | 'fair' | 'poor' {
  return health >= 70 ? 'good' : health >= 40 ? 'fair' : 'poor';
}

/** Stored per customer: [component, score, weight, raw] per present component. */
export type StoredReason = [string, number, number, Raw];

/** One customer's health and its reasons (StoredReason[] as JSON text, made directly). */
export interface CustomerHealth {
  health: number;
  reasons: string;
}

const json = (raw: Raw) =>
  typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : 'null') : JSON.stringify(raw);

/**
 * Loads each component's input once for every customer, and answers a function that scores
 * customer i (into one reused object: the write-back makes a million of them, each used at once,
 * so nothing is kept for the garbage collector to move).
 */
export async function healthScorer(
  ctx: Ctx,
  unit: CustomerUnit,
  facts: HealthFacts,
  now: Date,
): Promise<(i: number) => CustomerHealth> {
  const components = HEALTH_COMPONENTS.filter((c) => c.units.includes(unit));
  const inputs = await Promise.all(components.map((c) => c.load(ctx, unit, facts, now)));
  const names = components.map((c) => JSON.stringify(c.name));
  const raws: (Raw | null)[] = new Array(components.length);
  const scores = new Float64Array(components.length);
  const out: CustomerHealth = { health: 0, reasons: '' };
  return (i) => {
    let weights = 0;
    let sum = 0;
    for (let k = 0; k < components.length; k++) {
      const raw = inputs[k]!(i);
      raws[k] = raw;
      if (raw === null) continue;
      const c = components[k]!;
      scores[k] = c.score(raw);
      weights += c.weight;
      sum += c.weight * scores[k]!;
    }
    out.health = clamp(sum / weights);
    let text = '';
    for (let k = 0; k < components.length; k++) {
      const raw = raws[k]!;
      if (raw === null) continue;
      text += `${text ? ',' : '['}[${names[k]},${scores[k]},${Math.round((1000 * components[k]!.weight) / weights) / 1000},${json(raw)}]`;
    }
    out.reasons = text ? `${text}]` : '[]';
    return out;
  };
}

/** The stored reasons in words, strongest weight first. */
export function presentReasons(stored: StoredReason[]): HealthReason[] {
  return stored
    .flatMap(([name, score, weight, raw]) => {
      const c = HEALTH_COMPONENTS.find((component) => component.name === name);
      return c ? [{ component: name, label: c.label, score, weight, reason: c.reason(raw, score) }] : [];
    })
    .sort((a, b) => b.weight - a.weight);
}
