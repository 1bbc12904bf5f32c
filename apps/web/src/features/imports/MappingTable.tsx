import { Alert, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportPreview, Mapping } from './imports';

/** The value of "skip this column" (a field key never starts with a space). */
const SKIP = ' skip';

interface Props {
  preview: ImportPreview;
  mapping: Mapping;
  onChange: (header: string, field: string | null) => void;
  columnErrors: Record<string, string>;
  mappingError?: string;
}

/** One row per CSV column: the field it goes to (the suggestion preselected) and an example. */
export function MappingTable({ preview, mapping, onChange, columnErrors, mappingError }: Props) {
  const options = [
    { value: SKIP, label: 'Skip this column' },
    ...preview.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label} (required)` : f.label })),
  ];
  const chosen = new Set(Object.values(mapping));
  const unmapped = preview.fields.filter((f) => f.required && !chosen.has(f.key)).map((f) => f.label);
  const example = (index: number) =>
    preview.sample.map((row) => row.cells[index]).find((cell) => cell && cell.trim() !== '') ?? '';
  return (
    <Stack gap="xs" component="section" aria-label="Column mapping">
      <Title order={2} size="h4">
        Map the columns
      </Title>
      <Text size="sm" c="dimmed">
        {preview.headers.length} columns, {preview.totalRows} rows. Each column goes to the field chosen here;
        the suggestions come from the column names.
      </Text>
      {unmapped.length > 0 && !mappingError && (
        <Text size="sm" c="orange.8">
          Required, and no column goes there yet: {unmapped.join(', ')}.
        </Text>
      )}
      {mappingError && (
        <Alert color="red" role="alert" title="The mapping is not complete">
          {mappingError}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Column in the file</Table.Th>
              <Table.Th>Field</Table.Th>
              <Table.Th>Example</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.headers.map((header, index) => (
              <Table.Tr key={header}>
                <Table.Td>{header}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Field for column ${header}`}
                    allowDeselect={false}
                    searchable
                    data={options}
                    value={mapping[header] ?? SKIP}
                    onChange={(value) => onChange(header, value === SKIP || value === null ? null : value)}
                    error={columnErrors[header]}
                    w={240}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {example(index)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
