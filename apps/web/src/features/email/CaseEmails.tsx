import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { MoreButton } from '../../shared/MoreButton';
import { PanelStatus } from '../admin/PanelStatus';
import { KIND_LABEL, useEmails } from './email';
import { EmailStatusBadge, emailWhen } from './SentEmails';

/** The emails a case sent its customer (CSAT invitation, status link), newest first, with their state. */
export function CaseEmails({ caseId }: { caseId: string }) {
  const log = useEmails({ caseId }, 5);
  const rows = log.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Card withBorder component="section" aria-label="Emails">
      <Title order={2} size="h5" mb="xs">
        Emails
      </Title>
      <PanelStatus
        error={log.error}
        pending={log.isPending}
        empty={log.isSuccess && rows.length === 0 && 'No email sent from this case.'}
      />
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((e) => (
          <li key={e.id}>
            <Group justify="space-between" wrap="nowrap" gap="xs" align="start">
              <div>
                <Text size="sm">{e.subject}</Text>
                <Text size="xs" c="dimmed">
                  {KIND_LABEL[e.kind]} to {e.toName ?? e.toAddress} · {emailWhen(e)}
                </Text>
                {e.error && (
                  <Text size="xs" c="red.8">
                    {e.error}
                  </Text>
                )}
              </div>
              <EmailStatusBadge email={e} />
            </Group>
          </li>
        ))}
      </Stack>
      <MoreButton list={log} label="Older emails" size="xs" />
    </Card>
  );
}
