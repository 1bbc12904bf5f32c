import { Alert, Badge, Button, Group, Loader, Table, Text, VisuallyHidden } from '@mantine/core';
import { useItemDialog } from '../../shared/dialog';
import { ComparePair } from './ComparePair';
import { type Kind, type Merged, type Pair, REASONS, useDuplicates } from './duplicates';

const detail = (record: Pair['first']) =>
  'email' in record ? (record.email ?? record.phone) : 'domain' in record ? record.domain : null;

function Record({ record }: { record: Pair['first'] }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {record.name}
      </Text>
      <Text size="xs" c="dimmed">
        {detail(record)}
      </Text>
    </div>
  );
}

/** The suggested pairs of one kind with why they look alike; each opens the side-by-side compare. */
export function DuplicateList({
  kind,
  writable,
  onMerged,
}: {
  kind: Kind;
  writable: boolean;
  onMerged: (survivor: Merged) => void;
}) {
  const pairs = useDuplicates(kind);
  const compare = useItemDialog<Pair>();
  if (pairs.isPending) return <Loader aria-label="Loading" />;
  if (pairs.error) {
    return (
      <Alert color="red" role="alert">
        {pairs.error.message}
      </Alert>
    );
  }
  if (pairs.data.length === 0) return <Text c="dimmed">No suggested duplicates.</Text>;
  return (
    <>
      <Table aria-label={`Suggested duplicate ${kind}`} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Record 1</Table.Th>
            <Table.Th>Record 2</Table.Th>
            <Table.Th>Why</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pairs.data.map((pair) => (
            <Table.Tr key={`${pair.first.id}-${pair.second.id}`}>
              <Table.Td>
                <Record record={pair.first} />
              </Table.Td>
              <Table.Td>
                <Record record={pair.second} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {pair.reasons.map((reason) => (
                    <Badge key={reason} variant="light">
                      {REASONS[reason] ?? reason}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  aria-label={`Compare ${pair.first.name} and ${pair.second.name}`}
                  onClick={(event) => compare.open(pair, event)}
                >
                  Compare
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {compare.item && (
        <ComparePair
          key={`${compare.item.first.id}-${compare.item.second.id}`}
          kind={kind}
          pair={compare.item}
          opened={compare.opened}
          writable={writable}
          onClose={compare.close}
          onExited={compare.exited}
          onMerged={(survivor) => {
            compare.close();
            onMerged(survivor);
          }}
        />
      )}
    </>
  );
}
