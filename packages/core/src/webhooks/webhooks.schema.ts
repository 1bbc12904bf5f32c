import { z } from 'zod';
import { httpUrl, isoDateTime, text } from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';

/** What a subscription can listen to; each is emitted in the transaction of its change. */
export const WEBHOOK_EVENTS = [
  'person.created',
  'person.updated',
  'person.merged',
  'order.created',
  'order.updated',
  'interaction.logged',
  'person.feeling_alert',
  'case.opened',
  'case.status_changed',
  'case.sla_warning',
  'case.sla_breached',
  'case.compensation_requested',
  'promise.kept',
  'promise.broken',
] as const;
export const webhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed', 'cancelled'] as const;
export const deliveryStatus = z.enum(DELIVERY_STATUSES);

const url = httpUrl('https://example.com/hooks/rapport');
const eventTypes = z
  .array(webhookEvent)
  .min(1, 'choose at least one event')
  .max(WEBHOOK_EVENTS.length)
  .transform((values) => [...new Set(values)]);
const description = text(500).describe('What receives these events, e.g. "Data warehouse".');

export const webhookCreate = z
  .strictObject({
    url: url.describe('Where deliveries are POSTed.'),
    eventTypes,
    description: description.optional(),
    enabled: z.boolean().default(true),
  })
  .meta({ id: 'WebhookCreate' });

export const webhookUpdate = z
  .strictObject({
    url: url.optional(),
    eventTypes: eventTypes.optional(),
    description: description.nullable().optional(),
    enabled: z
      .boolean()
      .optional()
      .describe('A disabled subscription receives nothing (pending deliveries are cancelled).'),
  })
  .meta({ id: 'WebhookUpdate' });

export const webhook = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    eventTypes: z.array(webhookEvent),
    enabled: z.boolean(),
    secretPrefix: z.string().describe('The first characters of the signing secret, to recognise it.'),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Webhook' });

export const webhookWithSecret = webhook
  .extend({
    secret: z.string().describe('The signing secret (whsec_…, Standard Webhooks). Shown once: store it now.'),
  })
  .meta({ id: 'WebhookWithSecret' });

export const webhookDelivery = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    messageId: z.string().describe('The webhook-id header: the same on every attempt and replay.'),
    eventType: webhookEvent,
    replayOf: z.string().nullable().describe('The delivery this one replays.'),
    status: deliveryStatus,
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable().describe("The HTTP status of the last attempt's answer."),
    latencyMs: z.number().int().nullable(),
    error: z.string().nullable(),
    nextAttemptAt: isoDateTime.nullable(),
    lastAttemptAt: isoDateTime.nullable(),
    deliveredAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'WebhookDelivery' });

export const deliveriesQuery = z.strictObject({
  status: deliveryStatus.optional(),
  ...pageInput,
});

export type WebhookCreate = z.input<typeof webhookCreate>;
export type WebhookUpdate = z.input<typeof webhookUpdate>;
export type Webhook = z.infer<typeof webhook>;
export type WebhookWithSecret = z.infer<typeof webhookWithSecret>;
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
export type DeliveriesQuery = z.input<typeof deliveriesQuery>;
