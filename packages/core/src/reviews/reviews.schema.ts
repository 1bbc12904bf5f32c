import { z } from 'zod';
import { email, httpUrl, isoDateTime, locale, oneOrMany, text } from '../shared/fields.ts';
import { network } from '../shared/handles.ts';
import { pageInput } from '../shared/paging.ts';

export const REVIEW_KINDS = ['review', 'mention'] as const;
export const MAX_BATCH = 1000;
export const MAX_TEXT = 20_000;

const url = httpUrl('https://www.trustpilot.com/reviews/123');

const fields = {
  kind: z.enum(REVIEW_KINDS).describe('review: a rated opinion on a review site; mention: a social post.'),
  source: network.describe(
    'Where it was written: trustpilot, google, app-store, g2, x, instagram, reddit, …',
  ),
  externalId: text(300)
    .min(1)
    .nullable()
    .describe("The source's id; sending it again with the same source updates the record."),
  rating: z.number().min(0, 'must be 0 or more').nullable(),
  ratingScale: z.number().positive('must be more than 0').max(100).describe('The best rating (default 5).'),
  title: text(500).nullable(),
  text: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_TEXT, `must be at most ${MAX_TEXT.toLocaleString('en')} characters`),
  url: url.nullable(),
  authorHandle: text(200)
    .min(1)
    .nullable()
    .describe('@handle or profile URL; matched to people’s social handles.'),
  authorName: text(200).nullable(),
  authorEmail: email.nullable().describe('Matched to people’s emails (primary or additional).'),
  language: locale.nullable().describe('BCP 47 language tag, e.g. de or en-GB.'),
  personId: z
    .string()
    .nullable()
    .describe('The author (per_…); found from the email or handle when left out.'),
  productSku: text(200)
    .min(1)
    .nullable()
    .describe('The product reviewed, by SKU (must be in the catalogue).'),
  occurredAt: isoDateTime.describe('When it was written (default: now).'),
};

/** The rating fits its scale: 0 ≤ rating ≤ ratingScale. */
function ratingFits(value: { rating?: number | null; ratingScale?: number }, ctx: z.RefinementCtx) {
  const scale = value.ratingScale ?? 5;
  if (value.rating != null && value.rating > scale) {
    ctx.addIssue({
      code: 'custom',
      path: ['rating'],
      message: `must be at most the rating scale (${scale})`,
    });
  }
}

export const reviewCreate = z
  .strictObject({
    ...fields,
    kind: fields.kind.default('review'),
    externalId: fields.externalId.optional(),
    rating: fields.rating.optional(),
    ratingScale: fields.ratingScale.default(5),
    title: fields.title.optional(),
    url: fields.url.optional(),
    authorHandle: fields.authorHandle.optional(),
    authorName: fields.authorName.optional(),
    authorEmail: fields.authorEmail.optional(),
    language: fields.language.optional(),
    personId: fields.personId.optional(),
    productSku: fields.productSku.optional(),
    occurredAt: fields.occurredAt.optional(),
  })
  .superRefine(ratingFits)
  .meta({ id: 'ReviewCreate' });

export const reviewUpdate = z
  .strictObject({
    ...fields,
    personId: fields.personId.describe('Link to a person (per_…), or null to unlink.'),
  })
  .partial()
  .meta({ id: 'ReviewUpdate', description: 'Fields to change; null clears a field.' });

export const reviewBatch = z
  .strictObject({
    items: z.array(z.unknown()).min(1).max(MAX_BATCH).describe(`Up to ${MAX_BATCH} ReviewCreate objects.`),
  })
  .meta({ id: 'ReviewBatch' });

const sentiment = z
  .object({
    label: z.enum(['positive', 'negative', 'neutral']),
    score: z.number().min(-1).max(1),
  })
  .describe('Computed from the text when read (not stored): analyzeText’s label and score.');

export const review = z
  .object({
    id: z.string(),
    kind: z.enum(REVIEW_KINDS),
    source: z.string(),
    externalId: z.string().nullable(),
    rating: z.number().nullable(),
    ratingScale: z.number(),
    stars: z.number().nullable().describe('The rating on a five-star scale.'),
    title: z.string().nullable(),
    text: z.string(),
    url: z.string().nullable(),
    authorHandle: z.string().nullable(),
    authorName: z.string().nullable(),
    authorEmail: z.string().nullable(),
    language: z.string().nullable(),
    personId: z.string().nullable(),
    personName: z.string().nullable(),
    companyId: z.string().nullable(),
    productId: z.string().nullable(),
    productSku: z.string().nullable(),
    occurredAt: isoDateTime,
    createdBy: z.string(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    sentiment: sentiment.optional(),
  })
  .meta({ id: 'Review' });

export const reviewBatchResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int().describe('Items that matched a stored record holding the same data.'),
    data: z.array(review).describe('The stored records of the accepted items, in the order sent.'),
    rejected: z
      .array(
        z.object({
          index: z.number().int(),
          path: z.string().describe('What was wrong, e.g. items.3.rating.'),
          message: z.string(),
        }),
      )
      .describe('The items that were not stored (the others were), each with every reason.'),
  })
  .meta({ id: 'ReviewBatchResult' });

export const reviewsQuery = z
  .strictObject({
    kind: z.enum(REVIEW_KINDS).optional(),
    source: oneOrMany(network).optional(),
    personId: z.string().optional(),
    companyId: z.string().optional(),
    matched: z
      .enum(['true', 'false'])
      .optional()
      .describe('true: linked to a person; false: not (yet) linked.'),
    ratingMin: z.coerce.number().min(0).max(5).optional().describe('At least this many stars (of 5).'),
    ratingMax: z.coerce.number().min(0).max(5).optional().describe('At most this many stars (of 5).'),
    since: isoDateTime.optional().describe('Written at or after.'),
    until: isoDateTime.optional().describe('Written before.'),
    sentiment: z
      .enum(['true', 'false'])
      .default('true')
      .describe('false: leave out the sentiment computed from each text.'),
    ...pageInput,
  })
  .meta({ id: 'ReviewsQuery' });

export const personReviewsQuery = reviewsQuery
  .omit({ personId: true, companyId: true })
  .meta({ id: 'PersonReviewsQuery' });

export const reviewPage = z
  .object({ data: z.array(review), nextCursor: z.string().nullable() })
  .meta({ id: 'ReviewPage' });

export const reviewSourceList = z
  .object({ data: z.array(z.object({ source: z.string(), count: z.number().int() })) })
  .meta({ id: 'ReviewSourceList' });

export type ReviewCreate = z.input<typeof reviewCreate>;
export type ReviewCreateValue = z.output<typeof reviewCreate>;
export type ReviewUpdate = z.input<typeof reviewUpdate>;
export type Review = z.infer<typeof review>;
export type ReviewsQuery = z.input<typeof reviewsQuery>;
export type ReviewBatchResult = z.infer<typeof reviewBatchResult>;
