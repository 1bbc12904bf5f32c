import { caseEventsByIds } from '../cases/cases.service.ts';
import { requireCompany } from '../companies/companies.service.ts';
import { getInteractions } from '../interactions/interactions.service.ts';
import { getNotes } from '../notes/notes.service.ts';
import { getOrders } from '../orders/orders.service.ts';
import { requirePerson } from '../people/people.service.ts';
import { promiseEventsByIds } from '../promises/promises.service.ts';
import { getReviews } from '../reviews/reviews.service.ts';
import type { Ctx } from '../shared/context.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import { responsesByIds } from '../surveys/surveys.service.ts';
import * as repo from './timeline.repo.ts';
import { TIMELINE_KINDS, type TimelineEntry, type TimelineQuery, timelineQuery } from './timeline.schema.ts';

function filterOf(input: TimelineQuery): repo.TimelineFilter {
  const query = parseInput(timelineQuery, input);
  return {
    kinds: new Set(query.kind ?? TIMELINE_KINDS),
    channels: query.channel ?? null,
    limit: query.limit,
    // `until` is a first cursor: every id sorts before '~' (prefix_ + lowercase ULID).
    cursor: query.cursor
      ? (decodeCursor(query.cursor, 2) as [string, string])
      : query.until
        ? [query.until, '~']
        : null,
  };
}

/** Fills a page of entry keys with the records, via each domain's service. */
async function hydrate(ctx: Ctx, keys: repo.EntryKey[], limit: number): Promise<Page<TimelineEntry>> {
  const page = toPage(
    keys,
    limit,
    (key) => key.at,
    (key) => key.id,
    (key) => key,
  );
  const ids = (kind: string) => page.data.filter((key) => key.kind === kind).map((key) => key.id);
  const [interactions, orders, notes, reviews, responses, caseEvents, promiseEvents] = await Promise.all([
    getInteractions(ctx, ids('interaction')),
    getOrders(ctx, ids('order')),
    getNotes(ctx, ids('note')),
    getReviews(ctx, ids('review')),
    responsesByIds(ctx, ids('survey')),
    caseEventsByIds(ctx, ids('case')),
    promiseEventsByIds(ctx, ids('promise')),
  ]);
  const byId = new Map<string, TimelineEntry>();
  for (const interaction of interactions) {
    byId.set(interaction.id, {
      kind: 'interaction',
      id: interaction.id,
      at: interaction.occurredAt,
      interaction,
    });
  }
  for (const order of orders) byId.set(order.id, { kind: 'order', id: order.id, at: order.orderedAt, order });
  for (const note of notes) byId.set(note.id, { kind: 'note', id: note.id, at: note.createdAt, note });
  for (const review of reviews) {
    byId.set(review.id, { kind: 'review', id: review.id, at: review.occurredAt, review });
  }
  for (const response of responses) {
    byId.set(response.id, { kind: 'survey', id: response.id, at: response.submittedAt, response });
  }
  for (const caseEvent of caseEvents)
    byId.set(caseEvent.id, { kind: 'case', id: caseEvent.id, at: caseEvent.at, caseEvent });
  for (const promiseEvent of promiseEvents) {
    byId.set(promiseEvent.id, { kind: 'promise', id: promiseEvent.id, at: promiseEvent.at, promiseEvent });
  }
  return { data: page.data.flatMap((key) => byId.get(key.id) ?? []), nextCursor: page.nextCursor };
}

/** A person's whole history across channels, orders, notes, reviews and survey answers, newest first. */
export async function personTimeline(
  ctx: Ctx,
  personId: string,
  input: TimelineQuery = {},
): Promise<Page<TimelineEntry>> {
  await requirePerson(ctx, personId);
  return timelineOfKnownPerson(ctx, personId, input);
}

/** `personTimeline` for a person the caller has just read: no second existence check. */
export async function timelineOfKnownPerson(
  ctx: Ctx,
  personId: string,
  input: TimelineQuery = {},
): Promise<Page<TimelineEntry>> {
  const filter = filterOf(input);
  return hydrate(ctx, await repo.personEntries(ctx, personId, filter), filter.limit);
}

/** A company's combined timeline: its own interactions and orders, and those of its people. */
export async function companyTimeline(
  ctx: Ctx,
  companyId: string,
  input: TimelineQuery = {},
): Promise<Page<TimelineEntry>> {
  await requireCompany(ctx, companyId);
  return timelineOfKnownCompany(ctx, companyId, input);
}

/** `companyTimeline` for a company the caller has just read: no second existence check. */
export async function timelineOfKnownCompany(
  ctx: Ctx,
  companyId: string,
  input: TimelineQuery = {},
): Promise<Page<TimelineEntry>> {
  const filter = filterOf(input);
  return hydrate(ctx, await repo.companyEntries(ctx, companyId, filter), filter.limit);
}
