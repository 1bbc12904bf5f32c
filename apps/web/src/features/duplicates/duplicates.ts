import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type Kind = 'people' | 'companies';
export type PersonPair = Schemas['PersonDuplicate'];
export type CompanyPair = Schemas['CompanyDuplicate'];
export type Pair = PersonPair | CompanyPair;
export type RecordView = Schemas['PersonView'] | Schemas['CompanyView'];
export type Merged = { kind: Kind; id: string; name: string };

/** The suggested pairs of one kind, the strongest (most reasons) first. */
export function useDuplicates(kind: Kind) {
  return useQuery({
    queryKey: ['duplicates', kind],
    queryFn: async (): Promise<Pair[]> =>
      kind === 'people'
        ? (await call(api.GET('/api/v1/people/duplicates', { params: { query: { limit: 100 } } }))).data
        : (await call(api.GET('/api/v1/companies/duplicates', { params: { query: { limit: 100 } } }))).data,
  });
}

/** One record's 360 (memberships or people, order totals; people with their newest timeline). */
export function useRecord(kind: Kind, id: string) {
  return useQuery({
    queryKey: ['duplicate-record', kind, id],
    queryFn: (): Promise<RecordView> =>
      kind === 'people'
        ? call(api.GET('/api/v1/people/{id}', { params: { path: { id }, query: { timeline: true } } }))
        : call(api.GET('/api/v1/companies/{id}', { params: { path: { id }, query: {} } })),
  });
}

function useRefresh(kind: Kind) {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [['duplicates', kind], ['duplicate-record', kind], [kind === 'people' ? 'people' : 'companies']].map(
        (queryKey) => client.invalidateQueries({ queryKey }),
      ),
    );
}

/** Folds `mergedId` into `survivorId`; answers the survivor. */
export function useMerge(kind: Kind) {
  const refresh = useRefresh(kind);
  return useMutation({
    mutationFn: async (body: { survivorId: string; mergedId: string }): Promise<Merged> => {
      const survivor =
        kind === 'people'
          ? await call(api.POST('/api/v1/people/merge', { body }))
          : await call(api.POST('/api/v1/companies/merge', { body }));
      return { kind, id: survivor.id, name: survivor.name };
    },
    onSuccess: refresh,
  });
}

/** "Not duplicates": the pair is no longer suggested. */
export function useDismiss(kind: Kind) {
  const refresh = useRefresh(kind);
  return useMutation({
    mutationFn: (body: { firstId: string; secondId: string }) =>
      kind === 'people'
        ? call(api.POST('/api/v1/people/duplicates/dismiss', { body }))
        : call(api.POST('/api/v1/companies/duplicates/dismiss', { body })),
    onSuccess: refresh,
  });
}

export const REASONS: Record<string, string> = {
  email: 'Same email',
  phone: 'Same phone',
  name_and_company: 'Same name at the same company',
  name: 'Same name',
  domain_name: 'Same domain name',
};
