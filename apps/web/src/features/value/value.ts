import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { type About, aboutId } from '../../shared/about';
import { useChange } from '../admin/admin';

export type CustomerValue = Schemas['CustomerValue'];
export type ValueFigures = Schemas['ValueFigures'];
export type HealthReason = Schemas['HealthReason'];
export type ValueDashboard = Schemas['ValueDashboard'];
export type ValueSettings = Schemas['ValueSettings'];
export type ValueSettingsUpdate = Schemas['ValueSettingsUpdate'];
export type ValueFit = Schemas['ValueFit'];
export type HealthBand = ValueFigures['healthBand'];
export type ChurnBand = ValueFigures['churnBand'];

export const HEALTH_COLOR: Record<HealthBand, string> = { good: 'teal', fair: 'yellow', poor: 'red' };
export const CHURN_COLOR: Record<ChurnBand, string> = { low: 'teal', medium: 'yellow', high: 'red' };

/** A person's or a company's value figures, health with its reasons, and health over time. */
export function useCustomerValue(about: About) {
  const id = aboutId(about);
  return useQuery({
    queryKey: ['value', id],
    queryFn: () =>
      call(
        about.personId
          ? api.GET('/api/v1/people/{id}/value', { params: { path: { id } } })
          : api.GET('/api/v1/companies/{id}/value', { params: { path: { id } } }),
      ),
  });
}

/** The value dashboard, of everyone or of a segment (a saved view). */
export function useValueDashboard(viewId: string | null) {
  return useQuery({
    queryKey: ['value', 'dashboard', viewId],
    queryFn: () => call(api.GET('/api/v1/value/dashboard', { params: { query: viewId ? { viewId } : {} } })),
    // Keep the last dashboard on screen while another segment loads (no flash of empty).
    placeholderData: keepPreviousData,
  });
}

export const useValueSettings = () =>
  useQuery({ queryKey: ['value', 'settings'], queryFn: () => call(api.GET('/api/v1/value/settings')) });

export const useUpdateValueSettings = () =>
  useChange(['value'], (body: ValueSettingsUpdate) => call(api.PATCH('/api/v1/value/settings', { body })));

export const useRecompute = () => useChange(['value'], () => call(api.POST('/api/v1/value/recompute')));

/** 0.734 → "73%" */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** 1.234 → "1.2" (expected purchases). */
export const decimal = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));

/** What a fit was: "BG/NBD + Gamma-Gamma on 2,357 customers". */
export function fitText(fit: ValueFit): string {
  const model = fit.model === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD';
  return `${model} + Gamma-Gamma on ${fit.customers.toLocaleString()} customers`;
}
