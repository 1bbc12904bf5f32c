import { requirePerson } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { firstIdAt } from '../shared/ids.ts';
import { decodeCursor, encodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './events.repo.ts';
import {
  type Event,
  type EventsQuery,
  eventsQuery,
  type PersonEventsQuery,
  personEventsQuery,
  RECENT_CAP,
  type SourceActivity,
} from './events.schema.ts';

export type { EventInsert, EventRow } from './events.repo.ts';

function present(row: repo.EventRow): Event {
  return {
    id: row.id,
    sourceId: row.source_id,
    messageId: row.message_id,
    type: row.type,
    name: row.name,
    personId: row.person_id,
    userId: row.user_id,
    anonymousId: row.anonymous_id,
    properties: row.properties,
    context: row.context,
    occurredAt: row.occurred_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
    effect: row.effect ?? 'none',
    error: row.error,
  };
}

/**
 * Stores a batch of one source; answers the message ids stored now. With `dedupe`, messages it
 * sent before are skipped; without, one of them fails with DuplicateMessage (see insertEvents).
 */
export function storeEvents(
  ctx: Ctx,
  sourceId: string,
  receivedAt: Date,
  rows: repo.EventInsert[],
  dedupe: boolean,
): Promise<string[]> {
  return repo.insertEvents(ctx, sourceId, receivedAt, rows, dedupe);
}

export { DuplicateMessage } from './events.repo.ts';

/** The oldest events whose effects are still to be applied. */
export function pendingEvents(ctx: Ctx, limit: number): Promise<repo.EventRow[]> {
  return repo.pending(ctx, limit);
}

export { markApplied, workspacesWithPending } from './events.repo.ts';

/**
 * The events sent under ids that now name a person (a user id or an anonymous id linked by an
 * identify or an alias) become that person's; answers how many.
 */
export async function attachEvents(
  ctx: Ctx,
  links: { kind: 'user' | 'anonymous'; value: string; personId: string }[],
): Promise<number> {
  const users = links.filter((l) => l.kind === 'user');
  const devices = links.filter((l) => l.kind === 'anonymous');
  return (await repo.attach(ctx, 'user_id', users)) + (await repo.attach(ctx, 'anonymous_id', devices));
}

/** For merges: the merged-away person's events become the survivor's. */
export function moveEventsOfPerson(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  return repo.movePerson(ctx, fromId, toId);
}

/** With a source: its events go too. */
export function deleteEventsOfSource(ctx: Ctx, sourceId: string): Promise<void> {
  return repo.deleteOfSource(ctx, sourceId);
}

/** A person's events (track, page, screen, identify, …), newest first. */
export async function personEvents(
  ctx: Ctx,
  personId: string,
  input: PersonEventsQuery,
): Promise<Page<Event>> {
  const query = parseInput(personEventsQuery, input);
  await requirePerson(ctx, personId);
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await repo.ofPerson(ctx, personId, query, query.limit, cursor);
  return toPage(
    rows,
    query.limit,
    (row) => row.occurred_at,
    (row) => row.id,
    present,
  );
}

/** What arrived lately, newest first: of one source, or of all. */
export async function listEvents(ctx: Ctx, input: EventsQuery): Promise<Page<Event>> {
  const query = parseInput(eventsQuery, input);
  const before = query.cursor ? String(decodeCursor(query.cursor, 1)[0]) : null;
  const rows = await repo.recent(ctx, query.sourceId, query.limit, before);
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  return {
    data: page.map(present),
    nextCursor: more && page.length ? encodeCursor([page.at(-1)!.id]) : null,
  };
}

/** Per source: the newest arrival and the count of the last 24 hours (up to RECENT_CAP). */
export async function sourceActivity(ctx: Ctx, sourceIds: string[]): Promise<Map<string, SourceActivity>> {
  const since = firstIdAt('event', ctx.clock.now().getTime() - 24 * 3600 * 1000);
  const rows = await repo.activity(ctx, sourceIds, since, RECENT_CAP);
  return new Map(
    rows.map((row) => [
      row.source_id,
      {
        lastEventAt: row.last_at ? new Date(row.last_at).toISOString() : null,
        recentCount: row.recent,
        pendingCount: row.pending,
      },
    ]),
  );
}
