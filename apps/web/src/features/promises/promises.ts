import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { PROMISE_STATUSES } from '../../api/enums';
import type { paths } from '../../api/schema';
import { listQueryString } from '../../shared/filters';
import { useChange } from '../admin/admin';

export type CustomerPromise = Schemas['Promise'];
export type PromiseCreate = Schemas['PromiseCreate'];
export type PromiseRenegotiation = Schemas['PromiseRenegotiation'];
export type PromiseStatus = CustomerPromise['status'];
type PromisesQuery = NonNullable<paths['/api/v1/promises']['get']['parameters']['query']>;

export const PROMISE_COLOR: Record<PromiseStatus, string> = {
  open: 'blue',
  kept: 'teal',
  broken: 'red',
  renegotiated: 'grape',
};

/** Still to keep: open, or open on a new date. */
export const PENDING: PromiseStatus[] = ['open', 'renegotiated'];

/** Still to keep and past its due date. */
export const overdue = (p: CustomerPromise, now = Date.now()) =>
  PENDING.includes(p.status) && new Date(p.dueAt).getTime() < now;

/** The ledger's state, kept in the address. */
export interface PromiseSearch {
  status?: string;
  owner?: string;
  /** overdue, or due within 1, 7 or 30 days. */
  due?: string;
  person?: string;
  company?: string;
  /** The promise open in the drawer. */
  promise?: string;
}

export const DUE_WINDOWS = [
  { value: 'overdue', label: 'Overdue', days: 0 },
  { value: '1', label: 'Within a day', days: 1 },
  { value: '7', label: 'Within a week', days: 7 },
  { value: '30', label: 'Within 30 days', days: 30 },
] as const;

export function promiseSearch(search: Record<string, unknown>): PromiseSearch {
  const text = (key: string) =>
    typeof search[key] === 'string' && search[key] ? (search[key] as string) : undefined;
  return {
    status: [...PROMISE_STATUSES, 'all'].find((s) => s === search.status),
    // (no status: open or renegotiated, the promises still to keep)
    owner: text('owner'),
    due: DUE_WINDOWS.find((w) => w.value === String(search.due ?? ''))?.value,
    person: text('person'),
    company: text('company'),
    promise: text('promise'),
  };
}

const DAY = 86_400_000;

/** One page of the ledger by due date (those still to keep unless told otherwise). */
export function usePromises(search: PromiseSearch, cursor: string | undefined) {
  const status = search.due === 'overdue' || !search.status ? PENDING : search.status;
  const window = DUE_WINDOWS.find((w) => w.value === search.due);
  // The window is computed once per filter (a key that moves every render would refetch forever).
  const dueBefore = window ? new Date(Date.now() + window.days * DAY).toISOString() : undefined;
  const query = {
    status: status === 'all' ? undefined : status,
    ownerId: search.owner,
    personId: search.person,
    companyId: search.company,
    dueBefore,
    sort: 'dueAt',
    limit: 50,
    cursor,
  } as PromisesQuery;
  return useQuery({
    queryKey: ['promises', { ...search, promise: undefined }, cursor],
    placeholderData: keepPreviousData,
    queryFn: () => call(api.GET('/api/v1/promises', { params: { query }, querySerializer: listQueryString })),
  });
}

/** Promises of a case, a conversation or a customer (every status), for panels. */
export function usePromisesOf(filter: {
  caseId?: string;
  personId?: string;
  companyId?: string;
  open?: boolean;
}) {
  const { open, ...rest } = filter;
  return useQuery({
    queryKey: ['promises', 'of', filter],
    queryFn: async () =>
      (
        await call(
          api.GET('/api/v1/promises', {
            params: { query: { ...rest, ...(open ? { status: PENDING } : {}), limit: 100 } },
            querySerializer: listQueryString,
          }),
        )
      ).data,
  });
}

export function usePromise(id: string | undefined) {
  return useQuery({
    queryKey: ['promise', id],
    enabled: !!id,
    queryFn: () => call(api.GET('/api/v1/promises/{id}', { params: { path: { id: id! } } })),
  });
}

const KEYS = ['promises', 'promise', 'timeline', 'open-work', 'case'];

export const useCreatePromise = () =>
  useChange(KEYS, (body: PromiseCreate) => call(api.POST('/api/v1/promises', { body })));

export const useKeep = () =>
  useChange(KEYS, (id: string) =>
    call(api.POST('/api/v1/promises/{id}/kept', { params: { path: { id } }, body: { note: null } })),
  );

export const useBreak = () =>
  useChange(KEYS, (id: string) =>
    call(api.POST('/api/v1/promises/{id}/broken', { params: { path: { id } }, body: { note: null } })),
  );

export const useRenegotiate = () =>
  useChange(KEYS, ({ id, ...body }: PromiseRenegotiation & { id: string }) =>
    call(api.POST('/api/v1/promises/{id}/renegotiate', { params: { path: { id } }, body })),
  );

export function useKeptRate(by: 'owner' | 'team' | 'company' | 'month') {
  return useQuery({
    queryKey: ['promises', 'kept-rate', by],
    queryFn: () => call(api.GET('/api/v1/promises/kept-rate', { params: { query: { by } } })),
  });
}

/** A local date-time input's value ("2026-05-01T17:00") as an ISO instant; empty stays empty. */
export const isoOf = (local: string) => (local ? new Date(local).toISOString() : '');

/** An ISO instant as a local date-time input's value. */
export function localOf(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
