import { z } from 'zod';
import { isoDateTime, oneOrMany } from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';

export const EVENT_TYPES = ['identify', 'track', 'page', 'screen', 'group', 'alias'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const event = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    messageId: z
      .string()
      .describe('The sender’s id of the message; a retry with the same one is stored once.'),
    type: z.enum(EVENT_TYPES),
    name: z.string().nullable().describe('The track event’s name, or the page or screen name.'),
    personId: z.string().nullable().describe('The person it is attached to; null until the sender is known.'),
    userId: z.string().nullable(),
    anonymousId: z.string().nullable(),
    properties: z
      .record(z.string(), z.unknown())
      .describe('The properties (track, page, screen) or traits (identify); group: { groupId, traits }.'),
    context: z.record(z.string(), z.unknown()),
    occurredAt: isoDateTime,
    receivedAt: isoDateTime,
    effect: z
      .enum(['none', 'pending', 'applied', 'refused'])
      .describe(
        'What the message meant beyond being stored (a person, an order, …): none (a page, a plain track), pending (applied within moments of its arrival), applied, or refused (see error).',
      ),
    error: z
      .string()
      .nullable()
      .describe('Why its effect was refused, e.g. "traits.email: not an email address".'),
  })
  .meta({ id: 'Event' });

export const personEventsQuery = z
  .strictObject({
    type: oneOrMany(z.enum(EVENT_TYPES)).optional().describe('Only events of these types.'),
    name: z.string().trim().min(1).max(200).optional().describe('Only events with this name.'),
    ...pageInput,
  })
  .meta({ id: 'PersonEventsQuery' });

export const eventsQuery = z
  .strictObject({
    sourceId: z.string().optional().describe('Only the events of this source.'),
    ...pageInput,
  })
  .meta({ id: 'EventsQuery' });

export const eventPage = z
  .object({ data: z.array(event), nextCursor: z.string().nullable() })
  .meta({ id: 'EventPage' });

export type Event = z.infer<typeof event>;
export type PersonEventsQuery = z.input<typeof personEventsQuery>;
export type EventsQuery = z.input<typeof eventsQuery>;

/** What arrived from one source lately, for its admin screen. */
export interface SourceActivity {
  lastEventAt: string | null;
  /** Events received in the last 24 hours, counted up to `RECENT_CAP`. */
  recentCount: number;
  /** Messages whose effects (people, orders, …) are still to be applied. */
  pendingCount: number;
}

export const RECENT_CAP = 10_000;
