import { z } from 'zod';
import { currency, isoDate, isoDateTime, oneOrMany } from '../shared/fields.ts';

export const CUSTOMER_UNITS = ['person', 'company'] as const;
export const VALUE_MODELS = ['bgnbd', 'paretoNbd'] as const;
export const CHURN_BANDS = ['low', 'medium', 'high'] as const;
export const HEALTH_BANDS = ['good', 'fair', 'poor'] as const;

const customerUnit = z
  .enum(CUSTOMER_UNITS)
  .describe('Who a customer is: a person (B2C) or a company (B2B); orders count for that record.');
const model = z.enum(VALUE_MODELS).describe('The purchase model: BG/NBD (default) or Pareto/NBD.');

export const valueSettings = z
  .object({
    customerUnit,
    model,
    horizonWeeks: z.number().int().describe('CLV horizon in weeks.'),
    annualDiscountRate: z.number().describe('Annual discount rate of future purchases, 0–1.'),
    margin: z.number().nullable().describe('Share of revenue that is profit; null: CLV is revenue.'),
    currency: z
      .string()
      .nullable()
      .describe('Only orders in this currency count; null: the most used order currency.'),
    updatedAt: isoDateTime.nullable().describe('null: the defaults, never changed.'),
  })
  .meta({ id: 'ValueSettings' });

export const valueSettingsUpdate = z
  .strictObject({
    customerUnit,
    model,
    horizonWeeks: z.number().int().min(1).max(520).describe('1 to 520 weeks (ten years).'),
    annualDiscountRate: z.number().min(0).max(1).describe('0 to 1 (0.1 is 10% a year).'),
    margin: z.number().gt(0).max(1).nullable(),
    currency: currency.nullable(),
  })
  .partial()
  .meta({ id: 'ValueSettingsUpdate', description: 'Settings to change; a recompute follows.' });

export const healthReason = z
  .object({
    component: z.string().describe('value, activity, sentiment, nps, complaints, contact, coverage, …'),
    label: z.string(),
    score: z.number().int().min(0).max(100),
    weight: z.number().describe('Its share of the score (weights of missing components renormalised).'),
    reason: z.string().describe('Why, in plain words.'),
  })
  .meta({ id: 'HealthReason' });

const fitWarning = z.object({ code: z.string(), message: z.string() }).meta({ id: 'ValueFitWarning' });

export const valueFit = z
  .object({
    id: z.string(),
    customerUnit,
    model,
    currency: z.string().nullable(),
    params: z.object({
      purchases: z
        .record(z.string(), z.number())
        .nullable()
        .describe('BG/NBD {r, alpha, a, b} or Pareto/NBD {r, alpha, s, beta}.'),
      spend: z.record(z.string(), z.number()).nullable().describe('Gamma-Gamma {p, q, gamma}.'),
      purchasesLogLikelihood: z.number().nullable(),
      spendLogLikelihood: z.number().nullable(),
    }),
    logLikelihood: z.number().nullable(),
    warnings: z.array(fitWarning),
    customers: z.number().int(),
    durationMs: z.number().int(),
    computedAt: isoDateTime,
  })
  .meta({ id: 'ValueFit' });

export const valueFigures = z
  .object({
    subjectType: customerUnit,
    subjectId: z.string(),
    rfm: z.object({
      r: z.number().int(),
      f: z.number().int(),
      m: z.number().int(),
      recencyDays: z.number().int(),
      frequency: z.number().int().describe('Purchase days (same-day orders merged).'),
      monetaryMinor: z.number().int().describe('Spend to date in the workspace currency.'),
    }),
    x: z.number().int().describe('Repeat purchases.'),
    tx: z.number().describe('Weeks from the first to the last purchase.'),
    T: z.number().describe('Weeks since the first purchase.'),
    firstOrderAt: isoDate,
    lastOrderAt: isoDate,
    repeatSpendMinor: z.number().int().nullable(),
    pAlive: z.number(),
    expectedPurchases90: z.number(),
    expectedPurchases365: z.number(),
    expectedSpendMinor: z.number().int(),
    clvMinor: z.number().int(),
    currency: z.string(),
    churnRisk: z.number(),
    churnBand: z.enum(CHURN_BANDS),
    health: z.number().int(),
    healthBand: z.enum(HEALTH_BANDS),
    healthReasons: z.array(healthReason),
    computedAt: isoDateTime,
  })
  .meta({ id: 'ValueFigures' });

export const healthPoint = z
  .object({
    day: isoDate,
    health: z.number().int(),
    healthBand: z.enum(HEALTH_BANDS),
    pAlive: z.number(),
    clvMinor: z.number().int(),
  })
  .meta({ id: 'HealthPoint' });

export const customerValue = z
  .object({
    figures: valueFigures
      .nullable()
      .describe('null: no paid order in the workspace currency, or not computed yet.'),
    healthHistory: z
      .array(healthPoint)
      .describe('One point per day the figures were computed, oldest first.'),
    fit: valueFit.nullable().describe('The fit the figures come from.'),
  })
  .meta({ id: 'CustomerValue' });

/** What a list row shows of a customer's value. */
export const valueBrief = z
  .object({
    clvMinor: z.number().int(),
    currency: z.string(),
    health: z.number().int(),
    healthBand: z.enum(HEALTH_BANDS),
    pAlive: z.number(),
    churnRisk: z.number(),
    churnBand: z.enum(CHURN_BANDS),
  })
  .meta({ id: 'ValueBrief' });

/** Sorts the people and companies lists offer on the figures (customers without figures last). */
export const VALUE_SORTS = {
  clv: 'clv_minor',
  health: 'health',
  pAlive: 'p_alive',
  churnRisk: 'churn_risk',
} as const;
export type ValueSortKey = keyof typeof VALUE_SORTS;

/** Filters the people and companies lists (and so saved views and segments) offer on the figures. */
export const valueListFilters = {
  minHealth: z.coerce.number().int().min(0).max(100).optional().describe('Health at least this (0–100).'),
  maxHealth: z.coerce.number().int().min(0).max(100).optional().describe('Health at most this (0–100).'),
  churnRisk: oneOrMany(z.enum(CHURN_BANDS)).optional().describe('Churn risk band(s): low, medium, high.'),
  minClv: z.coerce.number().int().optional().describe('CLV at least this, in minor units of its currency.'),
};
export interface ValueListFilter {
  minHealth?: number | undefined;
  maxHealth?: number | undefined;
  churnRisk?: ('low' | 'medium' | 'high')[] | undefined;
  minClv?: number | undefined;
}

export const recomputeResult = z
  .object({ fit: valueFit.nullable(), customers: z.number().int(), warnings: z.array(fitWarning) })
  .meta({ id: 'ValueRecompute' });

export const dashboardQuery = z
  .strictObject({
    viewId: z
      .string()
      .optional()
      .describe('A saved view of people (B2C) or companies (B2B): the dashboard of that segment only.'),
  })
  .meta({ id: 'ValueDashboardQuery' });

const money = z.number().int();
const stats = { customers: z.number().int(), totalMinor: money, meanMinor: money, medianMinor: money };

export const valueDashboard = z
  .object({
    customerUnit,
    currency: z.string().nullable(),
    fit: valueFit.nullable(),
    customers: z.number().int(),
    clvDistribution: z.object({
      ...stats,
      bins: z.array(z.object({ fromMinor: money, toMinor: money, customers: z.number().int() })),
    }),
    clvBySegment: z.object({
      views: z.array(z.object({ viewId: z.string(), name: z.string(), ...stats })),
      relationshipTypes: z.array(z.object({ relationshipType: z.string(), ...stats })),
    }),
    quadrants: z.object({
      valueThresholdMinor: money.describe('Spend to date splitting high from low value (the median).'),
      pAliveThreshold: z.number(),
      cells: z.array(
        z.object({
          quadrant: z.enum(['keep', 'save', 'grow', 'let_go']),
          label: z.string(),
          customers: z.number().int(),
        }),
      ),
      saveFirst: z.array(
        z.object({
          subjectType: customerUnit,
          subjectId: z.string(),
          name: z.string().describe('The person or company, as lists show it.'),
          monetaryMinor: money,
          clvMinor: money,
          pAlive: z.number(),
          pAliveBefore: z.number().nullable().describe('P(alive) about 30 days earlier, when known.'),
        }),
      ),
    }),
    cohorts: z.array(
      z.object({
        cohort: z.string().describe('First-order month, YYYY-MM.'),
        customers: z.number().int(),
        retention: z.array(z.number()).describe('Share of the cohort buying in month 0, 1, 2, … after.'),
      }),
    ),
    repeatRate: z.object({
      customers: z.number().int(),
      repeaters: z.number().int(),
      rate: z.number().describe('Share of customers with at least one repeat purchase.'),
    }),
    tracking: z
      .object({
        calibrationEnd: isoDate,
        end: isoDate,
        weeks: z.array(
          z.object({
            weekStart: isoDate,
            actual: z.number(),
            predicted: z.number(),
            cumulativeActual: z.number(),
            cumulativePredicted: z.number(),
            holdout: z.boolean(),
          }),
        ),
        holdout: z.object({
          customers: z.number().int(),
          actual: z.number().describe('Repeat purchases in the holdout period.'),
          predicted: z.number().describe('What the calibration fit expected (conditional on each history).'),
        }),
        fit: z.record(z.string(), z.number()).nullable(),
      })
      .nullable()
      .describe('The model fitted on data before the holdout, against what happened after.'),
    healthOverTime: z.array(
      z.object({
        day: isoDate,
        customers: z.number().int(),
        meanHealth: z.number(),
        good: z.number(),
        fair: z.number(),
        poor: z.number(),
      }),
    ),
  })
  .meta({ id: 'ValueDashboard' });

export type ValueSettings = z.infer<typeof valueSettings>;
export type ValueSettingsUpdate = z.input<typeof valueSettingsUpdate>;
export type HealthReason = z.infer<typeof healthReason>;
export type ValueFit = z.infer<typeof valueFit>;
export type ValueFigures = z.infer<typeof valueFigures>;
export type CustomerValue = z.infer<typeof customerValue>;
export type ValueBrief = z.infer<typeof valueBrief>;
export type RecomputeResult = z.infer<typeof recomputeResult>;
export type DashboardQuery = z.input<typeof dashboardQuery>;
export type ValueDashboard = z.infer<typeof valueDashboard>;
export type Tracking = NonNullable<ValueDashboard['tracking']>;
export type Cohort = ValueDashboard['cohorts'][number];
