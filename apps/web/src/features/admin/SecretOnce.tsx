import { Alert, Button, CopyButton, Group, Stack, TextInput } from '@mantine/core';

/** A secret shown once (an API key, a webhook signing secret) with a copy button. */
export function SecretOnce({
  title,
  label,
  secret,
  onClose,
}: {
  title: string;
  label: string;
  secret: string;
  onClose: () => void;
}) {
  return (
    <Alert color="green" title={title} withCloseButton onClose={onClose}>
      <Stack gap="xs">
        Copy it now: it is shown only once.
        <Group gap="xs" wrap="nowrap" align="end">
          <TextInput
            label={label}
            readOnly
            value={secret}
            onFocus={(e) => e.currentTarget.select()}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            flex={1}
          />
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
