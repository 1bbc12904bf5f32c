import { z } from 'zod';
import { outboundMessageSent } from '../interactions/interactions.schema.ts';
import {
  currency,
  historyEntry,
  isoDateTime,
  oneOrMany,
  queryBool,
  SERVICE_TIERS,
  text,
} from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';
import { SEVERITIES, severity } from './cases.settings.schema.ts';

export * from './cases.settings.schema.ts';

export const CASE_TYPES = ['complaint', 'issue', 'question', 'request'] as const;
export const CASE_STATUSES = [
  'new',
  'acknowledged',
  'in_progress',
  'waiting_on_customer',
  'resolved',
  'closed',
] as const;
export const CASE_SOURCES = ['interaction', 'survey_response', 'review'] as const;
export const SLA_STATES = ['none', 'ok', 'warning', 'breached'] as const;
export const COMPENSATION_KINDS = ['refund', 'credit', 'voucher', 'gift', 'discount', 'other'] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];
export type SlaState = (typeof SLA_STATES)[number];

const caseType = z.enum(CASE_TYPES);
const caseStatus = z.enum(CASE_STATUSES);

export const caseCreate = z
  .strictObject({
    type: caseType,
    category: text(100)
      .min(1)
      .nullable()
      .default(null)
      .describe('What it is about, e.g. "delivery", "billing".'),
    severity: severity.default('normal'),
    subject: text(300).min(1).optional().describe('Default: from the source, else required.'),
    description: text(20_000).nullable().default(null).describe('Internal: never on the status page.'),
    personId: z.string().nullable().optional(),
    companyId: z.string().nullable().optional(),
    ownerId: z.string().nullable().optional().describe('The agent (usr_…) in charge; default: the caller.'),
    team: text(100).min(1).nullable().default(null),
    source: z
      .strictObject({ type: z.enum(CASE_SOURCES), id: z.string().min(1) })
      .optional()
      .describe(
        'The interaction, survey answer or review the case came from; the customer is copied from it.',
      ),
  })
  .meta({ id: 'CaseCreate' });

export const caseUpdate = z
  .strictObject({
    category: text(100).min(1).nullable(),
    severity: severity.describe('A new severity applies the matching policy from the case’s opening.'),
    subject: text(300).min(1),
    description: text(20_000).nullable(),
    ownerId: z.string().nullable(),
    team: text(100).min(1).nullable(),
    rootCauseId: z.string().nullable().describe('From the workspace’s taxonomy (rca_…).'),
    resolution: text(20_000).nullable(),
  })
  .partial()
  .meta({ id: 'CaseUpdate' });

export const caseTransition = z
  .strictObject({
    to: caseStatus,
    resolution: text(20_000).min(1).optional().describe('Required to resolve, unless the case has one.'),
    rootCauseId: z.string().optional(),
  })
  .meta({ id: 'CaseTransition' });

const stage = z.object({
  targetMinutes: z.number().int().describe('Business minutes the policy allows.'),
  dueAt: isoDateTime.nullable(),
  warnAt: isoDateTime.nullable(),
  remainingMinutes: z
    .number()
    .nullable()
    .describe('Business minutes left (negative: late); null once the stage is done.'),
  doneAt: isoDateTime.nullable(),
  state: z.enum(['ok', 'warning', 'breached', 'met', 'missed']),
});

export const caseSla = z
  .object({
    policyId: z.string(),
    calendarId: z.string(),
    state: z.enum(SLA_STATES).describe('The worst of the two stages; breached stays once it happened.'),
    paused: z.boolean().describe('Waiting on the customer: the resolve clock stands still.'),
    acknowledge: stage,
    resolve: stage,
  })
  .meta({ id: 'CaseSla' });

export const supportCase = z
  .object({
    id: z.string(),
    reference: z.string().describe('Short reference for the customer, e.g. "C-7K3Q9Z".'),
    type: caseType,
    category: z.string().nullable(),
    severity,
    subject: z.string(),
    description: z.string().nullable(),
    status: caseStatus,
    personId: z.string().nullable(),
    personName: z.string().nullable(),
    companyId: z.string().nullable(),
    companyName: z.string().nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    team: z.string().nullable(),
    tier: z.enum(SERVICE_TIERS),
    source: z.object({ type: z.enum(CASE_SOURCES), id: z.string() }).nullable(),
    sla: caseSla.nullable().describe('Null when no policy matched the severity and tier.'),
    slaState: z.enum(SLA_STATES),
    rootCauseId: z.string().nullable(),
    rootCauseName: z.string().nullable(),
    resolution: z.string().nullable(),
    openedAt: isoDateTime,
    acknowledgedAt: isoDateTime.nullable(),
    resolvedAt: isoDateTime.nullable(),
    closedAt: isoDateTime.nullable(),
    reopenedCount: z.number().int(),
    csatInvitationId: z.string().nullable(),
    statusLink: z.enum(['none', 'active', 'revoked']),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Case' });

export const followUp = z
  .object({
    surveyId: z.string().nullable(),
    invitationId: z.string().nullable(),
    link: z.string().nullable().describe('The CSAT link, shown once (Rapport keeps its hash).'),
    emailId: z
      .string()
      .nullable()
      .describe(
        'The email that carries the invitation (GET /api/v1/emails/{id}), when the workspace sends email.',
      ),
    message: z.string().describe('What happened: sent, skipped (why), or no CSAT survey configured.'),
  })
  .meta({ id: 'CaseFollowUp' });

export const caseTransitionResult = supportCase
  .extend({ followUp: followUp.nullable().describe('On resolution: the CSAT follow-up.') })
  .meta({ id: 'CaseTransitionResult' });

export const CASE_SORTS = { openedAt: 'opened_at', resolveDueAt: 'resolve_due_at' } as const;

export const casesQuery = z
  .strictObject({
    status: oneOrMany(z.enum([...CASE_STATUSES, 'open']))
      .optional()
      .describe('"open": every status before resolved.'),
    type: oneOrMany(caseType).optional(),
    severity: oneOrMany(z.enum(SEVERITIES)).optional(),
    ownerId: z.string().optional().describe('A user id, "me", or "none".'),
    team: z.string().optional(),
    personId: z.string().optional(),
    companyId: z.string().optional(),
    slaState: oneOrMany(z.enum(SLA_STATES)).optional().describe('As of now.'),
    rootCauseId: z.string().optional(),
    category: z.string().optional(),
    sort: z.enum(['openedAt', '-openedAt', 'resolveDueAt']).default('-openedAt'),
    ...pageInput,
  })
  .meta({ id: 'CasesQuery' });

export const caseEvent = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseSubject: z.string(),
    caseType: caseType,
    type: z.enum(['opened', 'status_changed', 'sla_warning', 'sla_breached', 'compensation']),
    fromStatus: caseStatus.nullable(),
    toStatus: caseStatus.nullable(),
    detail: z.record(z.string(), z.unknown()),
    ...historyEntry,
  })
  .meta({ id: 'CaseEvent' });

export const compensationCreate = z
  .strictObject({
    kind: z.enum(COMPENSATION_KINDS),
    amountMinor: z.number().int().min(1).max(1e12).describe('In minor units (cents).'),
    currency,
    reason: text(2000).nullable().default(null),
    requestApproval: z
      .boolean()
      .default(false)
      .describe('Above the limit of your role: ask a manager to approve (else the request is refused).'),
  })
  .meta({ id: 'CompensationCreate' });

export const compensation = z
  .object({
    id: z.string(),
    caseId: z.string(),
    kind: z.enum(COMPENSATION_KINDS),
    amountMinor: z.number().int(),
    currency: z.string(),
    reason: z.string().nullable(),
    status: z.enum(['approved', 'pending', 'rejected']),
    requestedBy: z.string(),
    requestedRole: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: isoDateTime.nullable(),
    decisionNote: z.string().nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'Compensation' });

export const approvalDecision = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    note: text(2000).nullable().default(null),
  })
  .meta({ id: 'ApprovalDecision' });

export const approvalsQuery = z
  .strictObject({ status: z.enum(['pending', 'approved', 'rejected']).default('pending'), ...pageInput })
  .meta({ id: 'ApprovalsQuery' });

export const acknowledgementDraft = z
  .object({
    subject: z.string(),
    body: z.string(),
    namedIssue: z.string().nullable().describe('What went wrong, as the draft names it.'),
    basedOn: z
      .array(z.string())
      .describe('What the draft used: category, the customer’s words, their feeling.'),
  })
  .meta({ id: 'AcknowledgementDraft' });

export const statusLink = z
  .object({
    link: z.string().describe('Shown once: Rapport keeps its hash. A new link replaces the old one.'),
    expiresAt: isoDateTime,
    emailId: z
      .string()
      .nullable()
      .describe('The email that carries the link, when asked for (`{"email": true}`).'),
  })
  .meta({ id: 'CaseStatusLink' });

export const statusLinkCreate = z
  .strictObject({
    email: queryBool
      .optional()
      .describe(
        "`?email=true`: also email the link to the case's person (the workspace must send email, Admin > Email).",
      ),
  })
  .meta({ id: 'CaseStatusLinkQuery' });

export const caseMessageSent = outboundMessageSent
  .extend({ acknowledged: z.boolean().describe('The case was new and is acknowledged by this message.') })
  .meta({ id: 'CaseMessageSent' });

export type StatusLinkCreate = z.input<typeof statusLinkCreate>;
export type CaseCreate = z.input<typeof caseCreate>;
export type CaseUpdate = z.input<typeof caseUpdate>;
export type CaseTransition = z.input<typeof caseTransition>;
export type Case = z.infer<typeof supportCase>;
export type CaseSla = z.infer<typeof caseSla>;
export type CaseTransitionResult = z.infer<typeof caseTransitionResult>;
export type FollowUp = z.infer<typeof followUp>;
export type CasesQuery = z.input<typeof casesQuery>;
export type CaseEvent = z.infer<typeof caseEvent>;
export type CompensationCreate = z.input<typeof compensationCreate>;
export type Compensation = z.infer<typeof compensation>;
export type ApprovalDecision = z.input<typeof approvalDecision>;
export type ApprovalsQuery = z.input<typeof approvalsQuery>;
export type AcknowledgementDraft = z.infer<typeof acknowledgementDraft>;
export type StatusLink = z.infer<typeof statusLink>;
