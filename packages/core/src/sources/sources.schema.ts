import { z } from 'zod';
import { DIRECTIONS } from '../interactions/interactions.schema.ts';
import { channel, isoDateTime, text } from '../shared/fields.ts';

export const interactionEventRule = z
  .strictObject({
    event: text(200).min(1).describe('A track event name, exactly as sent, e.g. "Support Ticket Opened".'),
    channel: channel.describe('The channel of the interaction it becomes.'),
    direction: z.enum(DIRECTIONS).default('inbound'),
  })
  .meta({
    id: 'InteractionEventRule',
    description: 'A track event that also goes onto the person’s timeline as an interaction.',
  });

const interactionEvents = z
  .array(interactionEventRule)
  .max(100)
  .refine((rules) => new Set(rules.map((r) => r.event)).size === rules.length, {
    message: 'an event is listed twice',
  });

export const sourceCreate = z
  .strictObject({
    name: text(200).min(1).describe('Which app or site sends, e.g. "Web shop".'),
    enabled: z.boolean().default(true),
    interactionEvents: interactionEvents.default([]),
  })
  .meta({ id: 'SourceCreate' });

export const sourceUpdate = z
  .strictObject({
    name: text(200).min(1),
    enabled: z.boolean().describe('A disabled source’s write key is refused (401).'),
    interactionEvents,
    rotateWriteKey: z
      .literal(true)
      .describe('Replace the write key with a new one; the old one is refused from now on.'),
  })
  .partial()
  .meta({ id: 'SourceUpdate' });

export const source = z
  .object({
    id: z.string(),
    name: z.string(),
    writeKey: z
      .string()
      .describe('The key SDKs send as the HTTP Basic user name (or as writeKey in the body).'),
    enabled: z.boolean(),
    interactionEvents: z.array(interactionEventRule),
    lastEventAt: isoDateTime.nullable().describe('When the newest event arrived.'),
    recentEvents: z.number().int().describe('Events received in the last 24 hours, counted up to 10,000.'),
    pendingEvents: z
      .number()
      .int()
      .describe(
        'Messages stored whose effects (people, orders, …) are still being applied; 0 when caught up.',
      ),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Source' });

export type SourceCreate = z.input<typeof sourceCreate>;
export type SourceUpdate = z.input<typeof sourceUpdate>;
export type Source = z.infer<typeof source>;
export type InteractionEventRule = z.infer<typeof interactionEventRule>;
