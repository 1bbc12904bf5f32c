import { Alert, Button, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../session/session';
import { formatDateTime, formatMoney, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { PanelStatus } from '../admin/PanelStatus';
import { useUserNames } from '../users/users';
import { ApprovalState } from './CaseCompensation';
import { type Compensation, useApprovals, useDecide } from './cases';

type Status = 'pending' | 'approved' | 'rejected';

/** Compensation asked for above a role's limit: managers and admins approve or reject it. */
export function ApprovalsPage() {
  const role = useMe().data?.role;
  const approver = role === 'admin' || role === 'manager';
  const [status, setStatus] = useState<Status>('pending');
  const list = useApprovals(status, approver);
  const rows = list.data?.data ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">
        Approvals
      </Title>
      {!approver ? (
        <Alert color="yellow" role="alert">
          Only managers and admins decide on compensation above an agent's limit.
        </Alert>
      ) : (
        <>
          <SegmentedControl
            aria-label="Requests"
            w="fit-content"
            value={status}
            onChange={(v) => setStatus(v as Status)}
            data={[
              { value: 'pending', label: 'Waiting' },
              { value: 'approved', label: 'Approved' },
              { value: 'rejected', label: 'Rejected' },
            ]}
          />
          <PanelStatus
            error={list.error}
            pending={list.isPending}
            empty={!list.isPending && rows.length === 0 && 'Nothing here.'}
          />
          {rows.length > 0 && (
            <Table.ScrollContainer minWidth={820}>
              <Table striped aria-label="Compensation requests">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Case</Table.Th>
                    <Table.Th>Compensation</Table.Th>
                    <Table.Th>Asked by</Table.Th>
                    <Table.Th>State</Table.Th>
                    {status === 'pending' && <Table.Th>Decision</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Request key={r.id} r={r} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}

function Request({ r }: { r: Compensation }) {
  const names = useUserNames();
  const decide = useDecide();
  const [note, setNote] = useState('');
  const amount = formatMoney(r.amountMinor, r.currency);
  const send = (decision: 'approve' | 'reject') =>
    decide.mutate({ id: r.id, decision, note: note.trim() || null });
  return (
    <Table.Tr>
      <Table.Td>
        <AnchorLink to="/cases/$caseId" params={{ caseId: r.caseId }}>
          Open the case
        </AnchorLink>
        <Text size="xs" c="dimmed">
          {formatDateTime(r.createdAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          {label(r.kind)} {amount}
        </Text>
        {r.reason && (
          <Text size="xs" c="dimmed">
            {r.reason}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {names.get(r.requestedBy) ?? r.requestedBy}
        <Text size="xs" c="dimmed">
          {r.requestedRole}
        </Text>
      </Table.Td>
      <Table.Td>
        <ApprovalState c={r} />
      </Table.Td>
      {r.status === 'pending' && (
        <Table.Td>
          <Stack gap={4}>
            <TextInput
              size="xs"
              aria-label={`Note on ${label(r.kind)} ${amount}`}
              placeholder="Note (optional)"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group gap={4}>
              <Button
                size="compact-sm"
                aria-label={`Approve ${label(r.kind)} ${amount}`}
                loading={decide.isPending && decide.variables?.decision === 'approve'}
                onClick={() => send('approve')}
              >
                Approve
              </Button>
              <Button
                size="compact-sm"
                variant="light"
                color="red"
                aria-label={`Reject ${label(r.kind)} ${amount}`}
                loading={decide.isPending && decide.variables?.decision === 'reject'}
                onClick={() => send('reject')}
              >
                Reject
              </Button>
            </Group>
            {decide.error && (
              <Text size="xs" c="red" role="alert">
                {decide.error.message}
              </Text>
            )}
          </Stack>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
