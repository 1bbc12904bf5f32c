import { Card, Stack, Text } from '@mantine/core';
import { PanelStatus } from '../admin/PanelStatus';
import { EmailSettingsForm } from './EmailSettingsForm';
import { EmailTest } from './EmailTest';
import { useEmailSettings } from './email';
import { SentEmails } from './SentEmails';

/** Outgoing email: the SMTP server, a test message, and the emails Rapport sent with their state. */
export function EmailPanel() {
  const settings = useEmailSettings();
  const s = settings.data;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Rapport emails the CSAT invitation when a case is resolved and, when someone asks, a case's status
        link or a survey's invitations, through this workspace's SMTP server. A background job sends them and
        retries when the server is not reachable.
      </Text>
      <PanelStatus error={settings.error} pending={settings.isPending} />
      {s && (
        <>
          <Card withBorder>
            <EmailSettingsForm settings={s} />
          </Card>
          <Card withBorder>
            <EmailTest ready={s.configured && s.enabled} />
          </Card>
        </>
      )}
      <SentEmails />
    </Stack>
  );
}
