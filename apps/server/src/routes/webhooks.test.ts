import { createJobWorker, systemCtx, WEBHOOK_EVENTS } from '@rapport/core';
import { type Receiver, startReceiver } from '@rapport/core/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
let receiver: Receiver;
beforeAll(async () => {
  api = await testApi();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await api.close();
});

/** Delivers what is due in the test workspace, on the real clock (signatures are checked against it). */
const deliver = () => createJobWorker(systemCtx(api.db), { workspaceId: api.ws.workspaceId }).runDue();

// The events of people, orders and interactions; cases' and promises' are covered by their own tests.
const ALL = WEBHOOK_EVENTS.filter((type) => !type.startsWith('case.') && !type.startsWith('promise.'));

describe('webhooks API', () => {
  it('creates, reads, changes and deletes subscriptions; the secret shows once', async () => {
    const created = await api.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://example.com/in', eventTypes: ['order.created'], description: 'ERP' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^whk_/),
      url: 'https://example.com/in',
      eventTypes: ['order.created'],
      description: 'ERP',
      enabled: true,
      secret: expect.stringMatching(/^whsec_/),
    });
    const id = created.body.id;
    const listed = await api.call('GET', '/api/v1/webhooks');
    const mine = listed.body.data.find((w: { id: string }) => w.id === id);
    expect(mine).toMatchObject({ secretPrefix: created.body.secret.slice(0, 10) });
    expect(mine).not.toHaveProperty('secret');
    expect((await api.call('GET', `/api/v1/webhooks/${id}`)).body).not.toHaveProperty('secret');
    const patched = await api.call('PATCH', `/api/v1/webhooks/${id}`, {
      body: { enabled: false, description: null, eventTypes: ['order.created', 'person.created'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ enabled: false, description: null });
    const rotated = await api.call('POST', `/api/v1/webhooks/${id}/rotate-secret`);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    const audit = await api.call('GET', `/api/v1/audit-log?entityId=${id}`);
    const logged = JSON.stringify(audit.body);
    expect(logged).not.toContain(rotated.body.secret.slice(6));
    expect(logged).not.toContain(created.body.secret.slice(6));
    expect(audit.body.data).toContainEqual(
      expect.objectContaining({ action: 'update', changes: { secret: '(changed)' } }),
    );
    expect((await api.call('DELETE', `/api/v1/webhooks/${id}`)).status).toBe(204);
    const deleted = await api.call('GET', `/api/v1/audit-log?entityId=${id}`);
    expect(deleted.body.data).toContainEqual(
      expect.objectContaining({
        action: 'delete',
        changes: expect.objectContaining({ url: 'https://example.com/in' }),
      }),
    );
    expect(JSON.stringify(deleted.body)).not.toContain(rotated.body.secret.slice(6));
    const gone = await api.call('GET', `/api/v1/webhooks/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.details).toEqual([{ path: 'id', message: `webhook ${id} not found` }]);
  });

  it('answers bad input with field paths and writes nothing', async () => {
    const before = (await api.call('GET', '/api/v1/webhooks')).body.data.length;
    const bad = await api.call('POST', '/api/v1/webhooks', {
      body: { url: 'javascript:alert(1)', eventTypes: ['person.deleted'], colour: 'red' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'colour',
      'eventTypes.0',
      'url',
    ]);
    const empty = await api.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://example.com', eventTypes: [] },
    });
    expect(empty.body.error.details).toEqual([{ path: 'eventTypes', message: 'choose at least one event' }]);
    expect((await api.call('GET', '/api/v1/webhooks')).body.data.length).toBe(before);
  });

  it('is for admins only', async () => {
    const manager = await api.keyFor('manager');
    const refused = await api.call('GET', '/api/v1/webhooks', { key: manager });
    expect(refused.status).toBe(403);
    const create = await api.call('POST', '/api/v1/webhooks', {
      key: manager,
      body: { url: 'https://example.com', eventTypes: ['person.created'] },
    });
    expect(create.status).toBe(403);
  });

  it('delivers every event type, signed per Standard Webhooks, to a local HTTP server', async () => {
    const hook = await api.call('POST', '/api/v1/webhooks', { body: { url: receiver.url, eventTypes: ALL } });
    const ada = await api.call('POST', '/api/v1/people', {
      body: { firstName: 'Ada', email: 'ada@w.test', tags: ['vip'] },
    });
    const dup = await api.call('POST', '/api/v1/people', { body: { firstName: 'Ada L.' } });
    await api.call('PATCH', `/api/v1/people/${ada.body.id}`, { body: { title: 'Countess' } });
    const merged = await api.call('POST', '/api/v1/people/merge', {
      body: { survivorId: ada.body.id, mergedId: dup.body.id },
    });
    expect(merged.status).toBe(200);
    const order = await api.call('POST', '/api/v1/orders', {
      body: { personId: ada.body.id, currency: 'EUR', totalMinor: 4200 },
    });
    expect(order.status).toBe(201);
    const shipped = await api.call('PATCH', `/api/v1/orders/${order.body.id}`, {
      body: { status: 'fulfilled' },
    });
    expect(shipped.status).toBe(200);
    const logged = await api.call('POST', '/api/v1/interactions', {
      body: {
        channel: 'email',
        direction: 'inbound',
        subject: 'Hello',
        body: 'You charged me twice for the same invoice. This is outrageous, I am furious.',
        people: [{ personId: ada.body.id, role: 'participant' }],
      },
    });
    expect(logged.status).toBe(201);
    // Eight deliveries and the analysis of the interaction, whose turn to anger is an alert (Ada is a VIP).
    expect(await deliver()).toBe(9);

    const signer = new Webhook(hook.body.secret);
    const events = receiver.received.map((r) => {
      expect(r.headers['content-type']).toBe('application/json');
      const verified = signer.verify(r.body, {
        'webhook-id': r.id,
        'webhook-timestamp': r.timestamp,
        'webhook-signature': r.signature,
      }) as { type: string; timestamp: string; data: Record<string, unknown> };
      expect(r.id).toMatch(/^msg_/);
      return verified;
    });
    expect(events.map((e) => e.type).sort()).toEqual([...ALL, 'person.created'].sort());
    const byType = Object.fromEntries(events.map((e) => [e.type, e.data]));
    expect(byType['person.updated']).toMatchObject({ id: ada.body.id, title: 'Countess' });
    expect(byType['person.merged']).toMatchObject({ mergedId: dup.body.id, survivor: { id: ada.body.id } });
    expect(byType['order.created']).toMatchObject({ id: order.body.id, totalMinor: 4200 });
    expect(byType['order.updated']).toMatchObject({ id: order.body.id, status: 'fulfilled' });
    expect(byType['order.updated']).not.toHaveProperty('statusHistory');
    expect(byType['interaction.logged']).toMatchObject({ id: logged.body.id, subject: 'Hello' });
    expect(byType['person.feeling_alert']).toMatchObject({
      personId: ada.body.id,
      subjectId: logged.body.id,
      topEmotion: 'anger',
      taskCreated: true,
    });
    // A tampered body or another secret fails verification.
    const first = receiver.received[0]!;
    const headers = {
      'webhook-id': first.id,
      'webhook-timestamp': first.timestamp,
      'webhook-signature': first.signature,
    };
    expect(() => signer.verify(`${first.body} `, headers)).toThrow();
    const rotated = await api.call('POST', `/api/v1/webhooks/${hook.body.id}/rotate-secret`);
    expect(() => new Webhook(rotated.body.secret).verify(first.body, headers)).toThrow();
    await api.call('DELETE', `/api/v1/webhooks/${hook.body.id}`);
  });

  it('shows the delivery log page by page, filters it by status, and replays a message', async () => {
    receiver.received.length = 0;
    receiver.answer((request) => (JSON.parse(request.body).data.firstName === 'Failing' ? 500 : 204));
    const hook = await api.call('POST', '/api/v1/webhooks', {
      body: { url: receiver.url, eventTypes: ['person.created'] },
    });
    const id = hook.body.id;
    for (const firstName of ['One', 'Two', 'Failing'])
      await api.call('POST', '/api/v1/people', { body: { firstName } });
    await deliver();
    const page1 = await api.call('GET', `/api/v1/webhooks/${id}/deliveries?limit=2`);
    expect(page1.status).toBe(200);
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.data[0]).toMatchObject({
      status: 'retrying',
      attempts: 1,
      responseStatus: 500,
      error: 'HTTP 500: nope',
      eventType: 'person.created',
    });
    expect(
      Date.parse(page1.body.data[0].nextAttemptAt) - Date.parse(page1.body.data[0].lastAttemptAt),
    ).toBeGreaterThanOrEqual(5_000);
    const page2 = await api.call(
      'GET',
      `/api/v1/webhooks/${id}/deliveries?limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body).toMatchObject({
      data: [{ status: 'succeeded', responseStatus: 204 }],
      nextCursor: null,
    });
    const succeeded = await api.call('GET', `/api/v1/webhooks/${id}/deliveries?status=succeeded`);
    expect(succeeded.body.data.map((d: { status: string }) => d.status)).toEqual(['succeeded', 'succeeded']);
    const badStatus = await api.call('GET', `/api/v1/webhooks/${id}/deliveries?status=lost`);
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.details[0].path).toBe('status');

    const original = succeeded.body.data[0];
    const replay = await api.call('POST', `/api/v1/webhooks/${id}/deliveries/${original.id}/replay`);
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({
      status: 'pending',
      replayOf: original.id,
      messageId: original.messageId,
    });
    await deliver();
    expect(receiver.received.filter((r) => r.id === original.messageId)).toHaveLength(2);

    const unknown = await api.call('POST', `/api/v1/webhooks/${id}/deliveries/whd_nope/replay`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details[0].path).toBe('deliveryId');
    await api.call('PATCH', `/api/v1/webhooks/${id}`, { body: { enabled: false } });
    const disabled = await api.call('POST', `/api/v1/webhooks/${id}/deliveries/${original.id}/replay`);
    expect(disabled.status).toBe(409);
    expect(disabled.body.error.details[0].path).toBe('webhookId');
    const log = await api.call('GET', `/api/v1/webhooks/${id}/deliveries?status=cancelled`);
    expect(log.body.data).toMatchObject([{ status: 'cancelled', responseStatus: 500 }]);
  });
});
