import { Table, UnstyledButton } from '@mantine/core';

/** A column header that sorts by `field`: ascending first, then descending (`-field`). */
export function SortHeader(props: {
  field: string;
  label: string;
  sort: string;
  onSort: (sort: string) => void;
}) {
  const { field, label, sort, onSort } = props;
  const state = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : 'none';
  return (
    <Table.Th aria-sort={state}>
      <UnstyledButton onClick={() => onSort(state === 'ascending' ? `-${field}` : field)} fw={600} fz="sm">
        {label} {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : ''}
      </UnstyledButton>
    </Table.Th>
  );
}
