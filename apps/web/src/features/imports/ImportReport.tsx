import { Alert, Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { errorCsvHref, type ImportRun } from './imports';

const SHOWN = 200;

/** What a dry run found, or what an import wrote, with every rejected row's line and reason. */
export function ImportReport({ run }: { run: ImportRun }) {
  const ok = run.created + run.updated + run.unchanged;
  const title = run.dryRun ? 'Dry run: nothing was written' : 'Import finished';
  return (
    <Stack gap="xs" component="section" aria-label="Import report">
      <Title order={2} size="h4">
        {title}
      </Title>
      <Alert color={run.rejected > 0 ? 'yellow' : 'green'} role="status">
        {run.dryRun
          ? `${ok} of ${run.totalRows} rows would be imported (${run.created} new, ${run.updated} updated, ${run.unchanged} unchanged); ${run.rejected} rejected.`
          : `${ok} of ${run.totalRows} rows imported (${run.created} new, ${run.updated} updated, ${run.unchanged} unchanged); ${run.rejected} rejected.`}
      </Alert>
      {run.errors.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped withTableBorder aria-label="Rejected rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>Column</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {run.errors.slice(0, SHOWN).map((error, index) => (
                // One row may fail in several columns: line + index is the identity.
                <Table.Tr key={`${error.line}-${index}`}>
                  <Table.Td>{error.line}</Table.Td>
                  <Table.Td>{error.column}</Table.Td>
                  <Table.Td>{error.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {run.errors.length > SHOWN && (
        <Text size="sm" c="dimmed">
          The first {SHOWN} of {run.errors.length} problems; the error CSV has them all.
        </Text>
      )}
      {run.hasErrorCsv && (
        <Group gap="xs">
          <Anchor href={errorCsvHref(run.id)} download>
            Download error CSV
          </Anchor>
          <Text size="sm" c="dimmed">
            the rejected rows with an error column: fix them and import the file again.
          </Text>
        </Group>
      )}
    </Stack>
  );
}
