import type { Db } from '@rapport/db';
import { sql } from 'kysely';
import { attachEvents, type EventRow, markApplied, pendingEvents } from '../events/events.service.ts';
import { resolveIdentities } from '../people/people.service.ts';
import { type Clock, systemClock } from '../shared/clock.ts';
import { type Ctx, inWorkspace, systemActor } from '../shared/context.ts';
import { type TrackingSource, trackingSourceOf } from '../sources/sources.service.ts';
import { completeOrders, ORDER_COMPLETED, orderPath, trackEffect } from './tracking.commerce.ts';
import { alias, group, identifyAll } from './tracking.identity.ts';
import { Run } from './tracking.run.ts';
import type { Message } from './tracking.schema.ts';

/** Pending events applied per transaction: the statements of a chunk are shared by all its messages. */
export const APPLY_CHUNK = 2000;

type Raw = Record<string, unknown>;

/** A stored event as the message it was (group and alias keep their ids in properties). */
function messageOf(row: EventRow, index: number): Message {
  const stored = row.properties as Raw;
  const properties =
    row.type === 'group' ? ((stored.traits as Raw | undefined) ?? {}) : row.type === 'alias' ? {} : stored;
  return {
    index,
    path: '',
    type: row.type,
    messageId: row.message_id,
    userId: row.user_id,
    anonymousId: row.anonymous_id,
    name: row.name,
    groupId: row.type === 'group' ? String(stored.groupId) : null,
    previousId: row.type === 'alias' ? String(stored.previousId) : null,
    occurredAt: row.occurred_at.toISOString(),
    properties,
    context: row.context as Raw,
    propertiesJson: '',
    contextJson: '',
  };
}

/**
 * What messages mean beyond being stored, for one source's messages in the order they came:
 * identifies become people (set-based), aliases merge or link ids, groups companies and
 * memberships, `Order Completed` orders, `Order Refunded` refunds, and the source's interaction
 * events timeline entries; each in a savepoint, so one refused message leaves nothing of its
 * effects behind and the others stay. Events sent before their sender was known are attached to
 * them once an identify or alias links their ids.
 */
async function apply(run: Run, messages: Message[]) {
  const users = messages.flatMap((m) => (m.userId ? [m.userId] : []));
  const devices = messages.flatMap((m) => (m.anonymousId ? [m.anonymousId] : []));
  for (const [key, personId] of await resolveIdentities(run.ctx, users, devices))
    run.known.set(key, personId);
  const identifies = messages.filter((m) => m.type === 'identify');
  if (identifies.length) await identifyAll(run, identifies);
  for (const m of messages) if (m.type === 'alias') await run.guarded(m, () => alias(run, m));
  for (const m of messages) {
    if (m.type === 'group')
      await run.guarded(
        m,
        () => group(run, m),
        (path) => `traits.${path}`,
      );
  }
  await completeOrders(
    run,
    messages.filter((m) => m.type === 'track' && m.name === ORDER_COMPLETED),
  );
  for (const m of messages) {
    const effect = m.type === 'track' ? trackEffect(run, m) : null;
    if (effect) await run.guarded(m, effect, orderPath);
  }
  if (run.links.length) {
    const unique = new Map(run.links.map((l) => [`${l.kind}:${l.value}`, l]));
    await attachEvents(run.ctx, [...unique.values()]);
  }
}

/**
 * Applies up to `limit` of the workspace's pending events, oldest first, in the caller's
 * transaction (which must hold the workspace's tracking lock, see applyPendingEvents); marks
 * them applied, with the reason on those whose effects were refused. Answers how many it took.
 */
export async function applyChunk(ctx: Ctx, limit = APPLY_CHUNK): Promise<number> {
  const rows = await pendingEvents(ctx, limit);
  if (rows.length === 0) return 0;
  const bySource = new Map<string, EventRow[]>();
  for (const row of rows) {
    const events = bySource.get(row.source_id);
    if (events) events.push(row);
    else bySource.set(row.source_id, [row]);
  }
  const done: { sourceId: string; id: string; error: string | null }[] = [];
  for (const [sourceId, events] of bySource) {
    const source: TrackingSource = (await trackingSourceOf(ctx, sourceId)) ?? {
      id: sourceId,
      workspaceId: ctx.workspaceId,
      name: sourceId,
      interactionEvents: [],
    };
    // Their effects are the source's doing (the audit log and created_by say so).
    await sql`select set_config('rapport.actor', ${sourceId}, true)`.execute(ctx.db);
    const run = new Run(
      { ...ctx, actor: { kind: 'source', id: sourceId, role: 'agent', userId: null } },
      source,
    );
    const messages = events.map((row, index) => {
      const m = messageOf(row, index);
      run.eventIdOf.set(m, row.id);
      return m;
    });
    await apply(run, messages);
    const refused = new Map(run.rejected.map((r) => [r.index, `${r.path}: ${r.message}`]));
    for (const [index, row] of events.entries())
      done.push({ sourceId, id: row.id, error: refused.get(index) ?? null });
  }
  await markApplied(ctx, done);
  return rows.length;
}

/**
 * Applies a workspace's pending events, chunk after chunk, each in its own transaction that holds
 * the workspace's tracking lock (a transaction-scoped advisory lock): several processes never
 * apply the same workspace at once, so messages take effect in the order they were stored.
 * Answers how many events were applied, or `busy` when another process holds the lock (it will
 * apply what is pending).
 */
export async function applyPendingEvents(
  db: Db,
  workspaceId: string,
  clock: Clock = systemClock,
): Promise<{ applied: number; busy: boolean }> {
  let applied = 0;
  for (;;) {
    const taken = await inWorkspace(
      db,
      workspaceId,
      systemActor,
      async (ctx) => {
        const lock = await sql<{ locked: boolean }>`
          select pg_try_advisory_xact_lock(hashtext(${`rapport.tracking:${workspaceId}`})) as locked`.execute(
          ctx.db,
        );
        if (!lock.rows[0]?.locked) return -1;
        return applyChunk(ctx);
      },
      clock,
    );
    if (taken === -1) return { applied, busy: true };
    applied += taken;
    if (taken < APPLY_CHUNK) return { applied, busy: false };
  }
}
