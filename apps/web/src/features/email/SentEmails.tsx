import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime, label } from '../../shared/format';
import { MoreButton } from '../../shared/MoreButton';
import { PanelStatus } from '../admin/PanelStatus';
import { EMAIL_STATUSES, type Email, type EmailStatus, KIND_LABEL, STATUS_COLOR, useEmails } from './email';

export function EmailStatusBadge({ email }: { email: Pick<Email, 'status'> }) {
  return (
    <Badge color={STATUS_COLOR[email.status]} variant="light">
      {email.status}
    </Badge>
  );
}

/** When an email went out, or what happens to it next. */
export function emailWhen(e: Email): string {
  if (e.sentAt) return formatDateTime(e.sentAt);
  if (e.status === 'retrying' && e.nextAttemptAt) return `next try ${formatDateTime(e.nextAttemptAt)}`;
  return formatDateTime(e.lastAttemptAt ?? e.createdAt);
}

/** The workspace's outbox: every email Rapport sent or will send, with its delivery state. */
export function SentEmails() {
  const [status, setStatus] = useState<EmailStatus | null>(null);
  const log = useEmails({ status });
  const rows = log.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="end">
        <Title order={3} size="h5">
          Sent emails
        </Title>
        <Group gap="xs" align="end">
          <Select
            label="Status"
            placeholder="Any"
            clearable
            size="xs"
            w={140}
            data={EMAIL_STATUSES.map((s) => ({ value: s, label: label(s) }))}
            value={status}
            onChange={(value) => setStatus(value as EmailStatus | null)}
          />
          <Button size="xs" variant="default" loading={log.isRefetching} onClick={() => log.refetch()}>
            Refresh
          </Button>
        </Group>
      </Group>
      <PanelStatus
        error={log.error}
        pending={log.isPending}
        empty={log.isSuccess && rows.length === 0 && (status ? `No ${status} emails.` : 'No emails yet.')}
      />
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Sent emails" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Recipient</Table.Th>
                <Table.Th>Subject</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Error</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{emailWhen(e)}</Table.Td>
                  <Table.Td>{KIND_LABEL[e.kind]}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>
                    {e.toName ? `${e.toName} <${e.toAddress}>` : e.toAddress}
                  </Table.Td>
                  <Table.Td>{e.subject}</Table.Td>
                  <Table.Td>
                    <EmailStatusBadge email={e} />
                  </Table.Td>
                  <Table.Td>{e.attempts}</Table.Td>
                  <Table.Td>
                    {e.error && (
                      <Text size="xs" c="red.8">
                        {e.error}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MoreButton list={log} label="Load more" size="xs" />
    </Stack>
  );
}
