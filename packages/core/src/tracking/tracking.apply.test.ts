import type { Db } from '@rapport/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../events/events.service.ts';
import { listOrders } from '../orders/orders.service.ts';
import { listPeople } from '../people/people.service.ts';
import { createSource, type TrackingSource } from '../sources/sources.service.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { applyPendingEvents } from './tracking.apply.ts';
import { ingest, parseRequest } from './tracking.service.ts';

let db: Db;
let ws: TestWorkspace;
let source: TrackingSource;

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db);
  const created = await ws.run((ctx) => createSource(ctx, { name: 'Shop' }));
  source = { id: created.id, workspaceId: ws.workspaceId, name: 'Shop', interactionEvents: [] };
});
afterAll(() => db.close());

let n = 0;
/** Stores a batch as the endpoint does, without applying it (as if the server stopped right after). */
const store = (batch: Record<string, unknown>[]) => {
  const at = new Date();
  const parsed = parseRequest({ batch: batch.map((m) => ({ messageId: `ap-${n++}`, ...m })) }, 'batch', at);
  return ws.run((ctx) => ingest(ctx, source, parsed, at));
};
const person = async (externalId: string) => (await ws.run((ctx) => listPeople(ctx, { externalId }))).data[0];
const effects = async () =>
  (await ws.run((ctx) => listEvents(ctx, { sourceId: source.id, limit: 200 }))).data.map((e) => [
    e.messageId,
    e.effect,
    e.error,
  ]);

describe('applying stored tracking messages', () => {
  it('applies what was stored and left pending, in the order it came, and records refusals', async () => {
    const first = await store([
      { type: 'identify', userId: 'ap-1', traits: { email: 'ap1@example.com', firstName: 'Ann' } },
      { type: 'identify', userId: 'ap-2', traits: { email: 'nope' } },
      { type: 'page', userId: 'ap-1', name: 'Home' },
    ]);
    expect(first).toMatchObject({ stored: 3, pending: 2, rejected: [] });
    const second = await store([
      { type: 'identify', userId: 'ap-1', traits: { firstName: 'Anna' } },
      {
        type: 'track',
        userId: 'ap-1',
        event: 'Order Completed',
        properties: { order_id: 'AP-1', currency: 'EUR', products: [{ sku: 'AP-S', name: 'Mug', price: 6 }] },
      },
    ]);
    expect(second).toMatchObject({ stored: 2, pending: 2 });
    // Nothing is applied until the applier runs (the request only stored them).
    expect(await person('ap-1')).toBeUndefined();

    expect(await applyPendingEvents(db, ws.workspaceId)).toEqual({ applied: 4, busy: false });
    const ann = await person('ap-1');
    expect(ann).toMatchObject({ email: 'ap1@example.com', firstName: 'Anna' });
    const orders = await ws.run((ctx) => listOrders(ctx, { externalId: 'AP-1' }));
    expect(orders.data[0]).toMatchObject({ personId: ann!.id, totalMinor: 600 });
    expect(await person('ap-2')).toBeUndefined();
    const byMessage = new Map((await effects()).map(([id, effect, error]) => [id, { effect, error }]));
    expect([...byMessage.values()].filter((e) => e.effect === 'applied')).toHaveLength(3);
    expect(byMessage.get('ap-1')).toEqual({
      effect: 'refused',
      error: expect.stringMatching(/^traits\.email: /),
    });
    expect(byMessage.get('ap-2')).toEqual({ effect: 'none', error: null });
    // Applied once: nothing is left to apply.
    expect(await applyPendingEvents(db, ws.workspaceId)).toEqual({ applied: 0, busy: false });
  });

  // Only on a PostgreSQL server can two processes race (one process owns an embedded data
  // directory), so the embedded run has no such test rather than a skipped one.
  if (process.env.DATABASE_URL)
    it('leaves a workspace to the process that holds its lock', async () => {
      await store([{ type: 'identify', userId: 'ap-3', traits: { email: 'ap3@example.com' } }]);
      const holder = await db.kysely.connection().execute(async (conn) => {
        await sql`begin`.execute(conn);
        await sql`select pg_advisory_xact_lock(hashtext(${`rapport.tracking:${ws.workspaceId}`}))`.execute(
          conn,
        );
        const busy = await applyPendingEvents(db, ws.workspaceId);
        await sql`rollback`.execute(conn);
        return busy;
      });
      expect(holder).toEqual({ applied: 0, busy: true });
      expect(await applyPendingEvents(db, ws.workspaceId)).toEqual({ applied: 1, busy: false });
      expect(await person('ap-3')).toMatchObject({ email: 'ap3@example.com' });
    });
});
