import { Alert, Badge, Button, Group, Loader, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useUserNames } from '../users/users';
import { compareRows, differs } from './compare';
import { type Kind, type Merged, type Pair, useDismiss, useMerge, useRecord } from './duplicates';

/**
 * The two records of a suggested pair side by side, differences marked; writers choose which
 * record stays and merge, or say they are not duplicates.
 */
export function ComparePair({
  kind,
  pair,
  opened,
  writable,
  onClose,
  onExited,
  onMerged,
}: {
  kind: Kind;
  pair: Pair;
  opened: boolean;
  writable: boolean;
  onClose: () => void;
  /** Closed and faded out: the focus is back on the button that opened it. */
  onExited: () => void;
  onMerged: (survivor: Merged) => void;
}) {
  const first = useRecord(kind, pair.first.id);
  const second = useRecord(kind, pair.second.id);
  const names = useUserNames();
  const [keep, setKeep] = useState<'1' | '2'>('1');
  const merge = useMerge(kind);
  const dismiss = useDismiss(kind);
  const [survivor, merged] = keep === '1' ? [pair.first, pair.second] : [pair.second, pair.first];
  const failed = first.error ?? second.error ?? merge.error ?? dismiss.error;
  const rows = first.data && second.data ? compareRows(first.data, second.data, names) : null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={onExited}
      title={`Compare ${pair.first.name} and ${pair.second.name}`}
      size="xl"
    >
      <Stack>
        {failed && (
          <Alert color="red" role="alert">
            {failed.message}
          </Alert>
        )}
        {!rows && !failed && <Loader aria-label="Loading" />}
        {rows && (
          <Table aria-label="Side by side" withTableBorder withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Field</Table.Th>
                <Table.Th scope="col">Record 1: {pair.first.name}</Table.Th>
                <Table.Th scope="col">Record 2: {pair.second.name}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.label} bg={differs(row) ? 'var(--mantine-color-yellow-light)' : undefined}>
                  <Table.Th scope="row">
                    <Group gap={6} wrap="nowrap">
                      {row.label}
                      {differs(row) && (
                        <Badge size="xs" color="yellow" variant="filled" autoContrast>
                          differs
                        </Badge>
                      )}
                    </Group>
                  </Table.Th>
                  <Table.Td>{row.values[0] || <Text c="dimmed">—</Text>}</Table.Td>
                  <Table.Td>{row.values[1] || <Text c="dimmed">—</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {writable && (
          <>
            <Radio.Group
              label="Which record stays?"
              description="Everything of the other one moves to it; its fields fill the blanks."
              value={keep}
              onChange={(value) => setKeep(value as '1' | '2')}
            >
              <Group mt="xs">
                <Radio value="1" label="Keep record 1" data-autofocus />
                <Radio value="2" label="Keep record 2" />
              </Group>
            </Radio.Group>
            <Group justify="end">
              <Button
                variant="default"
                loading={dismiss.isPending}
                onClick={() =>
                  dismiss.mutate({ firstId: pair.first.id, secondId: pair.second.id }, { onSuccess: onClose })
                }
              >
                Not duplicates
              </Button>
              <Button
                color="red"
                loading={merge.isPending}
                disabled={!rows}
                onClick={() =>
                  // Resolves even when the refreshed list has already unmounted this dialog.
                  merge.mutateAsync({ survivorId: survivor.id, mergedId: merged.id }).then(onMerged, () => {})
                }
              >
                Merge
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
