import { z } from 'zod';
import { currency, isoDate, isoDateTime, SERVICE_TIERS, text, timezone } from '../shared/fields.ts';

/** Business calendars, SLA policies, the root-cause taxonomy, compensation limits and case settings. */

export const SEVERITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const severity = z.enum(SEVERITIES);
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day as HH:MM, 00:00 to 24:00');
const interval = z.strictObject({ from: timeOfDay, to: timeOfDay }).meta({ id: 'BusinessInterval' });
const day = z.array(interval).max(8).default([]);

export const weeklyHours = z
  .strictObject(
    Object.fromEntries(WEEKDAYS.map((d) => [d, day])) as Record<(typeof WEEKDAYS)[number], typeof day>,
  )
  .describe(
    'Business intervals per weekday (several a day for split hours), local time: {"mon": [{"from": "09:00", "to": "12:00"}, {"from": "13:00", "to": "17:00"}]}. 24/7 is 00:00–24:00 every day.',
  )
  .meta({ id: 'WeeklyHours' });

const holiday = z
  .strictObject({ date: isoDate, name: text(200).nullable().default(null) })
  .meta({ id: 'Holiday' });

export const calendarCreate = z
  .strictObject({
    name: text(200).min(1),
    timeZone: timezone.describe('IANA time zone, e.g. Europe/Berlin.'),
    hours: weeklyHours,
    holidays: z.array(holiday).max(1000).default([]).describe('Local dates without business hours.'),
  })
  .meta({ id: 'CalendarCreate' });

export const calendarUpdate = z
  .strictObject({
    name: text(200).min(1),
    timeZone: timezone,
    hours: weeklyHours,
    holidays: z.array(holiday).max(1000),
  })
  .partial()
  .meta({ id: 'CalendarUpdate' });

export const calendar = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    hours: z.record(z.string(), z.array(z.object({ from: z.string(), to: z.string() }))),
    holidays: z.array(z.object({ date: z.string(), name: z.string().nullable() })),
    weeklyMinutes: z.number().int().describe('Business minutes in a week without holidays.'),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'BusinessCalendar' });

const minutes = z.number().int().min(1).max(525_600);

export const slaPolicyCreate = z
  .strictObject({
    name: text(200).min(1),
    severity,
    tier: z
      .enum(SERVICE_TIERS)
      .nullable()
      .default(null)
      .describe('The customer tier it applies to; null: every tier without a policy of its own.'),
    calendarId: z.string().min(1).describe('The business calendar (cal_…) the minutes are counted in.'),
    acknowledgeMinutes: minutes.describe('Time to acknowledge, in business minutes.'),
    resolveMinutes: minutes.describe('Time to resolve, in business minutes.'),
  })
  .meta({ id: 'SlaPolicyCreate' });

export const slaPolicyUpdate = z
  .strictObject({
    name: text(200).min(1),
    calendarId: z.string().min(1),
    acknowledgeMinutes: minutes,
    resolveMinutes: minutes,
  })
  .partial()
  .meta({ id: 'SlaPolicyUpdate', description: 'Applies to cases opened from now on.' });

export const slaPolicy = z
  .object({
    id: z.string(),
    name: z.string(),
    severity,
    tier: z.enum(SERVICE_TIERS).nullable(),
    calendarId: z.string(),
    calendarName: z.string(),
    acknowledgeMinutes: z.number().int(),
    resolveMinutes: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'SlaPolicy' });

export const rootCauseCreate = z
  .strictObject({ name: text(200).min(1), description: text(2000).nullable().default(null) })
  .meta({ id: 'RootCauseCreate' });

export const rootCauseUpdate = z
  .strictObject({
    name: text(200).min(1),
    description: text(2000).nullable(),
    archived: z.boolean().describe('Archived causes stay on their cases but cannot be chosen any more.'),
  })
  .partial()
  .meta({ id: 'RootCauseUpdate' });

export const rootCause = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    archived: z.boolean(),
    cases: z.number().int().describe('Cases with this root cause.'),
    createdAt: isoDateTime,
  })
  .meta({ id: 'RootCause' });

const limitRole = z.enum(['admin', 'manager', 'agent']);

export const compensationLimitsInput = z
  .strictObject({
    limits: z
      .array(
        z.strictObject({
          role: limitRole,
          currency,
          maxAmountMinor: z.number().int().min(0).max(1e12).describe('In minor units (cents).'),
        }),
      )
      .max(300),
  })
  .meta({
    id: 'CompensationLimitsInput',
    description:
      'Replaces every limit. Without a limit for its currency, an agent or manager needs approval for any amount; an admin needs none.',
  });

export const compensationLimits = z
  .object({
    data: z.array(
      z.object({
        role: limitRole,
        currency: z.string(),
        maxAmountMinor: z.number().int(),
        updatedAt: isoDateTime,
      }),
    ),
  })
  .meta({ id: 'CompensationLimits' });

export const caseSettings = z
  .object({
    csatSurveyId: z.string().nullable().describe('The CSAT survey (srv_…) sent when a case is resolved.'),
    warnPercent: z
      .number()
      .int()
      .min(1)
      .max(99)
      .describe('SLA warnings when this share of the time to acknowledge or resolve is used (default 80).'),
    promiseReminderMinutes: z
      .number()
      .int()
      .min(0)
      .max(43_200)
      .describe('A promise reminds its owner this long before it is due (default 1440: a day).'),
    statusLinkDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .describe('A status link keeps working this many days after its case closed (default 30).'),
  })
  .meta({ id: 'CaseSettings' });

export const caseSettingsUpdate = caseSettings.partial().strict().meta({ id: 'CaseSettingsUpdate' });

export type CalendarCreate = z.input<typeof calendarCreate>;
export type CalendarUpdate = z.input<typeof calendarUpdate>;
export type Calendar = z.infer<typeof calendar>;
export type SlaPolicyCreate = z.input<typeof slaPolicyCreate>;
export type SlaPolicyUpdate = z.input<typeof slaPolicyUpdate>;
export type SlaPolicy = z.infer<typeof slaPolicy>;
export type RootCauseCreate = z.input<typeof rootCauseCreate>;
export type RootCauseUpdate = z.input<typeof rootCauseUpdate>;
export type RootCause = z.infer<typeof rootCause>;
export type CompensationLimitsInput = z.input<typeof compensationLimitsInput>;
export type CompensationLimits = z.infer<typeof compensationLimits>;
export type CaseSettings = z.infer<typeof caseSettings>;
export type CaseSettingsUpdate = z.input<typeof caseSettingsUpdate>;
export type Severity = (typeof SEVERITIES)[number];
