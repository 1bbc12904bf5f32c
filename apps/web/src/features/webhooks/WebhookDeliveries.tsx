import { Badge, Button, Code, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DELIVERY_STATUSES } from '../../api/enums';
import { formatDateTime, label } from '../../shared/format';
import { MoreButton } from '../../shared/MoreButton';
import { PanelStatus } from '../admin/PanelStatus';
import { type DeliveryStatus, useDeliveries, useReplay, type Webhook } from './webhooks';

const COLOURS: Record<DeliveryStatus, string> = {
  pending: 'gray',
  retrying: 'yellow',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'gray',
};

/** The delivery log of one subscription: status, attempts, last answer, next attempt; replay. */
export function WebhookDeliveries({ webhook }: { webhook: Webhook }) {
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const log = useDeliveries(webhook.id, status);
  const replay = useReplay();
  const rows = log.data?.pages.flatMap((page) => page.data) ?? [];
  const failed = log.error ?? replay.error;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="end">
        <Title order={3} size="h5">
          Deliveries to {webhook.url}
        </Title>
        <Group gap="xs" align="end">
          <Select
            label="Status"
            placeholder="Any"
            clearable
            size="xs"
            data={DELIVERY_STATUSES.map((s) => ({ value: s, label: label(s) }))}
            value={status}
            onChange={(value) => setStatus(value as DeliveryStatus | null)}
          />
          <Button size="xs" variant="default" loading={log.isRefetching} onClick={() => log.refetch()}>
            Refresh
          </Button>
        </Group>
      </Group>
      <PanelStatus
        error={failed}
        pending={log.isPending}
        empty={log.isSuccess && rows.length === 0 && 'No deliveries yet.'}
      />
      {rows.length > 0 && (
        <Table aria-label="Deliveries" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Created</Table.Th>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Answer</Table.Th>
              <Table.Th>Next attempt</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
                <Table.Td>
                  <Code>{d.eventType}</Code>
                  {d.replayOf && (
                    <Text size="xs" c="dimmed">
                      replay
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={COLOURS[d.status]} variant="light">
                    {d.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>
                  {d.responseStatus !== null && `HTTP ${d.responseStatus}`}
                  {d.latencyMs !== null && ` in ${d.latencyMs} ms`}
                  {d.error && (
                    <Text size="xs" c="red.8">
                      {d.error}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—'}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={`Replay ${d.messageId}`}
                    disabled={!webhook.enabled}
                    loading={replay.isPending && replay.variables?.deliveryId === d.id}
                    onClick={() => replay.mutate({ webhookId: webhook.id, deliveryId: d.id })}
                  >
                    Replay
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <MoreButton list={log} label="More deliveries" size="xs" />
    </Stack>
  );
}
