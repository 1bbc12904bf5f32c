import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { useChange } from '../admin/admin';

export type Calendar = Schemas['BusinessCalendar'];
export type CalendarCreate = Schemas['CalendarCreate'];
export type SlaPolicy = Schemas['SlaPolicy'];
export type SlaPolicyCreate = Schemas['SlaPolicyCreate'];
export type CaseSettings = Schemas['CaseSettings'];
export type Limit = Schemas['CompensationLimitsInput']['limits'][number];

// Every service setting shares the key 'service': a change refreshes them all (they are few).
const KEYS = ['service'];

export const useCalendars = () =>
  useQuery({
    queryKey: ['service', 'calendars'],
    queryFn: async () => (await call(api.GET('/api/v1/business-calendars'))).data,
  });

export const useSaveCalendar = () =>
  useChange(KEYS, ({ id, body }: { id: string | null; body: CalendarCreate }) =>
    id
      ? call(api.PATCH('/api/v1/business-calendars/{id}', { params: { path: { id } }, body }))
      : call(api.POST('/api/v1/business-calendars', { body })),
  );

export const useDeleteCalendar = () =>
  useChange(KEYS, (id: string) =>
    call(api.DELETE('/api/v1/business-calendars/{id}', { params: { path: { id } } })),
  );

export const useSlaPolicies = () =>
  useQuery({
    queryKey: ['service', 'sla-policies'],
    queryFn: async () => (await call(api.GET('/api/v1/sla-policies'))).data,
  });

export const useCreateSlaPolicy = () =>
  useChange(KEYS, (body: SlaPolicyCreate) => call(api.POST('/api/v1/sla-policies', { body })));

export const useDeleteSlaPolicy = () =>
  useChange(KEYS, (id: string) =>
    call(api.DELETE('/api/v1/sla-policies/{id}', { params: { path: { id } } })),
  );

export const useCreateRootCause = () =>
  useChange(KEYS, (body: Schemas['RootCauseCreate']) => call(api.POST('/api/v1/root-causes', { body })));

export const useUpdateRootCause = () =>
  useChange(KEYS, ({ id, ...body }: Schemas['RootCauseUpdate'] & { id: string }) =>
    call(api.PATCH('/api/v1/root-causes/{id}', { params: { path: { id } }, body })),
  );

export const useSetLimits = () =>
  useChange(KEYS, (limits: Limit[]) => call(api.PUT('/api/v1/compensation-limits', { body: { limits } })));

export const useCaseSettings = () =>
  useQuery({ queryKey: ['service', 'case-settings'], queryFn: () => call(api.GET('/api/v1/case-settings')) });

export const useUpdateCaseSettings = () =>
  useChange(KEYS, (body: Schemas['CaseSettingsUpdate']) =>
    call(api.PATCH('/api/v1/case-settings', { body })),
  );
