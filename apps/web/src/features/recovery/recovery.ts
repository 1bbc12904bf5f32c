import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type RecoveryOutcomes = Schemas['RecoveryOutcomes'];
export type RootCausePareto = Schemas['RootCausePareto'];
export type ResolutionTimes = Schemas['ResolutionTimes'];
export type RecoveryPeriod = '90d' | '180d' | '365d' | '730d';
export type OutcomeGroup = RecoveryOutcomes['groups'][number];
export type OutcomeWindow = OutcomeGroup['windows'][number];

export const PERIODS: { value: RecoveryPeriod; label: string }[] = [
  { value: '90d', label: 'Last 90 days' },
  { value: '180d', label: 'Last 180 days' },
  { value: '365d', label: 'Last 365 days' },
  { value: '730d', label: 'Last 2 years' },
];

const options = { placeholderData: keepPreviousData } as const;

/** Repurchase, NPS and CLV change of the four groups, over 90 and 180 days. */
export function useRecoveryOutcomes(period: RecoveryPeriod) {
  return useQuery({
    queryKey: ['recovery', 'outcomes', period],
    queryFn: () => call(api.GET('/api/v1/recovery/outcomes', { params: { query: { period } } })),
    ...options,
  });
}

/** Root causes ranked, with cumulative shares and trend. */
export function useRootCauses(period: RecoveryPeriod) {
  return useQuery({
    queryKey: ['recovery', 'root-causes', period],
    queryFn: () => call(api.GET('/api/v1/recovery/root-causes', { params: { query: { period } } })),
    ...options,
  });
}

/** Time to acknowledge and to resolve. */
export function useResolutionTimes(period: RecoveryPeriod) {
  return useQuery({
    queryKey: ['recovery', 'times', period],
    queryFn: () => call(api.GET('/api/v1/recovery/times', { params: { query: { period } } })),
    ...options,
  });
}

/** Hours in words: "45 min", "5.5 h", "3.2 d". */
export function hoursText(hours: number | null): string {
  if (hours === null) return '–';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} d`;
}
