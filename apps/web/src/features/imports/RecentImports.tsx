import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { formatDateTime, label } from '../../shared/format';
import { useUserNames } from '../users/users';
import { errorCsvHref, useImports } from './imports';

/** The workspace's recent imports and dry runs, newest first, each with its error CSV. */
export function RecentImports() {
  const imports = useImports();
  const names = useUserNames();
  const runs = imports.data?.data ?? [];
  return (
    <Stack gap="xs" component="section" aria-label="Recent imports">
      <Title order={2} size="h4">
        Recent imports
      </Title>
      {imports.error && (
        <Text c="red" role="alert">
          {imports.error.message}
        </Text>
      )}
      {!imports.isPending && runs.length === 0 && <Text c="dimmed">Nothing was imported yet.</Text>}
      {runs.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table striped aria-busy={imports.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th>Rows</Table.Th>
                <Table.Th>New</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th>Unchanged</Table.Th>
                <Table.Th>Rejected</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Errors</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.map((run) => (
                <Table.Tr key={run.id}>
                  <Table.Td>{formatDateTime(run.createdAt)}</Table.Td>
                  <Table.Td>
                    {label(run.kind)}{' '}
                    {run.dryRun && (
                      <Badge size="sm" variant="light" color="gray">
                        dry run
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{run.fileName}</Table.Td>
                  <Table.Td>{run.totalRows}</Table.Td>
                  <Table.Td>{run.created}</Table.Td>
                  <Table.Td>{run.updated}</Table.Td>
                  <Table.Td>{run.unchanged}</Table.Td>
                  <Table.Td>{run.rejected}</Table.Td>
                  <Table.Td>{names.get(run.createdBy) ?? ''}</Table.Td>
                  <Table.Td>
                    {run.hasErrorCsv && (
                      <Anchor
                        href={errorCsvHref(run.id)}
                        download
                        aria-label={`Error CSV of ${run.fileName ?? label(run.kind)}, ${formatDateTime(run.createdAt)}`}
                      >
                        Error CSV
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
