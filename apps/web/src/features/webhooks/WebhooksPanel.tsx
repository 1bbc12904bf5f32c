import { Badge, Button, Card, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ConfirmButton } from '../admin/ConfirmButton';
import { PanelStatus } from '../admin/PanelStatus';
import { WebhookCreate } from './WebhookCreate';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookEdit } from './WebhookEdit';
import { useDeleteWebhook, useUpdateWebhook, useWebhooks, type Webhook } from './webhooks';

/** Outgoing webhooks: subscriptions (create, edit, disable, delete) and their delivery logs. */
export function WebhooksPanel() {
  const hooks = useWebhooks();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const [editing, setEditing] = useState<Webhook | null>(null);
  const [shownId, setShownId] = useState<string | null>(null);
  const shown = hooks.data?.find((h) => h.id === shownId);
  const failed = hooks.error ?? update.error ?? remove.error;
  return (
    <Stack>
      <PanelStatus
        error={failed}
        pending={hooks.isPending}
        empty={hooks.data?.length === 0 && 'No webhooks.'}
      />
      {!!hooks.data?.length && (
        <Table aria-label="Webhooks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Endpoint</Table.Th>
              <Table.Th>Events</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hooks.data.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-all' }}>
                    {h.url}
                  </Text>
                  {h.description && (
                    <Text size="xs" c="dimmed">
                      {h.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {h.eventTypes.map((e) => (
                      <Code key={e}>{e}</Code>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={h.enabled ? 'green' : 'gray'} variant="light">
                    {h.enabled ? 'enabled' : 'disabled'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant={shownId === h.id ? 'light' : 'subtle'}
                      aria-label={`Deliveries to ${h.url}`}
                      onClick={() => setShownId(shownId === h.id ? null : h.id)}
                    >
                      Deliveries
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={`Edit ${h.url}`}
                      onClick={() => setEditing(h)}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={`${h.enabled ? 'Disable' : 'Enable'} ${h.url}`}
                      onClick={() => update.mutate({ id: h.id, body: { enabled: !h.enabled } })}
                    >
                      {h.enabled ? 'Disable' : 'Enable'}
                    </Button>
                    <ConfirmButton
                      label="Delete"
                      title={`Delete the webhook to ${h.url}`}
                      question="Nothing more is sent to this URL, and its delivery log is deleted."
                      loading={remove.isPending}
                      onConfirm={(done) => remove.mutate(h.id, { onSettled: done })}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <WebhookEdit webhook={editing} onClose={() => setEditing(null)} />}
      {shown && (
        <Card withBorder>
          <WebhookDeliveries webhook={shown} />
        </Card>
      )}
      <Card withBorder>
        <WebhookCreate />
      </Card>
    </Stack>
  );
}
