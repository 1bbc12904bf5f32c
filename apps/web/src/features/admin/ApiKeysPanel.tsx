import { Badge, Card, Code, Stack, Table } from '@mantine/core';
import { formatDateTime, label } from '../../shared/format';
import { ApiKeyCreate } from './ApiKeyCreate';
import { useApiKeys, useRevokeApiKey } from './admin';
import { ConfirmButton } from './ConfirmButton';
import { PanelStatus } from './PanelStatus';

/** The workspace's API keys (never their secrets): revoke one, create one. */
export function ApiKeysPanel() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const failed = keys.error ?? revoke.error;
  return (
    <Stack>
      <PanelStatus
        error={failed}
        pending={keys.isPending}
        empty={keys.data?.length === 0 && 'No API keys.'}
      />
      {!!keys.data?.length && (
        <Table aria-label="API keys">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Starts with</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td>
                  <Code>{k.prefix}…</Code>
                </Table.Td>
                <Table.Td>{label(k.role)}</Table.Td>
                <Table.Td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'never'}</Table.Td>
                <Table.Td>
                  {k.revokedAt ? (
                    <Badge color="gray">revoked</Badge>
                  ) : (
                    <ConfirmButton
                      label="Revoke"
                      title={`Revoke ${k.name}`}
                      question="Programs using this key will be refused from now on."
                      loading={revoke.isPending}
                      onConfirm={(done) => revoke.mutate(k.id, { onSettled: done })}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Card withBorder>
        <ApiKeyCreate />
      </Card>
    </Stack>
  );
}
