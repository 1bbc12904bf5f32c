import { randomBytes } from 'node:crypto';
import type { Ctx } from '../shared/context.ts';
import { conflict, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import { deliver } from './webhooks.outbox.ts';
import * as repo from './webhooks.repo.ts';
import {
  type DeliveriesQuery,
  deliveriesQuery,
  type Webhook,
  type WebhookCreate,
  type WebhookDelivery,
  type WebhookEvent,
  type WebhookUpdate,
  type WebhookWithSecret,
  webhookCreate,
  webhookUpdate,
} from './webhooks.schema.ts';

export { type DeliveryOptions, webhookJobTypes } from './webhooks.deliver.ts';

/** A Standard Webhooks secret: whsec_ and 32 random bytes in base64. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function present(row: repo.WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types as WebhookEvent[],
    enabled: row.enabled,
    secretPrefix: row.secret.slice(0, 10),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function presentDelivery(row: repo.DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    messageId: row.message_id,
    eventType: row.event_type as WebhookEvent,
    replayOf: row.replay_of,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.response_status,
    latencyMs: row.latency_ms,
    error: row.error,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

async function requireWebhook(ctx: Ctx, id: string, path = 'id'): Promise<repo.WebhookRow> {
  const row = await repo.findWebhook(ctx, id);
  if (!row) throw notFound('webhook', id, path);
  return row;
}

/** Subscribes a URL to events. The signing secret is in the answer and shown nowhere else. */
export async function createWebhook(ctx: Ctx, input: WebhookCreate): Promise<WebhookWithSecret> {
  const value = parseInput(webhookCreate, input);
  const now = ctx.clock.now();
  const secret = newSecret();
  const row = await repo.insertWebhook(ctx, {
    id: newId('webhook'),
    workspace_id: ctx.workspaceId,
    url: value.url,
    description: value.description || null,
    event_types: value.eventTypes,
    secret,
    enabled: value.enabled,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
  });
  return { ...present(row), secret };
}

export async function listWebhooks(ctx: Ctx): Promise<Webhook[]> {
  return (await repo.listWebhooks(ctx)).map(present);
}

export async function getWebhook(ctx: Ctx, id: string): Promise<Webhook> {
  return present(await requireWebhook(ctx, id));
}

/** Changes a subscription; disabling it cancels its deliveries that are still to be sent. */
export async function updateWebhook(ctx: Ctx, id: string, input: WebhookUpdate): Promise<Webhook> {
  const patch = parseInput(webhookUpdate, input);
  const current = await requireWebhook(ctx, id);
  const row = await repo.updateWebhook(ctx, id, {
    ...(patch.url !== undefined ? { url: patch.url } : {}),
    ...(patch.eventTypes !== undefined ? { event_types: patch.eventTypes } : {}),
    ...(patch.description !== undefined ? { description: patch.description || null } : {}),
    ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
    updated_at: ctx.clock.now(),
  });
  if (!row) throw notFound('webhook', id);
  if (current.enabled && !row.enabled) await repo.cancelPending(ctx, id, 'the subscription was disabled');
  return present(row);
}

/** A new signing secret, effective for the next attempt of every delivery. */
export async function rotateWebhookSecret(ctx: Ctx, id: string): Promise<WebhookWithSecret> {
  await requireWebhook(ctx, id);
  const secret = newSecret();
  const row = await repo.updateWebhook(ctx, id, { secret, updated_at: ctx.clock.now() });
  if (!row) throw notFound('webhook', id);
  return { ...present(row), secret };
}

/** Deletes a subscription and its delivery log; nothing more is sent to it. */
export async function deleteWebhook(ctx: Ctx, id: string): Promise<void> {
  if (!(await repo.deleteWebhook(ctx, id))) throw notFound('webhook', id);
}

export async function listWebhookDeliveries(
  ctx: Ctx,
  webhookId: string,
  input: DeliveriesQuery,
): Promise<Page<WebhookDelivery>> {
  const query = parseInput(deliveriesQuery, input);
  await requireWebhook(ctx, webhookId);
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await repo.listDeliveries(ctx, webhookId, { status: query.status }, query.limit, cursor);
  return toPage(
    rows,
    query.limit,
    (row) => row.id,
    (row) => row.id,
    presentDelivery,
  );
}

/** Sends a message again to its subscription, as a new delivery with the same webhook-id. */
export async function replayWebhookDelivery(
  ctx: Ctx,
  webhookId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const hook = await requireWebhook(ctx, webhookId, 'webhookId');
  const original = await repo.findDelivery(ctx, webhookId, deliveryId);
  if (!original) throw notFound('delivery', deliveryId, 'deliveryId');
  if (!hook.enabled) throw conflict('webhookId', 'the subscription is disabled: enable it to replay');
  const id = newId('webhookDelivery');
  await deliver(ctx, [{ id, webhookId, messageId: original.message_id, replayOf: original.id }]);
  return presentDelivery((await repo.findDelivery(ctx, webhookId, id))!);
}

export { emitEvent, emitEvents, listensTo } from './webhooks.outbox.ts';
