import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { useChange } from '../admin/admin';

export type EmailSettings = Schemas['EmailSettings'];
export type EmailSettingsInput = Schemas['EmailSettingsInput'];
export type Email = Schemas['Email'];
export type EmailStatus = Email['status'];
export type EmailKind = Email['kind'];
export type Security = EmailSettingsInput['security'];

/** Badge colour per delivery state; its keys are every state the API answers. */
export const STATUS_COLOR: Record<EmailStatus, string> = {
  queued: 'gray',
  retrying: 'yellow',
  sent: 'green',
  failed: 'red',
  cancelled: 'gray',
};
export const EMAIL_STATUSES = Object.keys(STATUS_COLOR) as EmailStatus[];

export const KIND_LABEL: Record<EmailKind, string> = {
  csat: 'CSAT invitation',
  status_link: 'Status link',
  survey: 'Survey invitation',
  message: 'Message',
  test: 'Test',
};

/** The security choices with the port each usually goes with. */
export const SECURITY: { value: Security; label: string; port: number }[] = [
  { value: 'starttls', label: 'STARTTLS (587)', port: 587 },
  { value: 'tls', label: 'TLS (465)', port: 465 },
  { value: 'none', label: 'None (local relay)', port: 25 },
];

export function useEmailSettings() {
  return useQuery({
    queryKey: ['email-settings'],
    queryFn: () => call(api.GET('/api/v1/email-settings')),
  });
}

export const useSaveEmailSettings = () =>
  useChange(['email-settings', 'emails'], (body: EmailSettingsInput) =>
    call(api.PUT('/api/v1/email-settings', { body })),
  );

/** Sent in the request: answers what the SMTP server said (listed among the sent emails when it took it). */
export const useSendTestEmail = () =>
  useChange(['emails'], (to: string) => call(api.POST('/api/v1/email-settings/test', { body: { to } })));

/** The emails of the workspace (or of one case), newest first, a page at a time. */
export function useEmails(filter: { status?: EmailStatus | null; caseId?: string }, limit = 25) {
  const { status, caseId } = filter;
  return useInfiniteQuery({
    queryKey: ['emails', status ?? null, caseId ?? null, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/emails', {
          params: {
            query: {
              limit,
              ...(status ? { status } : {}),
              ...(caseId ? { caseId } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While an email waits for an attempt, the background worker is about to send it.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.data.some((e) => e.status === 'queued')) ? 3_000 : false,
  });
}
