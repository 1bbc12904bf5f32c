import { z } from 'zod';
import { MAX_TEXT, REVIEW_KINDS } from '../../reviews/reviews.schema.ts';
import { importReviews } from '../../reviews/reviews.service.ts';
import { cell } from '../cell-schemas.ts';
import type { FieldSpec } from '../mapping.ts';
import { choice, type Kind, text } from './common.ts';

export const REVIEW_FIELDS: FieldSpec[] = [
  { key: 'kind', label: 'Kind', synonyms: ['type', 'review or mention'] },
  { key: 'source', label: 'Source', synonyms: ['platform', 'site', 'network', 'channel'], required: true },
  { key: 'externalId', label: 'External ID', synonyms: ['review id', 'post id', 'id'] },
  { key: 'rating', label: 'Rating', synonyms: ['stars', 'score'] },
  { key: 'ratingScale', label: 'Rating scale', synonyms: ['out of', 'max rating', 'scale'] },
  { key: 'title', label: 'Title', synonyms: ['headline', 'subject'] },
  {
    key: 'text',
    label: 'Text',
    synonyms: ['review', 'body', 'content', 'comment', 'message', 'post'],
    required: true,
  },
  { key: 'url', label: 'URL', synonyms: ['link', 'permalink'] },
  {
    key: 'authorHandle',
    label: 'Author handle',
    synonyms: ['handle', 'username', 'user name', 'screen name'],
  },
  { key: 'authorName', label: 'Author name', synonyms: ['author', 'reviewer', 'name', 'display name'] },
  { key: 'authorEmail', label: 'Author email', synonyms: ['email', 'e-mail', 'reviewer email'] },
  { key: 'language', label: 'Language', synonyms: ['lang', 'locale'] },
  { key: 'personId', label: 'Person (Rapport ID)', synonyms: ['person id'] },
  { key: 'productSku', label: 'Product SKU', synonyms: ['sku', 'product'] },
  {
    key: 'occurredAt',
    label: 'Date',
    synonyms: ['occurred at', 'created', 'posted at', 'published', 'written at', 'when'],
  },
];

export function reviewsSchema() {
  return z.object({
    kind: choice(REVIEW_KINDS),
    source: cell.required(text(50)),
    externalId: text(300),
    rating: cell.decimal(),
    ratingScale: cell.decimal(),
    title: text(500),
    text: cell.required(text(MAX_TEXT)),
    url: text(2000),
    authorHandle: text(200),
    authorName: text(200),
    authorEmail: text(320),
    language: text(35),
    personId: text(100),
    productSku: text(200),
    occurredAt: cell.dateTime(),
  });
}

export type ReviewsRow = z.output<ReturnType<typeof reviewsSchema>>;

/**
 * Reviews and mentions: cells are read here, then every row is checked and written by the
 * reviews domain exactly as the API checks them (one rule set), with its author matched to a
 * person. Rows with the source and external id of a stored review update it; empty cells
 * leave its values alone.
 */
export const reviewsKind: Kind<ReviewsRow> = {
  name: 'reviews',
  fields: () => REVIEW_FIELDS,
  schema: () => reviewsSchema() as unknown as z.ZodType<ReviewsRow>,
  apply(ctx, rows) {
    return importReviews(
      ctx,
      rows.map(({ line, value }) => ({
        line,
        input: Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)),
      })),
    );
  },
};
