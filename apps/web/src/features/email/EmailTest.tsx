import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { useSendTestEmail } from './email';

/** Sends a test email now through the stored settings and shows what the SMTP server answered. */
export function EmailTest({ ready }: { ready: boolean }) {
  const [to, setTo] = useState('');
  const send = useSendTestEmail();
  const errors = fieldErrors(send.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(to.trim());
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Send a test email">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Send a test email
        </Title>
        {!ready && (
          <Text size="sm" c="dimmed">
            Save an SMTP server with sending on first.
          </Text>
        )}
        {send.isSuccess && (
          <Alert color="green" role="status" title={`Test email sent to ${send.variables}`}>
            The SMTP server answered: {send.data.response ?? 'nothing'}
            {send.data.messageId && ` (message ${send.data.messageId})`}
          </Alert>
        )}
        {send.error && (
          <Alert color="red" role="alert" title="The test email was not sent">
            {send.error.message}
          </Alert>
        )}
        <Group align="end" gap="xs">
          <TextInput
            label="Test address"
            placeholder="you@example.com"
            type="email"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={errors.to}
            flex={1}
            miw={200}
          />
          <Button type="submit" loading={send.isPending} disabled={!ready}>
            Send test email
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
