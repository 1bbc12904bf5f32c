import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type UserCreate = Schemas['UserCreate'];
export type ApiKeyCreate = Schemas['ApiKeyCreate'];
export type CustomFieldCreate = Schemas['CustomFieldCreate'];
export type CustomFieldUpdate = Schemas['CustomFieldUpdate'];
export type Role = Schemas['User']['role'];

/** A mutation that refreshes the listed query keys when it succeeds. */
export function useChange<I, O>(keys: string[], fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(keys.map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
}

export const useCreateUser = () =>
  useChange(['users'], (body: UserCreate) => call(api.POST('/api/v1/users', { body })));

export const useSetRole = () =>
  useChange(['users'], ({ id, role }: { id: string; role: Role }) =>
    call(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: { role } })),
  );

export const useRemoveUser = () =>
  useChange(['users'], (id: string) => call(api.DELETE('/api/v1/users/{id}', { params: { path: { id } } })));

export function useApiKeys() {
  return useQuery({
    queryKey: ['api-keys'],
    queryFn: async () => (await call(api.GET('/api/v1/api-keys'))).data,
  });
}

export const useCreateApiKey = () =>
  useChange(['api-keys'], (body: ApiKeyCreate) => call(api.POST('/api/v1/api-keys', { body })));

export const useRevokeApiKey = () =>
  useChange(['api-keys'], (id: string) =>
    call(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
  );

export function useCustomFields() {
  return useQuery({
    queryKey: ['custom-fields'],
    queryFn: async () => (await call(api.GET('/api/v1/custom-fields', { params: { query: {} } }))).data,
  });
}

export const useCreateCustomField = () =>
  useChange(['custom-fields'], (body: CustomFieldCreate) =>
    call(api.POST('/api/v1/custom-fields', { body })),
  );

export const useUpdateCustomField = () =>
  useChange(['custom-fields'], ({ id, body }: { id: string; body: CustomFieldUpdate }) =>
    call(api.PATCH('/api/v1/custom-fields/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteCustomField = () =>
  useChange(['custom-fields'], (id: string) =>
    call(api.DELETE('/api/v1/custom-fields/{id}', { params: { path: { id } } })),
  );
