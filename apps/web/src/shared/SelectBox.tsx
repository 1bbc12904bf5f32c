import { Checkbox, Table } from '@mantine/core';
import type { Selection } from './selection';

/** The header cell: ticks or unticks every row of this page; indeterminate when some are. */
export function SelectPageCell({ selection }: { selection: Selection }) {
  return (
    <Table.Th w={40}>
      <Checkbox
        aria-label="Select all on this page"
        checked={selection.page === 'all'}
        indeterminate={selection.page === 'some'}
        onChange={selection.togglePage}
      />
    </Table.Th>
  );
}

/** A row's cell: ticks or unticks the row ("Select Mia Keller"). */
export function SelectRowCell(props: { selection: Selection; id: string; label: string }) {
  return (
    <Table.Td>
      <Checkbox
        aria-label={`Select ${props.label}`}
        checked={props.selection.isSelected(props.id)}
        onChange={() => props.selection.toggle(props.id)}
      />
    </Table.Td>
  );
}
