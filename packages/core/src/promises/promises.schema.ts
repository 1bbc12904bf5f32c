import { z } from 'zod';
import { historyEntry, isoDateTime, oneOrMany, text } from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';

export const PROMISE_STATUSES = ['open', 'kept', 'broken', 'renegotiated'] as const;
const promiseStatus = z.enum(PROMISE_STATUSES);

const dueAt = z
  .string({ error: 'required: a promise needs a due date, e.g. 2026-05-01T17:00:00Z' })
  .pipe(isoDateTime)
  .describe('When it is due (required).');

export const promiseCreate = z
  .strictObject({
    what: text(1000).min(1).describe('What was promised, in words the customer would recognise.'),
    personId: z
      .string()
      .nullable()
      .optional()
      .describe('To whom; default: the case’s or the conversation’s customer.'),
    companyId: z.string().nullable().optional(),
    ownerId: z.string().nullable().optional().describe('Who promised it (usr_…); default: the caller.'),
    team: text(100).min(1).nullable().optional(),
    dueAt,
    interactionId: z.string().nullable().optional().describe('The conversation (int_…) it was made in.'),
    caseId: z.string().nullable().optional().describe('The case (case_…) it was made in.'),
  })
  .meta({ id: 'PromiseCreate' });

export const promiseRenegotiation = z
  .strictObject({
    dueAt,
    reason: z
      .string({ error: 'required: say why the date moves' })
      .trim()
      .min(1, 'required: say why the date moves')
      .max(2000),
    toldCustomer: z.boolean({ error: 'required: say whether the customer was told (true or false)' }),
  })
  .meta({ id: 'PromiseRenegotiation' });

export const promiseOutcome = z
  .strictObject({ note: text(2000).nullable().default(null) })
  .meta({ id: 'PromiseOutcome' });

export const promiseEvent = z
  .object({
    id: z.string(),
    promiseId: z.string(),
    what: z.string(),
    type: z.enum(['made', 'renegotiated', 'reminded', 'kept', 'broken']),
    fromDueAt: isoDateTime.nullable(),
    toDueAt: isoDateTime.nullable(),
    reason: z.string().nullable(),
    toldCustomer: z.boolean().nullable(),
    ...historyEntry,
  })
  .meta({ id: 'PromiseEvent' });

export const promise = z
  .object({
    id: z.string(),
    what: z.string(),
    personId: z.string().nullable(),
    personName: z.string().nullable(),
    companyId: z.string().nullable(),
    companyName: z.string().nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    team: z.string().nullable(),
    interactionId: z.string().nullable(),
    caseId: z.string().nullable(),
    dueAt: isoDateTime,
    originalDueAt: isoDateTime,
    status: promiseStatus,
    atRisk: z.boolean().describe('Open and due within the reminder window (case settings), or overdue.'),
    keptAt: isoDateTime.nullable(),
    keptLate: z.boolean().describe('Marked kept after its due date: counts against the kept rate.'),
    brokenAt: isoDateTime.nullable(),
    remindedAt: isoDateTime.nullable(),
    renegotiations: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Promise' });

export const promiseDetail = promise.extend({ history: z.array(promiseEvent) }).meta({ id: 'PromiseDetail' });

export const promisesQuery = z
  .strictObject({
    status: oneOrMany(promiseStatus).optional(),
    ownerId: z.string().optional().describe('A user id, or "me".'),
    team: z.string().optional(),
    personId: z.string().optional(),
    companyId: z.string().optional(),
    caseId: z.string().optional(),
    interactionId: z.string().optional(),
    dueBefore: isoDateTime.optional(),
    dueAfter: isoDateTime.optional(),
    sort: z.enum(['dueAt', '-createdAt']).default('dueAt'),
    ...pageInput,
  })
  .meta({ id: 'PromisesQuery' });

export const promiseDraftQuery = z
  .strictObject({
    newDueAt: isoDateTime.optional().describe('The date you can promise instead, if you know it.'),
    reason: text(500).optional().describe('Why it is late, in a few words.'),
  })
  .meta({ id: 'PromiseDraftQuery' });

export const promiseDraft = z
  .object({ subject: z.string(), body: z.string(), atRisk: z.boolean() })
  .meta({ id: 'PromiseDraft' });

export const keptRateQuery = z
  .strictObject({
    by: z.enum(['owner', 'team', 'company', 'month']).default('owner'),
    from: isoDateTime.optional().describe('Promises due from (default: 180 days ago).'),
    to: isoDateTime.optional().describe('…until before (default: now).'),
  })
  .meta({ id: 'KeptRateQuery' });

export const keptRate = z
  .object({
    by: z.enum(['owner', 'team', 'company', 'month']),
    from: isoDateTime,
    to: isoDateTime,
    data: z.array(
      z.object({
        key: z.string().nullable().describe('User, team, company id or month (YYYY-MM); null: none.'),
        name: z.string().nullable(),
        promises: z.number().int(),
        keptOnTime: z.number().int(),
        keptLate: z.number().int(),
        broken: z.number().int(),
        open: z.number().int(),
        renegotiated: z.number().int().describe('Promises whose date moved at least once.'),
        keptRate: z
          .number()
          .nullable()
          .describe('Kept on time ÷ settled (kept + broken); null when none settled.'),
      }),
    ),
  })
  .meta({ id: 'KeptRate' });

export type PromiseCreate = z.input<typeof promiseCreate>;
export type PromiseRenegotiation = z.input<typeof promiseRenegotiation>;
export type PromiseOutcome = z.input<typeof promiseOutcome>;
export type PromiseEvent = z.infer<typeof promiseEvent>;
export type CustomerPromise = z.infer<typeof promise>;
export type PromiseDetail = z.infer<typeof promiseDetail>;
export type PromisesQuery = z.input<typeof promisesQuery>;
export type PromiseDraftQuery = z.input<typeof promiseDraftQuery>;
export type PromiseDraft = z.infer<typeof promiseDraft>;
export type KeptRateQuery = z.input<typeof keptRateQuery>;
export type KeptRate = z.infer<typeof keptRate>;
