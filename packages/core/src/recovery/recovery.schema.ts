import { z } from 'zod';
import { CASE_TYPES } from '../cases/cases.schema.ts';
import { isoDate, isoDateTime } from '../shared/fields.ts';

export const RECOVERY_GROUPS = [
  'recovered',
  'unsatisfied_or_late',
  'unresolved',
  'never_complained',
] as const;
export const RECOVERY_WINDOWS = [90, 180] as const;
export const RECOVERY_PERIODS = ['90d', '180d', '365d', '730d'] as const;

export type RecoveryGroup = (typeof RECOVERY_GROUPS)[number];

const period = {
  period: z
    .enum(RECOVERY_PERIODS)
    .default('365d')
    .describe('The period the cases were opened in, ending now (or at `until`).'),
  since: isoDate.optional().describe('Start of the period (UTC day, inclusive); overrides `period`.'),
  until: isoDate.optional().describe('End of the period (UTC day, exclusive); default: now.'),
};

export const recoveryQuery = z.strictObject(period).meta({ id: 'RecoveryQuery' });

export const recoveryCasesQuery = z
  .strictObject({
    ...period,
    type: z.enum(CASE_TYPES).optional().describe('Only cases of this type (default: every type).'),
  })
  .meta({ id: 'RecoveryCasesQuery' });

const interval = z.object({ low: z.number(), high: z.number() });
const span = z.object({ from: isoDateTime, to: isoDateTime });

const windowOutcome = z.object({
  days: z.number().int(),
  customers: z
    .number()
    .int()
    .describe('Customers of the group whose window had ended by now (the others are not counted yet).'),
  repurchase: z.object({
    n: z.number().int(),
    buyers: z.number().int().describe('Customers with a paid or fulfilled order in the window.'),
    rate: z.number().nullable(),
    ci: interval.nullable().describe('Exact (Clopper–Pearson) 95% interval.'),
  }),
  nps: z.object({
    n: z.number().int().describe('Customers who answered an NPS survey in the window (their latest answer).'),
    promoters: z.number().int(),
    detractors: z.number().int(),
    score: z.number().nullable().describe('% promoters − % detractors (−100 to 100).'),
    ci: interval
      .nullable()
      .describe('95%: score ± 1.96 × 100 × √((p + d − (p − d)²) / n), clamped to −100…100.'),
  }),
  clvChange: z.object({
    n: z.number().int().describe('Customers with a CLV snapshot at both ends of the window.'),
    meanMinor: z.number().nullable(),
    medianMinor: z.number().nullable(),
    ci: interval.nullable().describe('95% interval of the mean (Student t).'),
  }),
});

export const recoveryOutcomes = z
  .object({
    period: span,
    customerUnit: z.enum(['person', 'company']),
    currency: z.string().nullable().describe('Of the CLV figures.'),
    groups: z.array(
      z.object({
        group: z.enum(RECOVERY_GROUPS),
        label: z.string(),
        customers: z
          .number()
          .int()
          .describe(
            'Customers in the group (the comparison: those found for its sample, at most `sampleLimit`).',
          ),
        measured: z
          .number()
          .int()
          .describe(
            'Of those, measured: all, or a deterministic sample of `sampleLimit` (by hash of the id).',
          ),
        windows: z.array(windowOutcome),
      }),
    ),
    excluded: z.object({
      unrated: z
        .number()
        .int()
        .describe('Complainers resolved on time without a CSAT answer: in neither resolved group.'),
    }),
    sampleLimit: z.number().int().describe('The most customers measured per group.'),
    findings: z
      .array(z.string())
      .describe('In words: which differences the intervals support and where they overlap.'),
  })
  .meta({ id: 'RecoveryOutcomes' });

export const rootCausePareto = z
  .object({
    period: span,
    previous: span,
    cases: z.number().int().describe('Cases opened in the period.'),
    withoutCause: z.number().int().describe('Of those, without a root cause.'),
    data: z.array(
      z.object({
        rootCauseId: z.string(),
        name: z.string(),
        count: z.number().int(),
        share: z.number().describe('Of the cases with a root cause.'),
        cumulativeShare: z.number(),
        previousCount: z.number().int(),
        trend: z
          .enum(['rising', 'falling', 'steady'])
          .describe('By the exact 95% interval of the rate ratio (this period ÷ the previous one).'),
        ratio: z.number().nullable(),
        ratioCi: interval.nullable(),
      }),
    ),
  })
  .meta({ id: 'RootCausePareto' });

const distribution = z.object({
  n: z.number().int(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
  bins: z.array(
    z.object({
      label: z.string(),
      fromHours: z.number(),
      toHours: z.number().nullable(),
      count: z.number().int(),
    }),
  ),
});

export const resolutionTimes = z
  .object({
    period: span,
    clock: z.literal('clock').describe('Clock hours, pauses included (cases do not store business minutes).'),
    acknowledge: distribution,
    resolve: distribution,
    open: z.object({
      unacknowledged: z.number().int(),
      unresolved: z.number().int(),
    }),
  })
  .meta({ id: 'ResolutionTimes' });

export type RecoveryQuery = z.input<typeof recoveryQuery>;
export type RecoveryCasesQuery = z.input<typeof recoveryCasesQuery>;
export type RecoveryOutcomes = z.infer<typeof recoveryOutcomes>;
export type RootCausePareto = z.infer<typeof rootCausePareto>;
export type ResolutionTimes = z.infer<typeof resolutionTimes>;
