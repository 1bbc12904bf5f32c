import type { ReviewsTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import { forgetReviewFeelings, queueReviewFeelings } from '../feelings/feelings.service.ts';
import { requirePerson } from '../people/people.service.ts';
import { productsBySku } from '../products/products.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, type ErrorDetail, invalid, notFound } from '../shared/errors.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import type { ImportOutcome } from '../shared/transfer.ts';
import { parseInput } from '../shared/validate.ts';
import { analyzeTexts } from '../text/text.service.ts';
import { companiesOf } from './reviews.match.ts';
import * as repo from './reviews.repo.ts';
import {
  personReviewsQuery,
  type Review,
  type ReviewBatchResult,
  type ReviewCreate,
  type ReviewsQuery,
  type ReviewUpdate,
  reviewBatch,
  reviewCreate,
  reviewsQuery,
  reviewUpdate,
} from './reviews.schema.ts';
import { type ReviewDraft, writeReviews } from './reviews.write.ts';

export { type Author, matchAuthors } from './reviews.match.ts';

function present(row: repo.ReviewView): Review {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    externalId: row.external_id,
    rating: row.rating,
    ratingScale: row.rating_scale,
    stars: row.stars === null ? null : Math.round(row.stars * 100) / 100,
    title: row.title,
    text: row.text,
    url: row.url,
    authorHandle: row.author_handle,
    authorName: row.author_name,
    authorEmail: row.author_email,
    language: row.language,
    personId: row.person_id,
    personName: row.person_name,
    companyId: row.company_id,
    productId: row.product_id,
    productSku: row.product_sku,
    occurredAt: row.occurred_at.toISOString(),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The sentiment of each review's title and text, computed now (cheap; nothing is stored). */
function withSentiment(reviews: Review[]): Review[] {
  if (reviews.length === 0) return reviews;
  const texts = reviews.map((r) => (r.title ? `${r.title}\n${r.text}` : r.text));
  const { data } = analyzeTexts({ texts, emotions: false });
  return reviews.map((r, i) => {
    const { label, score } = data[i]!.sentiment;
    return { ...r, sentiment: { label, score: Math.round(score * 1000) / 1000 } };
  });
}

/** Reviews by id, in the order asked (unknown ids left out). */
export async function getReviews(ctx: Ctx, ids: string[]): Promise<Review[]> {
  const byId = new Map((await repo.findReviews(ctx, ids)).map((row) => [row.id, present(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function getReview(ctx: Ctx, id: string): Promise<Review> {
  const [found] = await getReviews(ctx, [id]);
  if (!found) throw notFound('review', id);
  return withSentiment([found])[0]!;
}

/** Checks each item; the valid ones as drafts, the others' reasons with their paths. */
function checkItems(items: readonly unknown[], prefix: (key: number) => string) {
  const drafts: ReviewDraft[] = [];
  const rejected: { key: number; details: ErrorDetail[] }[] = [];
  items.forEach((item, key) => {
    const result = reviewCreate.safeParse(item);
    if (result.success) drafts.push({ key, value: result.data });
    else {
      const details = result.error.issues.map((issue) => ({
        path: [prefix(key), ...issue.path.map(String)].filter(Boolean).join('.'),
        message: issue.message,
      }));
      rejected.push({ key, details });
    }
  });
  return { drafts, rejected };
}

/** Adds a review or mention (or updates the one with its source and external id). */
export async function createReview(ctx: Ctx, input: ReviewCreate): Promise<Review> {
  const value = parseInput(reviewCreate, input);
  const outcome = await writeReviews(ctx, [{ key: 0, value }]);
  if (outcome.problems.length) {
    const details = outcome.problems.map((p) => ({ path: p.path, message: p.message }));
    throw new AppError(
      details.some((d) => d.path === 'personId') ? 'not_found' : 'validation_failed',
      details.map((d) => `${d.path}: ${d.message}`).join('; '),
      details,
    );
  }
  await queueReviewFeelings(ctx, [outcome.idOf.get(0)!]);
  return (await getReviews(ctx, [outcome.idOf.get(0)!]))[0]!;
}

/**
 * Up to 1,000 reviews and mentions at once, as imports do it: the valid items are stored, each
 * refused one is reported with its index and paths like `items.3.rating`.
 */
export async function createReviews(ctx: Ctx, input: { items: unknown[] }): Promise<ReviewBatchResult> {
  const { items } = parseInput(reviewBatch, input);
  const { drafts, rejected } = checkItems(items, (key) => `items.${key}`);
  const outcome = await writeReviews(ctx, drafts);
  await queueReviewFeelings(ctx, [...outcome.idOf.values()]);
  const refused = [
    ...rejected.flatMap(({ key, details }) => details.map((d) => ({ index: key, ...d }))),
    ...outcome.problems.map((p) => ({ index: p.key, path: `items.${p.key}.${p.path}`, message: p.message })),
  ].sort((a, b) => a.index - b.index);
  return {
    created: outcome.created,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    data: await getReviews(
      ctx,
      drafts.flatMap(({ key }) => outcome.idOf.get(key) ?? []),
    ),
    rejected: refused,
  };
}

/** For the import kind: rows by file line, checked and written as the API does it. */
export async function importReviews(
  ctx: Ctx,
  rows: { line: number; input: Record<string, unknown> }[],
): Promise<ImportOutcome> {
  const { drafts, rejected } = checkItems(
    rows.map((row) => row.input),
    () => '',
  );
  const lineOf = (key: number) => rows[key]!.line;
  const outcome = await writeReviews(ctx, drafts);
  await queueReviewFeelings(ctx, [...outcome.idOf.values()]);
  return {
    created: outcome.created,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    problems: [
      ...rejected.flatMap(({ key, details }) =>
        details.map((d) => ({ line: lineOf(key), field: d.path, message: d.message })),
      ),
      ...outcome.problems.map((p) => ({ line: lineOf(p.key), field: p.path, message: p.message })),
    ],
  };
}

async function listOf(ctx: Ctx, query: ReturnType<typeof reviewsQuery.parse>, filter: repo.ReviewFilter) {
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await repo.listReviews(ctx, filter, query.limit, cursor);
  const page = toPage(
    rows,
    query.limit,
    (row) => row.occurred_at,
    (row) => row.id,
    present,
  );
  return query.sentiment === 'false' ? page : { ...page, data: withSentiment(page.data) };
}

function filterOf(query: ReturnType<typeof reviewsQuery.parse>): repo.ReviewFilter {
  if (query.ratingMin !== undefined && query.ratingMax !== undefined && query.ratingMin > query.ratingMax) {
    throw invalid('ratingMax', 'must be at least ratingMin');
  }
  return { ...query, matched: query.matched === undefined ? undefined : query.matched === 'true' };
}

/** Reviews and mentions, newest first, with their sentiment computed from the text. */
export async function listReviews(ctx: Ctx, input: ReviewsQuery): Promise<Page<Review>> {
  const query = parseInput(reviewsQuery, input);
  return listOf(ctx, query, filterOf(query));
}

/** What one person wrote about us, newest first. */
export async function personReviews(ctx: Ctx, personId: string, input: ReviewsQuery): Promise<Page<Review>> {
  const query = parseInput(personReviewsQuery, input) as ReturnType<typeof reviewsQuery.parse>;
  await requirePerson(ctx, personId);
  return listOf(ctx, query, { ...filterOf(query), personId });
}

/** Changes a review; `personId` links it to a person (their company too) or unlinks it (null). */
export async function updateReview(ctx: Ctx, id: string, input: ReviewUpdate): Promise<Review> {
  const patch = parseInput(reviewUpdate, input);
  const [current] = await repo.findReviews(ctx, [id]);
  if (!current) throw notFound('review', id);
  const scale = patch.ratingScale ?? current.rating_scale;
  const rating = patch.rating !== undefined ? patch.rating : current.rating;
  if (rating !== null && rating > scale)
    throw invalid('rating', `must be at most the rating scale (${scale})`);
  const set: Updateable<ReviewsTable> = {};
  const plain = {
    kind: 'kind',
    source: 'source',
    externalId: 'external_id',
    rating: 'rating',
    ratingScale: 'rating_scale',
    title: 'title',
    text: 'text',
    url: 'url',
    authorHandle: 'author_handle',
    authorName: 'author_name',
    authorEmail: 'author_email',
    language: 'language',
    occurredAt: 'occurred_at',
  } as const;
  for (const [key, column] of Object.entries(plain)) {
    const value = patch[key as keyof typeof plain];
    if (value !== undefined) (set as Record<string, unknown>)[column] = value;
  }
  if (patch.personId !== undefined) {
    const personId = patch.personId ? (await requirePerson(ctx, patch.personId, 'personId')).id : null;
    set.person_id = personId;
    set.company_id = personId ? ((await companiesOf(ctx, [personId])).get(personId) ?? null) : null;
  }
  if (patch.productSku !== undefined) {
    const product = patch.productSku
      ? (await productsBySku(ctx, [patch.productSku])).get(patch.productSku)
      : null;
    if (patch.productSku && !product) throw invalid('productSku', `no product with SKU ${patch.productSku}`);
    set.product_id = product?.id ?? null;
  }
  if (Object.keys(set).length) {
    await repo.updateReview(ctx, id, set);
    await queueReviewFeelings(ctx, [id]);
  }
  return getReview(ctx, id);
}

export async function deleteReview(ctx: Ctx, id: string): Promise<void> {
  if (!(await repo.deleteReview(ctx, id))) throw notFound('review', id);
  await forgetReviewFeelings(ctx, [id]);
}

/** The sources in use, most reviews first: what the list's source filter offers. */
export async function reviewSources(ctx: Ctx): Promise<{ data: { source: string; count: number }[] }> {
  return { data: await repo.sourceCounts(ctx) };
}

/** For merges: the merged-away person's (or company's) reviews now belong to the survivor. */
export function moveReviewsOfPerson(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveReviews(ctx, 'person_id', fromId, toId);
}

export function moveReviewsOfCompany(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveReviews(ctx, 'company_id', fromId, toId);
}

/** For themes: what reviews and mentions said between `from` and `to`, newest first, up to `limit`. */
export async function reviewTexts(
  ctx: Ctx,
  input: { from: Date; to: Date; personIds?: string[] | null; limit: number },
): Promise<{ id: string; text: string; occurredAt: string; personId: string | null }[]> {
  const rows = await repo.textsBetween(ctx, input.from, input.to, input.personIds ?? null, input.limit);
  return rows.map((row) => ({
    id: row.id,
    text: [row.title, row.text].filter(Boolean).join('\n\n'),
    occurredAt: new Date(row.occurred_at).toISOString(),
    personId: row.person_id,
  }));
}

/** For the feelings sweep: a page of linked reviews' ids (a person or a company), by id after `afterId`. */
export async function reviewIdsAfter(ctx: Ctx, afterId: string | null, limit: number): Promise<string[]> {
  return repo.linkedIdsAfter(ctx, afterId, limit);
}

/** For exports: a page by id of every review. */
export async function reviewsPage(ctx: Ctx, afterId: string | null, limit: number): Promise<Review[]> {
  return (await repo.reviewsAfter(ctx, afterId, limit)).map(present);
}
