import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { PanelStatus } from '../admin/PanelStatus';

/** A service setting's list: what went wrong, a loader or the empty text, then a table of its rows. */
export function SettingsTable<T extends { id: string }>(props: {
  label: string;
  rows: T[] | undefined;
  error: Error | null;
  pending: boolean;
  empty: string;
  /** The header cells (<Table.Th>…). */
  head: ReactNode;
  /** A row's cells (<Table.Td>…). */
  cells: (row: T) => ReactNode;
}) {
  const rows = props.rows ?? [];
  return (
    <>
      <PanelStatus
        error={props.error}
        pending={props.pending}
        empty={!props.pending && rows.length === 0 && props.empty}
      />
      {rows.length > 0 && (
        <Table aria-label={props.label}>
          <Table.Thead>
            <Table.Tr>{props.head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>{props.cells(row)}</Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
