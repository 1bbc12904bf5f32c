import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInteractions } from '../interactions/interactions.service.ts';
import { importOrders } from '../orders/orders.service.ts';
import { bulkPeople, createPerson, importPeople } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { WEBHOOK_EVENTS } from './webhooks.schema.ts';
import { createWebhook, updateWebhook } from './webhooks.service.ts';

let db: Db;
let ws: TestWorkspace;
const clock = fixedClock('2026-11-27T10:00:00Z');

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
});
afterAll(() => db.close());

/** The webhook messages recorded so far, oldest first, with their body's data. */
async function messages() {
  const rows = await ws.run((ctx) =>
    ctx.db.selectFrom('webhook_messages').select(['event_type', 'body']).orderBy('id').execute(),
  );
  return rows.map((row) => ({ type: row.event_type, data: JSON.parse(row.body).data }));
}

/** What `fn` emitted. */
async function emitted(fn: () => Promise<unknown>) {
  const before = (await messages()).length;
  await fn();
  return (await messages()).slice(before);
}

describe('set-based changes emit webhook events', () => {
  it('emit nothing and load nothing without a subscription', async () => {
    const ada = await ws.run((ctx) => createPerson(ctx, { firstName: 'Ada', email: 'ada@b.test' }));
    const out = await emitted(() =>
      ws.run((ctx) => bulkPeople(ctx, { ids: [ada.id], action: { type: 'addTags', tags: ['vip'] } })),
    );
    expect(out).toEqual([]);
  });

  it('emit one event per record a bulk change or an import created or changed', async () => {
    const hook = await ws.run((ctx) =>
      createWebhook(ctx, { url: 'https://example.com/in', eventTypes: [...WEBHOOK_EVENTS] }),
    );
    const [bo, cy, di] = await ws.run(async (ctx) => [
      await createPerson(ctx, { firstName: 'Bo', email: 'bo@b.test', tags: ['vip'] }),
      await createPerson(ctx, { firstName: 'Cy', email: 'cy@b.test' }),
      await createPerson(ctx, { firstName: 'Di', email: 'di@b.test' }),
    ]);

    // Bo has the tag already: only Cy and Di change.
    const tagged = await emitted(() =>
      ws.run((ctx) =>
        bulkPeople(ctx, { ids: [bo!.id, cy!.id, di!.id], action: { type: 'addTags', tags: ['vip'] } }),
      ),
    );
    expect(tagged.map((m) => [m.type, m.data.id]).sort()).toEqual(
      [
        ['person.updated', cy!.id],
        ['person.updated', di!.id],
      ].sort(),
    );
    expect(tagged[0]!.data.tags).toContain('vip');

    // An import: one new person, one changed, one unchanged.
    const imported = await emitted(() =>
      ws.run((ctx) =>
        importPeople(ctx, [
          { line: 2, email: 'eve@b.test', firstName: 'Eve' },
          { line: 3, email: 'bo@b.test', title: 'Buyer' },
          { line: 4, email: 'cy@b.test', firstName: 'Cy' },
        ]),
      ),
    );
    expect(imported.map((m) => m.type)).toEqual(['person.created', 'person.updated']);
    expect(imported[0]!.data).toMatchObject({ email: 'eve@b.test', firstName: 'Eve' });
    expect(imported[1]!.data).toMatchObject({ id: bo!.id, title: 'Buyer' });

    const order = (status: 'paid' | 'refunded') => ({
      line: 2,
      externalId: 'IMP-1',
      personId: bo!.id,
      companyId: null,
      status,
      orderedAt: '2026-11-20T09:00:00Z',
      currency: 'EUR',
      item: { sku: 'T-1', name: 'Tea', quantity: 2, unitPriceMinor: 450 },
    });
    const created = await emitted(() => ws.run((ctx) => importOrders(ctx, [order('paid')])));
    expect(created.map((m) => m.type)).toEqual(['order.created']);
    expect(created[0]!.data).toMatchObject({ externalId: 'IMP-1', totalMinor: 900, lines: [{ sku: 'T-1' }] });
    const again = await emitted(() => ws.run((ctx) => importOrders(ctx, [order('paid')])));
    expect(again).toEqual([]);
    const refunded = await emitted(() => ws.run((ctx) => importOrders(ctx, [order('refunded')])));
    expect(refunded.map((m) => [m.type, m.data.status])).toEqual([['order.updated', 'refunded']]);

    const logged = await emitted(() =>
      ws.run((ctx) =>
        importInteractions(ctx, [
          {
            line: 2,
            channel: 'phone',
            direction: 'inbound',
            occurredAt: '2026-11-21T08:00:00Z',
            subject: 'Hi',
            personIds: [bo!.id],
            userIds: [],
          },
          {
            line: 3,
            channel: 'email',
            direction: 'outbound',
            occurredAt: '2026-11-21T09:00:00Z',
            subject: 'Re',
            personIds: [cy!.id],
            userIds: [],
          },
        ]),
      ),
    );
    expect(logged.map((m) => [m.type, m.data.subject])).toEqual([
      ['interaction.logged', 'Hi'],
      ['interaction.logged', 'Re'],
    ]);

    // Each message has its delivery to the subscription (the first three: Bo, Cy and Di created).
    const deliveries = await ws.run((ctx) =>
      ctx.db
        .selectFrom('webhook_deliveries')
        .select('message_id')
        .where('webhook_id', '=', hook.id)
        .execute(),
    );
    expect(deliveries).toHaveLength(3 + tagged.length + imported.length + 2 + logged.length);
    await ws.run((ctx) => updateWebhook(ctx, hook.id, { enabled: false }));
  });
});
