import { useState } from 'react';

/**
 * The rows a user ticked in a list (kept across its pages), or "all matching" its filters. A new
 * filter starts over: a selection never outlives the list it was made in.
 */
export function useSelection(filterKey: string, pageIds: string[]) {
  const empty = { key: filterKey, ids: new Set<string>(), all: false };
  const [state, setState] = useState(empty);
  const current = state.key === filterKey ? state : empty;
  const isSelected = (id: string) => current.all || current.ids.has(id);
  const onPage = pageIds.filter(isSelected).length;
  const ids = (next: Set<string>) => setState({ key: filterKey, ids: next, all: false });
  return {
    all: current.all,
    ids: [...current.ids],
    any: current.all || current.ids.size > 0,
    isSelected,
    page: (onPage === 0 ? 'none' : onPage === pageIds.length ? 'all' : 'some') as 'none' | 'some' | 'all',
    toggle(id: string) {
      // Unticking one row of "all matching" leaves the rest of this page ticked.
      const next = new Set(current.all ? pageIds : current.ids);
      if (isSelected(id)) next.delete(id);
      else next.add(id);
      ids(next);
    },
    togglePage() {
      const next = new Set(current.all ? [] : current.ids);
      for (const id of pageIds) {
        if (onPage === pageIds.length) next.delete(id);
        else next.add(id);
      }
      ids(next);
    },
    selectAll: () => setState({ key: filterKey, ids: new Set(), all: true }),
    clear: () => setState(empty),
  };
}

export type Selection = ReturnType<typeof useSelection>;

/** 1,234 or, for an estimate, "about 1.2M". */
export function formatCount(count: number, exact: boolean): string {
  if (exact) return count.toLocaleString('en');
  return `about ${new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(count)}`;
}
