import type { EventType } from '../events/events.schema.ts';
import { type EventInsert, storeEvents } from '../events/events.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { TrackingSource } from '../sources/sources.service.ts';
import { ORDER_COMPLETED, ORDER_REFUNDED } from './tracking.commerce.ts';
import { type Parsed, parseMessages } from './tracking.parse.ts';
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

/** Whether a message means more than being stored (see apply in tracking.apply.ts). */
function hasEffect(source: TrackingSource, m: Message): boolean {
  if (m.type === 'identify' || m.type === 'alias' || m.type === 'group') return true;
  if (m.type !== 'track' || m.name === null) return false;
  return (
    m.name === ORDER_COMPLETED ||
    m.name === ORDER_REFUNDED ||
    source.interactionEvents.some((rule) => rule.event === m.name)
  );
}

/** The row of a message; group and alias store their ids as properties. */
function row(source: TrackingSource, m: Message): EventInsert {
  const id = newId('event');
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
    personId: null, // found by the INSERT
    occurredAt: m.occurredAt,
    properties,
    context: m.contextJson,
    pending: hasEffect(source, m),
  };
}

/**
 * Stores a request's messages, in the caller's transaction: one INSERT stores them with the
 * people their ids name (a message this source sent before is skipped). What they
 * mean beyond being stored (identifies → people, aliases → merges, groups → companies, orders,
 * refunds, timeline events) is marked pending and applied after the request, in chunks, by
 * `applyPendingEvents`; `pending` in the answer says how many are waiting. `dedupe: false` is
 * the fast way for the usual request whose messages are all new: a message stored before fails
 * it with DuplicateMessage, and the caller runs it again (a new transaction) with `dedupe`.
 */
export async function ingest(
  ctx: Ctx,
  source: TrackingSource,
  parsed: Parsed,
  receivedAt: Date,
  dedupe = true,
): Promise<IngestResult & { pending: number }> {
  const { messages } = parsed;
  const received = messages.length + parsed.rejected.length;
  if (messages.length === 0)
    return { received, stored: 0, duplicates: 0, rejected: parsed.rejected, pending: 0 };
  // The people behind the messages' ids are found by the INSERT itself.
  const rows = messages.map((m) => row(source, m));
  const stored = new Set(await storeEvents(ctx, source.id, receivedAt, rows, dedupe));
  let fresh = 0;
  let pending = 0;
  for (const [index, m] of messages.entries()) {
    if (!stored.has(m.messageId)) continue;
    stored.delete(m.messageId); // a messageId twice in one request: its first message counts
    fresh++;
    if (rows[index]!.pending) pending++;
  }
  return {
    received,
    stored: fresh,
    duplicates: messages.length - fresh,
    rejected: parsed.rejected,
    pending,
  };
}

export { applyPendingEvents } from './tracking.apply.ts';
