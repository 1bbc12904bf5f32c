import { enqueueJobs } from '../jobs/jobs.service.ts';
import type { Ctx } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { DELIVER_JOB, MAX_ATTEMPTS } from './webhooks.deliver.ts';
import * as repo from './webhooks.repo.ts';
import type { WebhookEvent } from './webhooks.schema.ts';

// The outbox of outgoing webhooks: what a change emits is written in the change's transaction
// (a message, a delivery and a job per subscription); the job queue sends it after the commit.

type Subscription = { id: string; event_types: string[] };

/** Records per statement when a set-based change emits many events. */
const CHUNK = 500;

/**
 * The enabled subscriptions, read once per transaction: a flow that emits several events (a
 * tracking batch, a bulk change) asks once. Subscriptions changed meanwhile count from the next
 * transaction.
 */
const subscriptions = new WeakMap<Ctx['tx'], Promise<Subscription[]>>();
async function subscribersOf(ctx: Ctx, type: WebhookEvent): Promise<Subscription[]> {
  let found = subscriptions.get(ctx.tx);
  if (!found) {
    found = repo.enabledSubscriptions(ctx);
    subscriptions.set(ctx.tx, found);
  }
  return (await found).filter((s) => s.event_types.includes(type));
}

/** Whether any enabled subscription listens to `type` (so that a change can skip loading records). */
export async function listensTo(ctx: Ctx, type: WebhookEvent): Promise<boolean> {
  return (await subscribersOf(ctx, type)).length > 0;
}

/** New deliveries of stored messages, each with its job. */
export async function deliver(
  ctx: Ctx,
  deliveries: { id: string; webhookId: string; messageId: string; replayOf?: string }[],
) {
  const now = ctx.clock.now();
  await repo.insertDeliveries(
    ctx,
    deliveries.map((d) => ({
      id: d.id,
      workspace_id: ctx.workspaceId,
      webhook_id: d.webhookId,
      message_id: d.messageId,
      replay_of: d.replayOf ?? null,
      next_attempt_at: now,
      created_at: now,
    })),
  );
  await enqueueJobs(
    ctx,
    deliveries.map((d) => ({ type: DELIVER_JOB, payload: { deliveryId: d.id }, maxAttempts: MAX_ATTEMPTS })),
  );
}

async function record(ctx: Ctx, type: WebhookEvent, subscribers: Subscription[], records: unknown[]) {
  if (!records.length) return;
  const now = ctx.clock.now();
  const messages = records.map((data) => ({
    id: newId('webhookMessage'),
    workspace_id: ctx.workspaceId,
    event_type: type,
    body: JSON.stringify({ type, timestamp: now.toISOString(), data }),
    created_at: now,
  }));
  await repo.insertMessages(ctx, messages);
  await deliver(
    ctx,
    messages.flatMap((m) =>
      subscribers.map((s) => ({ id: newId('webhookDelivery'), webhookId: s.id, messageId: m.id })),
    ),
  );
}

/**
 * Records `type` with `data` for every enabled subscription that listens to it, in the caller's
 * transaction. A change that rolls back sends nothing; one that commits is delivered at least
 * once, by the job queue.
 */
export async function emitEvent(ctx: Ctx, type: WebhookEvent, data: unknown): Promise<void> {
  const subscribers = await subscribersOf(ctx, type);
  if (subscribers.length) await record(ctx, type, subscribers, [data]);
}

/**
 * As emitEvent, for the records (`ids`) a set-based change touched (a tracking batch, an import,
 * a bulk change): nothing when there are none or no subscription listens; else the records are
 * loaded (`load`, as the API shows them) and their messages, deliveries and jobs written, a
 * chunk of records per statement.
 */
export async function emitEvents(
  ctx: Ctx,
  type: WebhookEvent,
  ids: readonly string[],
  load: (ids: string[]) => Promise<unknown[]>,
): Promise<void> {
  if (!ids.length) return;
  const subscribers = await subscribersOf(ctx, type);
  if (!subscribers.length) return;
  for (let at = 0; at < ids.length; at += CHUNK) {
    await record(ctx, type, subscribers, await load(ids.slice(at, at + CHUNK)));
  }
}
