import type { Db } from '@rapport/db';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJobWorker } from '../background.ts';
import { createPerson, updatePerson } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { systemCtx } from '../shared/context.ts';
import { openTestDb, type Receiver, startReceiver, type TestWorkspace, testWorkspace } from '../testing.ts';
import { RETRY_SCHEDULE_MS } from './webhooks.deliver.ts';
import type { WebhookEvent } from './webhooks.schema.ts';
import {
  createWebhook,
  listWebhookDeliveries,
  listWebhooks,
  replayWebhookDelivery,
  rotateWebhookSecret,
  updateWebhook,
} from './webhooks.service.ts';

let db: Db;
let ws: TestWorkspace;
let receiver: Receiver;
const clock = fixedClock('2026-11-26T10:00:00Z');

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
});
afterAll(() => db.close());
afterEach(() => receiver?.close());

const worker = (options: { timeoutMs?: number; blockPrivateAddresses?: boolean } = {}) =>
  createJobWorker(systemCtx(db, clock), {
    clock,
    workspaceId: ws.workspaceId,
    random: () => 0.5,
    webhooks: options,
    onError: (error) => {
      throw error;
    },
  });

/** A subscription of this test workspace to a fresh receiver; earlier ones are disabled. */
async function subscribe(eventTypes: WebhookEvent[] = ['person.created']) {
  for (const hook of await ws.run(listWebhooks))
    if (hook.enabled) await ws.run((ctx) => updateWebhook(ctx, hook.id, { enabled: false }));
  receiver = await startReceiver();
  return ws.run((ctx) => createWebhook(ctx, { url: receiver.url, eventTypes }));
}

const deliveries = (webhookId: string) =>
  ws.run(async (ctx) => (await listWebhookDeliveries(ctx, webhookId, {})).data);

describe('webhook subscriptions', () => {
  it('make a Standard Webhooks secret that only the creating answer shows', async () => {
    const created = await ws.run((ctx) =>
      createWebhook(ctx, {
        url: 'https://example.com/hooks',
        eventTypes: ['person.created', 'person.created', 'order.created'],
        description: 'Warehouse',
      }),
    );
    expect(created).toMatchObject({
      id: expect.stringMatching(/^whk_/),
      eventTypes: ['person.created', 'order.created'],
      enabled: true,
      description: 'Warehouse',
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.secretPrefix).toBe(created.secret.slice(0, 10));
    const listed = (await ws.run(listWebhooks)).find((w) => w.id === created.id);
    expect(listed).not.toHaveProperty('secret');
    const rotated = await ws.run((ctx) => rotateWebhookSecret(ctx, created.id));
    expect(rotated.secret).not.toBe(created.secret);
  });

  it('refuse a URL that is not http(s) and an empty or unknown event list, by field', async () => {
    await expect(
      ws.run((ctx) => createWebhook(ctx, { url: 'ftp://example.com', eventTypes: ['person.created'] })),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ path: 'url' }] });
    await expect(
      ws.run((ctx) => createWebhook(ctx, { url: 'https://example.com', eventTypes: [] })),
    ).rejects.toMatchObject({ details: [{ path: 'eventTypes', message: 'choose at least one event' }] });
    await expect(
      ws.run((ctx) =>
        createWebhook(ctx, {
          url: 'https://example.com',
          eventTypes: ['person.deleted' as 'person.created'],
        }),
      ),
    ).rejects.toMatchObject({ details: [{ path: 'eventTypes.0' }] });
  });
});

describe('events and deliveries', () => {
  it('record an event in the transaction of the change: a rollback sends nothing', async () => {
    const hook = await subscribe();
    await expect(
      ws.run(async (ctx) => {
        await createPerson(ctx, { firstName: 'Never' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await deliveries(hook.id)).toEqual([]);
    await ws.run((ctx) => createPerson(ctx, { firstName: 'Kept' }));
    const [pending] = await deliveries(hook.id);
    expect(pending).toMatchObject({ status: 'pending', attempts: 0, eventType: 'person.created' });
    expect(await worker().runDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({
      type: 'person.created',
      timestamp: clock.now().toISOString(),
      data: { firstName: 'Kept' },
    });
  });

  it('only go to enabled subscriptions of the event', async () => {
    const hook = await subscribe(['person.updated']);
    const person = await ws.run((ctx) => createPerson(ctx, { firstName: 'Quiet' }));
    expect(await deliveries(hook.id)).toEqual([]);
    await ws.run((ctx) => updatePerson(ctx, person.id, { title: 'CEO' }));
    expect(await deliveries(hook.id)).toHaveLength(1);
    await ws.run((ctx) => updateWebhook(ctx, hook.id, { enabled: false }));
    expect(await deliveries(hook.id)).toMatchObject([
      { status: 'cancelled', error: 'the subscription was disabled' },
    ]);
    await ws.run((ctx) => updatePerson(ctx, person.id, { title: 'CTO' }));
    expect(await worker().runDue()).toBe(1); // the cancelled delivery's job ends without sending
    expect(receiver.received).toEqual([]);
    expect(await deliveries(hook.id)).toHaveLength(1);
  });

  it('retry on the Standard Webhooks schedule with the same webhook-id, for more than 24 hours', async () => {
    const hook = await subscribe();
    receiver.answer(() => 503);
    await ws.run((ctx) => createPerson(ctx, { firstName: 'Unlucky' }));
    const run = worker();
    const start = clock.now().getTime();
    expect(await run.runDue()).toBe(1);
    let [log] = await deliveries(hook.id);
    // 5 s plus half of the 10 % jitter (random() = 0.5 here)
    expect(log).toMatchObject({
      status: 'retrying',
      attempts: 1,
      responseStatus: 503,
      error: 'HTTP 503: nope',
      nextAttemptAt: new Date(start + 5_250).toISOString(),
    });
    for (const delay of RETRY_SCHEDULE_MS) {
      clock.advance(Math.round(delay * 1.05) - 1);
      expect(await run.runDue()).toBe(0);
      clock.advance(1);
      expect(await run.runDue()).toBe(1);
    }
    [log] = await deliveries(hook.id);
    expect(log).toMatchObject({ status: 'failed', attempts: 8, nextAttemptAt: null });
    expect(clock.now().getTime() - start).toBeGreaterThan(24 * 3_600_000);
    expect(receiver.received).toHaveLength(8);
    expect(new Set(receiver.received.map((r) => r.id))).toEqual(new Set([log!.messageId]));
    const signer = new Webhook(hook.secret);
    for (const r of receiver.received)
      expect(r.signature).toBe(signer.sign(r.id, new Date(Number(r.timestamp) * 1000), r.body));
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    clock.advance(48 * 3_600_000);
    expect(await run.runDue()).toBe(0);
  });

  it('succeed on a 2xx after a failure, and replay a message with its webhook-id', async () => {
    const hook = await subscribe();
    receiver.answer((_, n) => (n === 0 ? 500 : 200));
    await ws.run((ctx) => createPerson(ctx, { firstName: 'Second try' }));
    const run = worker();
    await run.runDue();
    clock.advance(6_000);
    await run.runDue();
    const [log] = await deliveries(hook.id);
    expect(log).toMatchObject({ status: 'succeeded', attempts: 2, responseStatus: 200, error: null });
    expect(log!.deliveredAt).toBe(clock.now().toISOString());
    expect(log!.latencyMs).toBeGreaterThanOrEqual(0);
    const replay = await ws.run((ctx) => replayWebhookDelivery(ctx, hook.id, log!.id));
    expect(replay).toMatchObject({ status: 'pending', replayOf: log!.id, messageId: log!.messageId });
    await run.runDue();
    expect(receiver.received.map((r) => r.id)).toEqual([log!.messageId, log!.messageId, log!.messageId]);
    expect((await deliveries(hook.id)).map((d) => d.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('count no answer within the timeout as a failed attempt', async () => {
    const hook = await subscribe();
    receiver.answer(() => new Promise((resolve) => setTimeout(() => resolve(200), 2_000)));
    await ws.run((ctx) => createPerson(ctx, { firstName: 'Slow' }));
    await worker({ timeoutMs: 100 }).runDue();
    expect((await deliveries(hook.id))[0]).toMatchObject({
      status: 'retrying',
      responseStatus: null,
      error: 'no answer within 0.1 s',
    });
  });

  it('refuse private addresses when told to', async () => {
    const hook = await subscribe();
    await ws.run((ctx) => createPerson(ctx, { firstName: 'Guarded' }));
    await worker({ blockPrivateAddresses: true }).runDue();
    expect((await deliveries(hook.id))[0]!.error).toContain('is the private address 127.0.0.1');
    expect(receiver.received).toEqual([]);
  });

  it('are kept per workspace: another workspace cannot read or replay them', async () => {
    const hook = await subscribe();
    await ws.run((ctx) => createPerson(ctx, { firstName: 'Mine' }));
    const [log] = await deliveries(hook.id);
    const other = await testWorkspace(db, clock);
    await expect(other.run((ctx) => listWebhookDeliveries(ctx, hook.id, {}))).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(other.run((ctx) => replayWebhookDelivery(ctx, hook.id, log!.id))).rejects.toMatchObject({
      code: 'not_found',
      details: [{ path: 'webhookId' }],
    });
  });
});
