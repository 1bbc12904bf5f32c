import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';

/** A company's name by id, for labels of a company filter (cached per id). */
export function useCompanyName(id: string | undefined) {
  return useQuery({
    queryKey: ['company-name', id],
    enabled: !!id,
    staleTime: 5 * 60_000,
    queryFn: async () =>
      (await call(api.GET('/api/v1/companies/{id}', { params: { path: { id: id! }, query: {} } }))).name,
  });
}

/** Pick a company by typing part of its name: the API searches as you type. */
export function CompanyFilter(props: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const [typed, setTyped] = useState('');
  const [debounced] = useDebouncedValue(typed.trim(), 200);
  const found = useQuery({
    queryKey: ['company-options', debounced],
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(api.GET('/api/v1/companies', { params: { query: { q: debounced || undefined, limit: 20 } } })),
  });
  const selected = useCompanyName(props.value);
  const options = (found.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (props.value && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: selected.data ?? props.value });
  }
  return (
    <Select
      label="Company"
      placeholder="Any company"
      searchable
      clearable
      data={options}
      value={props.value ?? null}
      onChange={(value) => props.onChange(value ?? undefined)}
      searchValue={typed}
      onSearchChange={setTyped}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No company found'}
      w={220}
    />
  );
}
