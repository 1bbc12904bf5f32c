import { resolvePersonRefs } from '../people/people.service.ts';
import { productsBySku } from '../products/products.service.ts';
import type { Ctx } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { chunks } from '../shared/transfer.ts';
import { companiesOf, matchAuthors } from './reviews.match.ts';
import * as repo from './reviews.repo.ts';
import type { ReviewCreateValue } from './reviews.schema.ts';

/** One checked item of a write: `key` is its index in a batch or its line in a file. */
export interface ReviewDraft {
  key: number;
  value: ReviewCreateValue;
}

export interface DraftProblem {
  key: number;
  /** The field, e.g. `productSku`. */
  path: string;
  message: string;
}

export interface WriteOutcome {
  /** The stored review of each accepted draft, by key. */
  idOf: Map<number, string>;
  created: number;
  updated: number;
  unchanged: number;
  problems: DraftProblem[];
}

const externalKey = (value: { source: string; externalId?: string | null }) =>
  value.externalId ? `${value.source}\u0000${value.externalId}` : null;

/**
 * Stores reviews and mentions, set-based: the one write behind the API (one or a batch) and the
 * imports. Drafts that cannot be stored (an unknown person or SKU, the same source id twice) come
 * back as problems and nothing of them is written; the others are. A draft with the source id of
 * a stored review updates it: what it gives replaces the stored value, what it leaves out stays.
 * The author is matched to a person (matchAuthors) unless the draft names one; a review already
 * linked keeps its person.
 */
export async function writeReviews(ctx: Ctx, drafts: ReviewDraft[]): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { idOf: new Map(), created: 0, updated: 0, unchanged: 0, problems: [] };
  const refuse = (key: number, path: string, message: string) =>
    outcome.problems.push({ key, path, message });
  const seen = new Map<string, number>();
  let ready = drafts.filter(({ key, value }) => {
    const external = externalKey(value);
    if (!external) return true;
    const first = seen.get(external);
    if (first === undefined) {
      seen.set(external, key);
      return true;
    }
    refuse(key, 'externalId', `the same source and external id as item ${first}`);
    return false;
  });
  const named = await resolvePersonRefs(
    ctx,
    ready.flatMap(({ key, value }) => (value.personId ? [{ line: key, id: value.personId }] : [])),
    { create: false },
  );
  const products = await productsBySku(
    ctx,
    ready.flatMap(({ value }) => (value.productSku ? [value.productSku] : [])),
  );
  ready = ready.filter(({ key, value }) => {
    if (value.personId && !named.idOfLine.has(key)) {
      refuse(key, 'personId', `no person ${value.personId} in this workspace`);
      return false;
    }
    if (value.productSku && !products.has(value.productSku)) {
      refuse(key, 'productSku', `no product with SKU ${value.productSku} in the catalogue; add it first`);
      return false;
    }
    return true;
  });
  const stored = new Map<string, repo.ReviewRow>();
  const keys = ready.flatMap(({ value }) =>
    value.externalId ? [{ source: value.source, externalId: value.externalId }] : [],
  );
  for (const part of chunks(keys, 5000)) {
    for (const row of await repo.findByExternalIds(ctx, part))
      stored.set(externalKey({ source: row.source, externalId: row.external_id })!, row);
  }
  const unlinked = ready.filter(({ value }) => {
    const existing = stored.get(externalKey(value) ?? '');
    return !value.personId && !existing?.person_id;
  });
  const matched = await matchAuthors(
    ctx,
    unlinked.map(({ value }) => ({
      source: value.source,
      email: value.authorEmail,
      handle: value.authorHandle,
    })),
  );
  const matchOf = new Map(unlinked.map(({ key }, i) => [key, matched[i] ?? null]));
  const now = ctx.clock.now();
  const plans = ready.map(({ key, value }) => {
    const existing = stored.get(externalKey(value) ?? '');
    const personId = named.idOfLine.get(key) ?? existing?.person_id ?? matchOf.get(key) ?? null;
    return { key, value, existing, personId };
  });
  const companies = await companiesOf(
    ctx,
    plans.flatMap((plan) => (plan.personId ? [plan.personId] : [])),
  );
  const rows = plans.map(({ key, value, existing, personId }) => {
    const pick = <T>(given: T | undefined, old: T | null | undefined, fallback: T | null = null) =>
      given !== undefined ? given : old !== undefined ? old : fallback;
    const sameLink = existing && existing.person_id === personId;
    const row: repo.ReviewInsert = {
      id: existing?.id ?? newId('review'),
      workspace_id: ctx.workspaceId,
      kind: value.kind,
      source: value.source,
      external_id: value.externalId ?? null,
      rating: pick(value.rating, existing?.rating),
      rating_scale: value.ratingScale,
      title: pick(value.title, existing?.title),
      text: value.text,
      url: pick(value.url, existing?.url),
      author_handle: pick(value.authorHandle, existing?.author_handle),
      author_name: pick(value.authorName, existing?.author_name),
      author_email: pick(value.authorEmail, existing?.author_email),
      language: pick(value.language, existing?.language),
      person_id: personId,
      company_id: sameLink ? existing.company_id : personId ? (companies.get(personId) ?? null) : null,
      product_id:
        value.productSku === undefined
          ? (existing?.product_id ?? null)
          : value.productSku
            ? products.get(value.productSku)!.id
            : null,
      occurred_at: value.occurredAt ?? existing?.occurred_at ?? now,
      created_by: existing?.created_by ?? ctx.actor.id,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    outcome.idOf.set(key, row.id);
    return { row, existing: existing !== undefined };
  });
  const written = new Set<string>();
  for (const part of chunks(rows, 500)) {
    for (const id of await repo.upsertReviews(
      ctx,
      part.map((plan) => plan.row),
    ))
      written.add(id);
  }
  for (const { row, existing } of rows) {
    if (!existing) outcome.created++;
    else if (written.has(row.id)) outcome.updated++;
    else outcome.unchanged++;
  }
  return outcome;
}
