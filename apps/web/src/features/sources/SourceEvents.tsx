import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { PanelStatus } from '../admin/PanelStatus';
import { type Source, useSourceEvents } from './sources';

/** What a message did beyond being stored: a person, an order, … (or why it could not). */
function Effect({ effect, error }: { effect: string; error: string | null }) {
  if (effect === 'refused')
    return (
      <Text size="sm" c="red.8">
        Refused: {error}
      </Text>
    );
  if (effect === 'pending')
    return (
      <Badge variant="light" color="gray">
        pending
      </Badge>
    );
  if (effect === 'applied')
    return (
      <Badge variant="light" color="green">
        applied
      </Badge>
    );
  return null;
}

/** What a source sent lately, newest first: to check that an SDK is wired up, and what each did. */
export function SourceEvents({ source, onClose }: { source: Source; onClose: () => void }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const events = useSourceEvents(source.id, cursors.at(-1));
  const page = events.data;
  return (
    <Modal opened onClose={onClose} title={`Events of ${source.name}`} size="xl">
      <PanelStatus
        error={events.error}
        pending={events.isPending}
        empty={page?.data.length === 0 && 'Nothing arrived yet.'}
      />
      {!!page?.data.length && (
        <Table aria-label={`Events of ${source.name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Received</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Effect</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.data.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.receivedAt)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{e.type}</Badge>
                </Table.Td>
                <Table.Td>{e.name}</Table.Td>
                <Table.Td>
                  {e.personId ? (
                    <AnchorLink to="/people/$personId" params={{ personId: e.personId }} onClick={onClose}>
                      {e.userId ?? e.anonymousId}
                    </AnchorLink>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {e.userId ?? e.anonymousId} (not known yet)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Effect effect={e.effect} error={e.error} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="end" mt="sm">
        <Button
          variant="default"
          size="xs"
          disabled={!cursors.length}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          Newer
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={!page?.nextCursor}
          onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor!])}
        >
          Older
        </Button>
      </Group>
    </Modal>
  );
}
