import { createJobWorker, systemCtx, WEBHOOK_EVENTS } from '@rapport/core';
import { type Receiver, startReceiver } from '@rapport/core/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
let receiver: Receiver;
let writeKey: string;
beforeAll(async () => {
  api = await testApi();
  receiver = await startReceiver();
  writeKey = (await api.call('POST', '/api/v1/sources', { body: { name: 'Shop' } })).body.writeKey;
});
afterAll(async () => {
  await receiver.close();
  await api.close();
});

const batch = async (messages: unknown[]) => {
  const response = await api.app.request('/v1/batch', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
    },
    body: JSON.stringify({ batch: messages }),
  });
  const answer = { status: response.status, body: await response.json() };
  await api.settled();
  return answer;
};
let n = 0;
const mid = () => `wh-${n++}`;

describe('webhooks from tracked events', () => {
  it('emits person, order and merge events for what batches changed, signed, once per change', async () => {
    const hook = await api.call('POST', '/api/v1/webhooks', {
      body: { url: receiver.url, eventTypes: [...WEBHOOK_EVENTS] },
    });
    expect(hook.status).toBe(201);
    const first = await batch([
      {
        type: 'identify',
        messageId: mid(),
        userId: 'u-1',
        traits: { email: 'una@w.test', name: 'Una Bell' },
      },
      { type: 'identify', messageId: mid(), userId: 'u-2', traits: { email: 'dos@w.test' } },
      {
        type: 'track',
        messageId: mid(),
        userId: 'u-1',
        event: 'Order Completed',
        properties: {
          order_id: 'W-1',
          currency: 'EUR',
          products: [{ sku: 'S-1', name: 'Cup', price: 4, quantity: 2 }],
        },
      },
      { type: 'page', messageId: mid(), userId: 'u-1', name: 'Home' },
    ]);
    expect(first.body).toMatchObject({ success: true, stored: 4 });
    const second = await batch([
      { type: 'identify', messageId: mid(), userId: 'u-1', traits: { title: 'Buyer' } },
      { type: 'identify', messageId: mid(), userId: 'u-1', traits: { title: 'Buyer' } },
      {
        type: 'track',
        messageId: mid(),
        userId: 'u-1',
        event: 'Order Refunded',
        properties: { order_id: 'W-1' },
      },
      { type: 'alias', messageId: mid(), previousId: 'u-2', userId: 'u-1' },
    ]);
    expect(second.body).toMatchObject({ success: true, stored: 4, rejected: [] });

    await createJobWorker(systemCtx(api.db), { workspaceId: api.ws.workspaceId }).runDue();
    const signer = new Webhook(hook.body.secret);
    const events = receiver.received.map(
      (r) =>
        signer.verify(r.body, {
          'webhook-id': r.id,
          'webhook-timestamp': r.timestamp,
          'webhook-signature': r.signature,
        }) as { type: string; data: Record<string, unknown> },
    );
    const types = events.map((e) => e.type).sort();
    // Two people created, Una's title changed once (the repeated identify changes nothing), one
    // order created then refunded, dos merged into Una (which also updates the survivor).
    expect(types.filter((t) => t === 'person.created')).toHaveLength(2);
    expect(types.filter((t) => t === 'order.created')).toHaveLength(1);
    expect(types.filter((t) => t === 'order.updated')).toHaveLength(1);
    expect(types.filter((t) => t === 'person.merged')).toHaveLength(1);
    const una = events.find((e) => e.type === 'person.created' && e.data.email === 'una@w.test')!;
    expect(una.data).toMatchObject({ externalId: 'u-1', firstName: 'Una', lastName: 'Bell' });
    expect(events.find((e) => e.type === 'person.updated' && e.data.title === 'Buyer')?.data).toMatchObject({
      id: una.data.id,
    });
    expect(events.find((e) => e.type === 'order.created')?.data).toMatchObject({
      externalId: 'W-1',
      personId: una.data.id,
      totalMinor: 800,
      lines: [expect.objectContaining({ sku: 'S-1', quantity: 2 })],
    });
    expect(events.find((e) => e.type === 'order.updated')?.data).toMatchObject({
      externalId: 'W-1',
      status: 'refunded',
    });
    expect(events.find((e) => e.type === 'person.merged')?.data).toMatchObject({
      survivor: { id: una.data.id },
    });
    const log = await api.call('GET', `/api/v1/webhooks/${hook.body.id}/deliveries`);
    expect(log.body.data.map((d: { status: string }) => d.status)).toEqual(events.map(() => 'succeeded'));
    expect(log.body.data).toHaveLength(events.length);
  });
});
