import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';
import { useChange } from '../admin/admin';

export type Survey = Schemas['Survey'];
export type SurveyCreate = Schemas['SurveyCreate'];
export type SurveyUpdate = Schemas['SurveyUpdate'];
export type SurveyKind = Survey['kind'];
export type SurveyQuestion = Schemas['SurveyQuestion'];
export type InvitationLink = Schemas['SurveyInvitationLink'];
export type InvitationOutcome = Schemas['SurveyInvitationOutcome'];
export type Invitation = Schemas['SurveyInvitation'];
export type SurveyResponse = Schemas['SurveyResponse'];
export type SurveyResults = Schemas['SurveyResults'];
export type ResultGroup = Schemas['SurveyResultGroup'];
export type ResultsQuery = NonNullable<paths['/api/v1/surveys/{id}/results']['get']['parameters']['query']>;

export const KIND_LABEL: Record<SurveyKind, string> = {
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
  custom: 'Custom',
};

export const KIND_HELP: Record<SurveyKind, string> = {
  nps: 'Net Promoter Score: "How likely are you to recommend …" from 0 to 10, and a comment.',
  csat: 'Customer satisfaction: "How satisfied are you …" from 1 to 5, and a comment.',
  ces: 'Customer effort: "How easy was it …" from 1 to 7, and a comment.',
  custom: 'Your own questions: scales, choices and free text.',
};

/** What a kind's score means, for captions. */
export const SCORE_NAME: Record<SurveyKind, string> = {
  nps: 'NPS',
  csat: 'CSAT (% satisfied)',
  ces: 'CES (mean)',
  custom: 'Responses',
};

export const STATUS_COLOR = { draft: 'gray', active: 'green', closed: 'dark' } as const;

/** A score as shown: NPS signed (+40), CSAT a percentage, CES with two decimals. */
export function formatScore(kind: SurveyKind, score: number | null | undefined): string {
  if (score === null || score === undefined) return '–';
  if (kind === 'nps') return `${score > 0 ? '+' : ''}${score}`;
  if (kind === 'csat') return `${score}%`;
  return String(score);
}

export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '–' : `${Math.round(share * 1000) / 10}%`;

/** The colour of one answer's score: red (detractor, dissatisfied, hard), yellow, green. */
export function scoreColor(kind: SurveyKind, score: number): string {
  if (kind === 'nps') return score >= 9 ? 'green' : score >= 7 ? 'yellow' : 'red';
  if (kind === 'csat') return score >= 4 ? 'green' : score === 3 ? 'yellow' : 'red';
  if (kind === 'ces') return score >= 5 ? 'green' : score === 4 ? 'yellow' : 'red';
  return 'gray';
}

export function useSurveys() {
  return useQuery({
    queryKey: ['surveys'],
    queryFn: () => call(api.GET('/api/v1/surveys', { params: { query: { limit: 200 } } })),
  });
}

// Answers arrive from outside the app (the public form): what a survey shows is read afresh
// whenever it is shown.
const FRESH = { staleTime: 0 } as const;

export function useSurvey(id: string) {
  return useQuery({
    ...FRESH,
    queryKey: ['survey', id],
    queryFn: () => call(api.GET('/api/v1/surveys/{id}', { params: { path: { id } } })),
  });
}

export const useCreateSurvey = () =>
  useChange(['surveys'], (body: SurveyCreate) => call(api.POST('/api/v1/surveys', { body })));

export const useUpdateSurvey = () =>
  useChange(['surveys', 'survey'], ({ id, body }: { id: string; body: SurveyUpdate }) =>
    call(api.PATCH('/api/v1/surveys/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteSurvey = () =>
  useChange(['surveys'], (id: string) =>
    call(api.DELETE('/api/v1/surveys/{id}', { params: { path: { id } } })),
  );

export const useInvite = () =>
  useChange(
    ['survey', 'survey-invitations', 'surveys'],
    ({ id, body }: { id: string; body: Schemas['SurveyInvitationCreate'] }) =>
      call(api.POST('/api/v1/surveys/{id}/invitations', { params: { path: { id } }, body })),
  );

export const useIssueLinks = () =>
  useChange(
    ['survey-invitations'],
    ({ id, body }: { id: string; body: Schemas['SurveyInvitationLinksInput'] }) =>
      call(api.POST('/api/v1/surveys/{id}/invitations/links', { params: { path: { id } }, body })),
  );

/** A list read a page at a time (`More`), read afresh whenever it is shown. */
function usePages<T>(
  key: unknown[],
  page: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null }>,
) {
  return useInfiniteQuery({
    ...FRESH,
    queryKey: key,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => page(pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useInvitations = (id: string, status: Invitation['status'] | null) =>
  usePages(['survey-invitations', id, status], (cursor) =>
    call(
      api.GET('/api/v1/surveys/{id}/invitations', {
        params: {
          path: { id },
          query: { limit: 50, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
        },
      }),
    ),
  );

export const useResponses = (id: string, withComment: boolean) =>
  usePages(['survey-responses', id, withComment], (cursor) =>
    call(
      api.GET('/api/v1/surveys/{id}/responses', {
        params: {
          path: { id },
          query: { limit: 25, ...(withComment ? { withComment: true } : {}), ...(cursor ? { cursor } : {}) },
        },
      }),
    ),
  );

export function useResults(id: string, query: ResultsQuery, enabled = true) {
  return useQuery({
    ...FRESH,
    queryKey: ['survey-results', id, query],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(
        api.GET('/api/v1/surveys/{id}/results', {
          params: { path: { id }, query },
        }),
      ),
  });
}

const cell = (value: string | null) => {
  const text = value ?? '';
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The links as CSV for a mail merge: name, email, phone, link, expiry. */
export function linksCsv(links: InvitationLink[]): string {
  const rows = links.map((l) => [l.name, l.email, l.phone, l.link, l.expiresAt].map(cell).join(','));
  return `${['name', 'email', 'phone', 'link', 'expires_at'].join(',')}\n${rows.join('\n')}\n`;
}
