import type { EventType } from '../events/events.schema.ts';
import { attachEvents, type EventInsert, storeEvents, unstoreEvents } from '../events/events.service.ts';
import { resolveIdentities } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { TrackingSource } from '../sources/sources.service.ts';
import { completeOrders, ORDER_COMPLETED, orderPath, trackEffect } from './tracking.commerce.ts';
import { alias, group, identifyAll } from './tracking.identity.ts';
import { type Parsed, parseMessages } from './tracking.parse.ts';
import { Run } from './tracking.run.ts';
import { type IngestResult, MAX_EVENT_BYTES, type Message } from './tracking.schema.ts';

export { type Parsed, parseMessages } from './tracking.parse.ts';
export * from './tracking.schema.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A request of the Segment HTTP API, checked message by message: `/v1/batch` (and `/v1/b`) take
 * `{ batch: [...], context?, sentAt? }`, the others one message whose type is the endpoint's.
 * A message over 32 KB refuses the whole request (nothing is stored), naming it.
 */
export function parseRequest(body: unknown, type: EventType | 'batch', receivedAt: Date): Parsed {
  if (!isObject(body))
    throw new AppError('validation_failed', 'The body must be a JSON object.', [
      { path: '(body)', message: 'must be an object' },
    ]);
  const parsed =
    type === 'batch'
      ? parseMessages(batchOf(body), {
          receivedAt,
          sentAt: body.sentAt,
          context: body.context,
          prefix: 'batch',
        })
      : parseMessages([body], { receivedAt, type, prefix: '' });
  if (parsed.oversize.length) {
    const details = parsed.oversize.map((o) => ({
      path: type === 'batch' ? `batch.${o.index}` : '(body)',
      message: `message ${o.messageId ?? `at index ${o.index}`} is ${o.bytes.toLocaleString('en')} bytes; the limit is ${MAX_EVENT_BYTES / 1024} KB per message`,
    }));
    throw new AppError(
      'validation_failed',
      `Too large: ${details[0]!.message}. Nothing was stored.`,
      details,
    );
  }
  return parsed;
}

function batchOf(body: Record<string, unknown>): unknown[] {
  if (!Array.isArray(body.batch))
    throw new AppError('validation_failed', 'A batch needs "batch": a list of messages.', [
      { path: 'batch', message: 'must be a list of messages' },
    ]);
  return body.batch;
}

/** The row of a message; group and alias store their ids as properties. */
function row(run: Run, m: Message): EventInsert {
  const id = newId('event');
  run.eventIdOf.set(m, id);
  const properties =
    m.type === 'group'
      ? `{"groupId":${JSON.stringify(m.groupId)},"traits":${m.propertiesJson}}`
      : m.type === 'alias'
        ? JSON.stringify({ previousId: m.previousId })
        : m.propertiesJson;
  return {
    id,
    messageId: m.messageId,
    type: m.type,
    name: m.name,
    userId: m.userId,
    anonymousId: m.anonymousId,
    personId: run.personOf(m),
    occurredAt: m.occurredAt,
    properties,
    context: m.contextJson,
  };
}

/**
 * Stores a request's messages and applies them, in the caller's transaction. Plain track, page
 * and screen messages cost two statements for the whole batch: one query finds the people behind
 * their ids, one INSERT stores them (a message this source sent before is skipped). Identifies
 * become people (set-based), aliases merge or link ids, groups companies and memberships,
 * `Order Completed` orders, `Order Refunded` refunds, and the source's interaction events
 * timeline entries; each in a savepoint, so one refused message leaves nothing behind and is
 * reported while the rest stays. Events sent before their sender was known are attached to
 * them as soon as an identify or alias links their ids.
 */
export async function ingest(
  ctx: Ctx,
  source: TrackingSource,
  parsed: Parsed,
  receivedAt: Date,
): Promise<IngestResult> {
  const run = new Run(ctx, source);
  const { messages } = parsed;
  const received = messages.length + parsed.rejected.length;
  if (messages.length === 0) return { received, stored: 0, duplicates: 0, rejected: parsed.rejected };
  const users = messages.flatMap((m) => (m.userId ? [m.userId] : []));
  const devices = messages.flatMap((m) => (m.anonymousId ? [m.anonymousId] : []));
  for (const [key, personId] of await resolveIdentities(ctx, users, devices)) run.known.set(key, personId);
  const stored = new Set(
    await storeEvents(
      ctx,
      source.id,
      receivedAt,
      messages.map((m) => row(run, m)),
    ),
  );
  const fresh: Message[] = [];
  for (const m of messages) {
    if (!stored.has(m.messageId)) continue;
    stored.delete(m.messageId); // a messageId twice in one request: its first message counts
    fresh.push(m);
  }
  await apply(run, fresh);
  const refused = run.rejected.map((r) => r.messageId!);
  await unstoreEvents(ctx, source.id, refused);
  return {
    received,
    stored: fresh.length - refused.length,
    duplicates: messages.length - fresh.length,
    rejected: [...parsed.rejected, ...run.rejected].sort((a, b) => a.index - b.index),
  };
}

async function apply(run: Run, messages: Message[]) {
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
