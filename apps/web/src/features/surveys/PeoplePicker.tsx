import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';

export interface Picked {
  value: string;
  label: string;
}

/** Pick people by typing part of a name or email: the API searches as you type. */
export function PeoplePicker(props: {
  value: Picked[];
  onChange: (people: Picked[]) => void;
  error?: string | undefined;
}) {
  const [typed, setTyped] = useState('');
  const [debounced] = useDebouncedValue(typed.trim(), 200);
  const found = useQuery({
    queryKey: ['people-options', debounced],
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(api.GET('/api/v1/people', { params: { query: { q: debounced || undefined, limit: 20 } } })),
  });
  const options = new Map(props.value.map((p) => [p.value, p]));
  for (const p of found.data?.data ?? []) {
    if (!options.has(p.id))
      options.set(p.id, { value: p.id, label: p.email ? `${p.name} <${p.email}>` : p.name });
  }
  return (
    <MultiSelect
      label="People"
      placeholder="Type a name or an email"
      searchable
      clearable
      data={[...options.values()]}
      value={props.value.map((p) => p.value)}
      onChange={(ids) => props.onChange(ids.map((id) => options.get(id)!).filter(Boolean))}
      searchValue={typed}
      onSearchChange={setTyped}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'Nobody found'}
      error={props.error}
      maxValues={1000}
    />
  );
}
