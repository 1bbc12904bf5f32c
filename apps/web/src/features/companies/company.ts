import { useMutation } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { useRefreshRecord } from '../../shared/refresh';

export type CompanyView = Schemas['CompanyView'];
export type CompanyUpdate = Schemas['CompanyUpdate'];

/** Changes a company, or creates one when there is no id yet. */
export function useSaveCompany(id: string | undefined) {
  const refresh = useRefreshRecord(id ?? '');
  return useMutation({
    mutationFn: (body: CompanyUpdate) =>
      id
        ? call(api.PATCH('/api/v1/companies/{id}', { params: { path: { id } }, body }))
        : call(api.POST('/api/v1/companies', { body: { ...body, name: body.name ?? '' } })),
    onSuccess: refresh,
  });
}
