import { z } from 'zod';
import { CHANNELS, channel, isoDateTime, oneOrMany, text } from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';

export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const PARTICIPANT_ROLES = ['from', 'to', 'cc', 'attendee', 'participant'] as const;

const participantRole = z.enum(PARTICIPANT_ROLES).default('participant');

export const interactionCreate = z
  .strictObject({
    channel,
    direction: z.enum(DIRECTIONS),
    occurredAt: isoDateTime.optional().describe('When it happened; default now.'),
    subject: text(500).nullable().optional(),
    body: z.string().max(100_000).nullable().optional(),
    companyId: z.string().nullable().optional().describe('The account this interaction belongs to.'),
    people: z
      .array(z.strictObject({ personId: z.string(), role: participantRole }))
      .max(200)
      .default([])
      .describe('People on the customer side.'),
    users: z
      .array(z.strictObject({ userId: z.string(), role: participantRole }))
      .max(50)
      .optional()
      .describe('Users on our side; default: the signed-in user.'),
    externalId: text(200).min(1).nullable().optional(),
  })
  .refine((value) => value.people.length > 0 || value.companyId, {
    message: 'an interaction needs at least one person or a company',
    path: ['people'],
  })
  .refine((value) => new Set(value.people.map((p) => p.personId)).size === value.people.length, {
    message: 'a person is listed twice',
    path: ['people'],
  })
  .meta({ id: 'InteractionCreate' });

export const interactionCorrection = z
  .strictObject({
    reason: text(500).min(1).describe('Why the entry is corrected; kept with the correction.'),
    channel: channel.optional(),
    direction: z.enum(DIRECTIONS).optional(),
    occurredAt: isoDateTime.optional(),
    subject: text(500).nullable().optional(),
    body: z.string().max(100_000).nullable().optional(),
    companyId: z.string().nullable().optional(),
    people: z
      .array(z.strictObject({ personId: z.string(), role: participantRole }))
      .max(200)
      .optional(),
  })
  .meta({
    id: 'InteractionCorrection',
    description:
      'The fields that change; the rest is copied from the corrected entry, which stays as it was.',
  });

export const participant = z.object({ id: z.string(), name: z.string(), role: z.enum(PARTICIPANT_ROLES) });

export const interaction = z
  .object({
    id: z.string(),
    channel,
    direction: z.enum(DIRECTIONS),
    occurredAt: isoDateTime,
    subject: z.string().nullable(),
    body: z.string().nullable(),
    companyId: z.string().nullable(),
    companyName: z.string().nullable(),
    people: z.array(participant),
    users: z.array(participant),
    externalId: z.string().nullable(),
    correctsId: z.string().nullable().describe('The entry this one corrects.'),
    correctionReason: z.string().nullable().describe('Why it was corrected.'),
    correctedById: z.string().nullable().describe('The newer entry that corrects this one.'),
    createdBy: z.string(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'Interaction' });

export const interactionsQuery = z
  .strictObject({
    sort: z.enum(['occurredAt', '-occurredAt']).default('-occurredAt').describe('Newest first by default.'),
    personId: z.string().optional(),
    companyId: z.string().optional(),
    userId: z.string().optional(),
    channel: oneOrMany(z.enum(CHANNELS)).optional(),
    direction: z.enum(DIRECTIONS).optional(),
    since: isoDateTime.optional(),
    until: isoDateTime.optional(),
    ...pageInput,
  })
  .meta({ id: 'InteractionsQuery' });

export type InteractionCreate = z.input<typeof interactionCreate>;
export type InteractionCorrection = z.input<typeof interactionCorrection>;
export type Interaction = z.infer<typeof interaction>;
export type InteractionsQuery = z.input<typeof interactionsQuery>;

/** A message Rapport emails for an agent and logs on the timeline (POST /cases/{id}/messages, /promises/{id}/messages). */
export const outboundMessage = z
  .strictObject({
    subject: text(500).min(1),
    body: text(20_000).min(1).describe('Plain text, sent as written (a drafted message, edited).'),
  })
  .meta({ id: 'OutboundMessage' });
export type OutboundMessage = z.input<typeof outboundMessage>;

export const outboundMessageSent = z
  .object({
    emailId: z.string().describe('The email (GET /api/v1/emails/{id}): queued now, sent by the job.'),
    interactionId: z.string().describe("The outbound email on the customer's timeline."),
  })
  .meta({ id: 'OutboundMessageSent' });
