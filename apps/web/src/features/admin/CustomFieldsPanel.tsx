import { Badge, Button, Card, Code, Group, Stack, Table } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { useItemDialog } from '../../shared/dialog';
import { useCustomFields, useDeleteCustomField } from './admin';
import { ConfirmButton } from './ConfirmButton';
import { CustomFieldCreate, typeLabel } from './CustomFieldCreate';
import { CustomFieldEdit } from './CustomFieldEdit';
import { PanelStatus } from './PanelStatus';

/** The workspace's own fields for people and companies. */
export function CustomFieldsPanel() {
  const fields = useCustomFields();
  const remove = useDeleteCustomField();
  const editing = useItemDialog<Schemas['CustomField']>();
  const failed = fields.error ?? remove.error;
  return (
    <Stack>
      <PanelStatus
        error={failed}
        pending={fields.isPending}
        empty={fields.data?.length === 0 && 'No custom fields.'}
      />
      {!!fields.data?.length && (
        <Table aria-label="Custom fields">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Label</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>For</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Options</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.data.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  {f.label} {f.required && <Badge variant="light">required</Badge>}
                </Table.Td>
                <Table.Td>
                  <Code>{f.key}</Code>
                </Table.Td>
                <Table.Td>{f.entity === 'person' ? 'People' : 'Companies'}</Table.Td>
                <Table.Td>{typeLabel(f.type)}</Table.Td>
                <Table.Td>{f.options.join(', ')}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={`Edit ${f.label}`}
                      onClick={(event) => editing.open(f, event)}
                    >
                      Edit
                    </Button>
                    <ConfirmButton
                      label="Delete"
                      title={`Delete ${f.label}`}
                      question="The field and every value stored in it are deleted."
                      loading={remove.isPending}
                      onConfirm={(done) => remove.mutate(f.id, { onSettled: done })}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing.item && (
        <CustomFieldEdit
          key={editing.item.id}
          field={editing.item}
          opened={editing.opened}
          onClose={editing.close}
          onExited={editing.exited}
        />
      )}
      <Card withBorder>
        <CustomFieldCreate />
      </Card>
    </Stack>
  );
}
