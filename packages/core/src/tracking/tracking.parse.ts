import { EVENT_TYPES, type EventType } from '../events/events.schema.ts';
import { newId } from '../shared/ids.ts';
import {
  MAX_EVENT_BYTES,
  MAX_ID_LENGTH,
  type Message,
  type Oversize,
  type Rejection,
} from './tracking.schema.ts';

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const TYPES = new Set<string>(EVENT_TYPES);
const MIN_TIME = Date.UTC(1900, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

class Refused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** An id as Segment takes it: a string, or a number (made a string); '' is absent. */
function id(raw: Raw, field: string): string | null {
  const value = raw[field];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new Refused(field, 'must be a string or a number');
  const text = String(value);
  if (text.length > MAX_ID_LENGTH) throw new Refused(field, `must be at most ${MAX_ID_LENGTH} characters`);
  return text;
}

function time(raw: Raw, field: string): number | null {
  const value = raw[field];
  if (value === undefined || value === null || value === '') return null;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms) || ms < MIN_TIME || ms >= MAX_TIME)
    throw new Refused(field, 'must be an ISO 8601 date-time like 2024-05-01T09:30:00Z');
  return ms;
}

function object(raw: Raw, field: string): Raw {
  const value = raw[field];
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new Refused(field, 'must be an object');
  return value;
}

/**
 * When it happened, as Segment computes it: an explicit `timestamp` as sent; else the
 * `originalTimestamp` corrected for the sender's clock (receivedAt − (sentAt − originalTimestamp));
 * else the time it arrived.
 */
function occurred(raw: Raw, receivedAt: number, batchSentAt: number | null): number {
  const timestamp = time(raw, 'timestamp');
  if (timestamp !== null) return timestamp;
  const original = time(raw, 'originalTimestamp');
  const sentAt = time(raw, 'sentAt') ?? batchSentAt;
  if (original !== null) return sentAt !== null ? receivedAt - (sentAt - original) : original;
  return receivedAt;
}

function name(raw: Raw, field: string, required: boolean): string | null {
  const value = raw[field];
  if (value === undefined || value === null || value === '') {
    if (required) throw new Refused(field, 'is required');
    return null;
  }
  if (typeof value !== 'string') throw new Refused(field, 'must be a string');
  if (value.length > MAX_ID_LENGTH) throw new Refused(field, `must be at most ${MAX_ID_LENGTH} characters`);
  return value;
}

const propertiesKey = (type: EventType) =>
  type === 'identify' || type === 'group' ? 'traits' : 'properties';

function check(raw: Raw, type: EventType, context: Raw | null, receivedAt: number, sentAt: number | null) {
  const userId = id(raw, 'userId');
  const anonymousId = id(raw, 'anonymousId');
  if (type === 'alias') {
    if (!userId) throw new Refused('userId', 'is required for an alias');
    if (!id(raw, 'previousId')) throw new Refused('previousId', 'is required for an alias');
  } else if (!userId && !anonymousId) {
    throw new Refused('userId', 'a message needs a userId or an anonymousId');
  }
  const groupId = type === 'group' ? id(raw, 'groupId') : null;
  if (type === 'group' && !groupId) throw new Refused('groupId', 'is required for a group');
  const own = object(raw, 'context');
  return {
    userId,
    anonymousId,
    groupId,
    previousId: type === 'alias' ? id(raw, 'previousId') : null,
    name:
      type === 'track'
        ? name(raw, 'event', true)
        : type === 'page' || type === 'screen'
          ? name(raw, 'name', false)
          : null,
    properties: object(raw, propertiesKey(type)),
    context: context ? { ...context, ...own } : own,
    occurredAt: new Date(occurred(raw, receivedAt, sentAt)).toISOString(),
  };
}

/**
 * A message as JSON in three parts: its properties (or traits), its context, and the rest, each
 * made once (the first two are what is stored). Its size as sent is their sum.
 */
function serialize(item: Raw, bulkyKey: string) {
  const { [bulkyKey]: bulky, context, ...rest } = item;
  const bulkyJson = bulky === undefined ? '' : JSON.stringify(bulky);
  const contextJson = context === undefined ? '' : JSON.stringify(context);
  const restJson = JSON.stringify(rest);
  // {"a":1} + ,"properties":{…} + ,"context":{…}: the same length as JSON.stringify(item).
  const member = (key: string, json: string) => (json ? key.length + 4 + json.length : 0);
  let size = restJson.length + member(bulkyKey, bulkyJson) + member('context', contextJson);
  if (size * 3 > MAX_EVENT_BYTES) {
    const bytes = Buffer.byteLength;
    size +=
      bytes(restJson) -
      restJson.length +
      bytes(bulkyJson) -
      bulkyJson.length +
      bytes(contextJson) -
      contextJson.length;
  }
  return { bulkyJson, contextJson, size };
}

export interface ParseOptions {
  receivedAt: Date;
  /** The endpoint's type (`/v1/track`); a batch takes each message's own `type`. */
  type?: EventType;
  /** Batch-level `sentAt` and `context` (merged under each message's own). */
  sentAt?: unknown;
  context?: unknown;
  /** `batch` for a batch: paths read `batch.3.traits.email`; '' for a single message. */
  prefix: string;
}

export interface Parsed {
  messages: Message[];
  rejected: Rejection[];
  oversize: Oversize[];
}

/** Checks every message of a request (pure: no database). Invalid ones are rejected with their path. */
export function parseMessages(items: readonly unknown[], options: ParseOptions): Parsed {
  const out: Parsed = { messages: [], rejected: [], oversize: [] };
  const receivedAt = options.receivedAt.getTime();
  const batch = { sentAt: options.sentAt } as Raw;
  let sentAt: number | null = null;
  try {
    sentAt = time(batch, 'sentAt');
  } catch {
    sentAt = null; // a bad batch-level sentAt only loses the clock correction
  }
  const context = isObject(options.context) ? options.context : null;
  items.forEach((item, index) => {
    const path = options.prefix ? `${options.prefix}.${index}` : '';
    const at = (field: string) => (path ? `${path}.${field}` : field);
    if (!isObject(item)) {
      out.rejected.push({
        index,
        messageId: null,
        path: path || '(body)',
        message: 'must be an object (a message)',
      });
      return;
    }
    const rawId = item.messageId;
    const shownId = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
    const type = options.type ?? item.type;
    const known = typeof type === 'string' && TYPES.has(type);
    const parts = serialize(item, known ? propertiesKey(type as EventType) : 'properties');
    if (parts.size > MAX_EVENT_BYTES) {
      out.oversize.push({ index, messageId: shownId, bytes: parts.size });
      return;
    }
    if (!known) {
      out.rejected.push({
        index,
        messageId: shownId,
        path: at('type'),
        message: `must be one of ${EVENT_TYPES.join(', ')}`,
      });
      return;
    }
    try {
      const checked = check(item, type as EventType, context, receivedAt, sentAt);
      const own = isObject(item.context);
      out.messages.push({
        index,
        path,
        type: type as EventType,
        messageId: id(item, 'messageId') ?? `rapport-${newId('event').slice(4)}`,
        ...checked,
        propertiesJson: isObject(item[propertiesKey(type as EventType)]) ? parts.bulkyJson : '{}',
        contextJson: context ? JSON.stringify(checked.context) : own ? parts.contextJson : '{}',
      });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      out.rejected.push({ index, messageId: shownId, path: at(error.field), message: error.message });
    }
  });
  return out;
}
