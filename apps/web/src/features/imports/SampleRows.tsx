import { Stack, Table, Text, Title } from '@mantine/core';
import type { ImportPreview } from './imports';

/** The first rows of the file as read (line numbers as in the file), before any check. */
export function SampleRows({ preview }: { preview: ImportPreview }) {
  return (
    <Stack gap="xs" component="section" aria-label="First rows">
      <Title order={2} size="h4">
        First rows
      </Title>
      {preview.sample.length === 0 && <Text c="dimmed">The file has a header and no rows.</Text>}
      <Table.ScrollContainer minWidth={Math.max(480, preview.headers.length * 120)}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              {preview.headers.map((header) => (
                <Table.Th key={header}>{header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sample.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                {preview.headers.map((header, index) => (
                  <Table.Td key={header}>{row.cells[index] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
