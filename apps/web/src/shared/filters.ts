import { LEVELS, RELATIONSHIP_TYPES } from '../api/enums';

export const HEALTH_BANDS = ['good', 'fair', 'poor'] as const;
export const CHURN_BANDS = ['low', 'medium', 'high'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];
export type ChurnBand = (typeof CHURN_BANDS)[number];
/** The health range of a band, as the API filters it (good from 70, fair from 40, poor below). */
const HEALTH_RANGE: Record<HealthBand, { minHealth?: number; maxHealth?: number }> = {
  good: { minHealth: 70 },
  fair: { minHealth: 40, maxHealth: 69 },
  poor: { maxHealth: 39 },
};

import type { ListSearch } from './list';

export type ListKind = 'people' | 'companies';
export type Level = (typeof LEVELS)[number];

/** The list filters beyond search, relationship, owner and tag, and the chosen saved view. */
export interface MoreFilters {
  /** People at this company (com_…). */
  company?: string;
  /** People at this level (at the company, when one is chosen). */
  level?: Level;
  /** Companies in this industry (case ignored). */
  industry?: string;
  /** Customers in this health band. */
  health?: HealthBand;
  /** Customers with this churn risk. */
  churn?: ChurnBand;
  /** Custom field filters: key → value as the API takes it (`true`, `42`, `a|b`). */
  custom?: Record<string, string>;
  /** The saved view (viw_…) the list started from. */
  view?: string;
}

/** Everything a list's address may hold, by name, so that a view can replace it whole. */
export const LIST_KEYS = [
  'q',
  'type',
  'owner',
  'tag',
  'sort',
  'company',
  'level',
  'industry',
  'health',
  'churn',
  'custom',
  'view',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];
export const NO_FILTERS = Object.fromEntries(LIST_KEYS.map((key) => [key, undefined])) as Record<
  ListKey,
  undefined
>;

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** The router parses search values as JSON: custom values may come back as numbers or booleans. */
function customOf(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).flatMap(([key, v]) =>
    ['string', 'number', 'boolean'].includes(typeof v) && String(v) !== '' ? [[key, String(v)]] : [],
  );
  return entries.length ? Object.fromEntries(entries) : undefined;
}

export function moreFilters(search: Record<string, unknown>): MoreFilters {
  return {
    company: text(search.company),
    level: LEVELS.find((level) => level === search.level),
    industry: text(search.industry),
    health: HEALTH_BANDS.find((band) => band === search.health),
    churn: CHURN_BANDS.find((band) => band === search.churn),
    custom: customOf(search.custom),
    view: text(search.view),
  };
}

/** The API's list query for the filters in the address (no page). */
export function toListQuery(search: ListSearch, kind: ListKind) {
  const people = kind === 'people';
  const query = {
    q: search.q,
    relationshipType: search.type,
    ownerId: search.owner,
    tag: search.tag,
    companyId: people ? search.company : undefined,
    level: people ? search.level : undefined,
    industry: people ? undefined : search.industry,
    ...(search.health ? HEALTH_RANGE[search.health] : {}),
    churnRisk: search.churn,
    custom: search.custom,
    sort: search.sort,
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Partial<
    typeof query
  >;
}

/** The address for a saved view's filters (the API's list query, as the server stored it). */
export function searchOfFilters(filters: Record<string, unknown>): ListSearch {
  const first = (value: unknown) => text(Array.isArray(value) ? value[0] : value);
  const state: ListSearch = {
    q: text(filters.q),
    type: RELATIONSHIP_TYPES.find((t) => t === first(filters.relationshipType)),
    owner: text(filters.ownerId),
    tag: first(filters.tag),
    sort: text(filters.sort),
    company: text(filters.companyId),
    level: LEVELS.find((level) => level === filters.level),
    industry: text(filters.industry),
    health: (Object.keys(HEALTH_RANGE) as HealthBand[]).find(
      (band) =>
        HEALTH_RANGE[band].minHealth === filters.minHealth &&
        HEALTH_RANGE[band].maxHealth === filters.maxHealth,
    ),
    churn: CHURN_BANDS.find((band) => band === first(filters.churnRisk)),
    custom: customOf(filters.custom),
  };
  return Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined));
}

/** A stable text of the filters in an address, to compare two of them. */
export function filtersKey(search: ListSearch, kind: ListKind): string {
  const query: Record<string, unknown> = toListQuery(search, kind);
  if (query.sort === 'name') delete query.sort; // the lists' default order
  const sorted = Object.keys(query)
    .sort()
    .map((key) => {
      const value = query[key];
      if (value && typeof value === 'object') return [key, Object.entries(value).sort()];
      return [key, value];
    });
  return JSON.stringify(sorted);
}

export const hasFilters = (search: ListSearch, kind: ListKind) => filtersKey(search, kind) !== '[]';

/** A list query as the API reads it: lists repeat, custom filters are `custom.<key>=value`. */
export function listQueryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (key === 'custom' && typeof value === 'object') {
      for (const [field, v] of Object.entries(value)) params.append(`custom.${field}`, String(v));
    } else if (Array.isArray(value)) {
      for (const item of value) params.append(key, String(item));
    } else {
      params.append(key, String(value));
    }
  }
  return params.toString();
}
