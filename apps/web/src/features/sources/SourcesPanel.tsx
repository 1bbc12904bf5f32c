import { Badge, Button, Card, Code, CopyButton, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { ConfirmButton } from '../admin/ConfirmButton';
import { PanelStatus } from '../admin/PanelStatus';
import { InteractionRules } from './InteractionRules';
import { SourceCreate } from './SourceCreate';
import { SourceEvents } from './SourceEvents';
import { type Source, useDeleteSource, useSources, useUpdateSource } from './sources';

const CAP = 10_000;

/** Tracking sources: a write key per app or site that sends Segment-style events. */
export function SourcesPanel() {
  const sources = useSources();
  const update = useUpdateSource();
  const remove = useDeleteSource();
  const [events, setEvents] = useState<Source | null>(null);
  const [rules, setRules] = useState<Source | null>(null);
  const failed = sources.error ?? update.error ?? remove.error;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Point a Segment SDK (analytics.js, @segment/analytics-node, …) at this server with a source’s write
        key: identifies become people, groups companies, <Code>Order Completed</Code> orders, and every event
        is kept.
      </Text>
      <PanelStatus
        error={failed}
        pending={sources.isPending}
        empty={sources.data?.length === 0 && 'No sources.'}
      />
      {!!sources.data?.length && (
        <Table aria-label="Sources">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Write key</Table.Th>
              <Table.Th>Events (24 h)</Table.Th>
              <Table.Th>Last event</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sources.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {s.name} {!s.enabled && <Badge color="gray">disabled</Badge>}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Code>{s.writeKey}</Code>
                    <CopyButton value={s.writeKey}>
                      {({ copied, copy }) => (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={copy}
                          aria-label={`Copy the write key of ${s.name}`}
                        >
                          {copied ? 'Copied' : 'Copy'}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {s.recentEvents >= CAP ? `${CAP.toLocaleString()}+` : s.recentEvents.toLocaleString()}
                </Table.Td>
                <Table.Td>{s.lastEventAt ? formatDateTime(s.lastEventAt) : 'never'}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="end">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEvents(s)}
                      aria-label={`Events of ${s.name}`}
                    >
                      Events
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setRules(s)}
                      aria-label={`Timeline events of ${s.name}`}
                    >
                      Timeline events
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      loading={update.isPending && update.variables?.id === s.id}
                      onClick={() => update.mutate({ id: s.id, body: { enabled: !s.enabled } })}
                      aria-label={`${s.enabled ? 'Disable' : 'Enable'} ${s.name}`}
                    >
                      {s.enabled ? 'Disable' : 'Enable'}
                    </Button>
                    <ConfirmButton
                      label="Delete"
                      title={`Delete ${s.name}`}
                      question="Its write key stops working and the events it sent are deleted. The people, companies and orders it made stay."
                      loading={remove.isPending}
                      onConfirm={(done) => remove.mutate(s.id, { onSettled: done })}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Card withBorder>
        <SourceCreate />
      </Card>
      {events && <SourceEvents source={events} onClose={() => setEvents(null)} />}
      {rules && <InteractionRules source={rules} onClose={() => setRules(null)} />}
    </Stack>
  );
}
