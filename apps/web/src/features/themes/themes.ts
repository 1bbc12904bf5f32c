import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type Themes = Schemas['Themes'];
export type Theme = Schemas['Theme'];

/** What customers talk about in the last `days`, of a segment (saved view of people) or everyone. */
export function useThemes(days: number, viewId: string | null) {
  return useQuery({
    queryKey: ['themes', days, viewId],
    queryFn: () =>
      call(
        api.GET('/api/v1/themes', { params: { query: { days, limit: 20, ...(viewId ? { viewId } : {}) } } }),
      ),
    // Keep the last answer on screen while another period or segment loads (no flash of empty).
    placeholderData: keepPreviousData,
  });
}

export const trendOf = (theme: Theme) => theme.change?.trend ?? 'steady';

/** "−0.42 (67% negative)" */
export function sentimentText(theme: Theme): string {
  if (!theme.sentiment) return '–';
  const { mean, negativeShare } = theme.sentiment;
  return `${mean >= 0 ? '+' : '−'}${Math.abs(mean).toFixed(2)} (${Math.round(negativeShare * 100)}% negative)`;
}

export const sentimentColor = (score: number) => (score <= -0.05 ? 'red' : score >= 0.05 ? 'teal' : 'gray');
