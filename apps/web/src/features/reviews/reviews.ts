import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { listQueryString } from '../../shared/filters';

export type Review = Schemas['Review'];
export type ReviewKind = Review['kind'];

/** The Reviews page's state, kept in the address. */
export interface ReviewSearch {
  kind?: ReviewKind;
  source?: string;
  /** Star bands: `1-2` (critical), `3`, `4-5` (happy). */
  stars?: string;
  /** Linked to a person (true) or not (false). */
  matched?: boolean;
}

export const STAR_BANDS = [
  { value: '1-2', label: '1–2 stars', min: 0, max: 2.5 },
  { value: '3', label: '3 stars', min: 2.5, max: 3.5 },
  { value: '4-5', label: '4–5 stars', min: 3.5, max: 5 },
] as const;

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** The address of the Reviews page: its filters and the review open in the drawer. */
export function reviewSearch(search: Record<string, unknown>): ReviewSearch & { review?: string } {
  return {
    review: text(search.review),
    kind: search.kind === 'review' || search.kind === 'mention' ? search.kind : undefined,
    source: text(search.source),
    stars: STAR_BANDS.find((band) => band.value === String(search.stars ?? ''))?.value,
    matched: typeof search.matched === 'boolean' ? search.matched : undefined,
  };
}

/** One page of reviews for the filters in the address. */
export function useReviews(search: ReviewSearch, cursor: string | undefined) {
  const band = STAR_BANDS.find((b) => b.value === search.stars);
  const query = {
    kind: search.kind,
    source: search.source,
    matched: search.matched === undefined ? undefined : (String(search.matched) as 'true' | 'false'),
    ratingMin: band?.min,
    ratingMax: band?.max,
    limit: 25,
    cursor,
  };
  return useQuery({
    queryKey: ['reviews', search, cursor],
    placeholderData: keepPreviousData,
    queryFn: () => call(api.GET('/api/v1/reviews', { params: { query }, querySerializer: listQueryString })),
  });
}

/** The sources in use, for the source filter. */
export function useReviewSources() {
  return useQuery({
    queryKey: ['reviews', 'sources'],
    queryFn: () => call(api.GET('/api/v1/reviews/sources')),
  });
}

export function useReview(id: string | null) {
  return useQuery({
    queryKey: ['review', id],
    enabled: id !== null,
    queryFn: () => call(api.GET('/api/v1/reviews/{id}', { params: { path: { id: id! } } })),
  });
}

/** Links a review to a person (or unlinks it with null); refreshes lists and both people's pages. */
export function useLinkReview(review: Review | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (personId: string | null) =>
      call(api.PATCH('/api/v1/reviews/{id}', { params: { path: { id: review!.id } }, body: { personId } })),
    onSuccess: (saved) =>
      Promise.all(
        [
          ['reviews'],
          ['review', saved.id],
          ...[review?.personId, saved.personId].map((id) => ['timeline', id]),
        ].map((queryKey) => client.invalidateQueries({ queryKey })),
      ),
  });
}

/** Where a review was written, as people say it: "app-store" → "App Store", "x" → "X". */
export function sourceLabel(source: string): string {
  const known: Record<string, string> = {
    g2: 'G2',
    x: 'X',
    'app-store': 'App Store',
    'google-play': 'Google Play',
  };
  return (
    known[source] ??
    source
      .split(/[-_.]/)
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' ')
  );
}

/** Who wrote it: the person's name when linked, else the name or handle the source gave. */
export function authorOf(review: Review): string {
  const raw = review.authorHandle;
  const handle = raw ? (raw.includes('/') ? raw : `@${raw.replace(/^@/, '')}`) : null;
  return review.authorName ?? handle ?? review.authorEmail ?? 'Unknown author';
}
