import { z } from 'zod';
import type { EventType } from '../events/events.schema.ts';

/** The Segment spec's limits: 32 KB per message, 500 KB per request. */
export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;
/** Ids and names longer than this are refused (Segment's are uuids and short strings). */
export const MAX_ID_LENGTH = 200;

/** A message of the Segment spec after the checks every message gets. */
export interface Message {
  /** Its position in the request (0 for a single message). */
  index: number;
  /** Where it is in the request: `batch.3`, or '' for a single message. */
  path: string;
  type: EventType;
  messageId: string;
  userId: string | null;
  anonymousId: string | null;
  /** The track event's name, or the page or screen name. */
  name: string | null;
  groupId: string | null;
  previousId: string | null;
  /** ISO time it happened (skew-corrected as Segment does). */
  occurredAt: string;
  /** Properties (track, page, screen) or traits (identify, group): always an object. */
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  /** Its properties (or traits) and context as JSON text, as stored. */
  propertiesJson: string;
  contextJson: string;
}

export const rejection = z
  .object({
    index: z.number().int().describe('Position in the batch (0 for a single message).'),
    messageId: z.string().nullable(),
    path: z.string().describe('What was wrong, e.g. batch.3.traits.email.'),
    message: z.string(),
  })
  .meta({ id: 'TrackingRejection' });

export type Rejection = z.infer<typeof rejection>;

export interface IngestResult {
  /** Messages in the request. */
  received: number;
  /** Messages stored now (and their effects applied). */
  stored: number;
  /** Messages this source had sent before (same messageId): stored once, skipped now. */
  duplicates: number;
  rejected: Rejection[];
}

/** Tells a caller a message is too large, before anything is stored. */
export interface Oversize {
  index: number;
  messageId: string | null;
  bytes: number;
}
