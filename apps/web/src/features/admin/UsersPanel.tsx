import { Badge, Card, Select, Stack, Table, Text } from '@mantine/core';
import { ROLES } from '../../api/enums';
import type { Me } from '../../session/session';
import { label } from '../../shared/format';
import { useUsers } from '../users/users';
import { type Role, useRemoveUser, useSetRole } from './admin';
import { ConfirmButton } from './ConfirmButton';
import { PanelStatus } from './PanelStatus';
import { UserCreate } from './UserCreate';

/** The workspace's users: change a role, remove a user, add one. */
export function UsersPanel({ me }: { me: Me }) {
  const users = useUsers();
  const setRole = useSetRole();
  const remove = useRemoveUser();
  const failed = users.error ?? setRole.error ?? remove.error;
  return (
    <Stack>
      <PanelStatus error={failed} pending={users.isPending} />
      {users.data && (
        <Table aria-label="Users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  {u.name} {u.id === me.user?.id && <Badge variant="light">you</Badge>}
                  {u.disabled && <Text c="dimmed">disabled</Text>}
                </Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Role of ${u.name}`}
                    size="xs"
                    w={140}
                    allowDeselect={false}
                    data={ROLES.map((r) => ({ value: r, label: label(r) }))}
                    value={u.role}
                    onChange={(role) =>
                      role && role !== u.role && setRole.mutate({ id: u.id, role: role as Role })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <ConfirmButton
                    label="Remove"
                    title={`Remove ${u.name}`}
                    question={`${u.name} will no longer have access to this workspace.`}
                    loading={remove.isPending}
                    onConfirm={(done) => remove.mutate(u.id, { onSettled: done })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Card withBorder>
        <UserCreate />
      </Card>
    </Stack>
  );
}
