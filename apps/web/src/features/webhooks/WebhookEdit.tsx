import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { FormButtons } from '../../shared/RecordFields';
import { FormAlert } from '../admin/FormAlert';
import { SecretOnce } from '../admin/SecretOnce';
import { toBody, WEBHOOK_FIELDS, WebhookFields } from './WebhookFields';
import { useRotateSecret, useUpdateWebhook, type Webhook } from './webhooks';

/** Changes a subscription's URL, description and events, or gives it a new signing secret. */
export function WebhookEdit({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const [draft, setDraft] = useState({
    url: webhook.url,
    description: webhook.description ?? '',
    eventTypes: [...webhook.eventTypes] as string[],
  });
  const update = useUpdateWebhook();
  const rotate = useRotateSecret();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: webhook.id, body: toBody(draft) }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title="Edit webhook" size="lg">
      <form onSubmit={submit} noValidate aria-label="Edit webhook">
        <Stack gap="xs">
          <FormAlert error={update.error ?? rotate.error} fields={WEBHOOK_FIELDS} />
          <WebhookFields draft={draft} onChange={setDraft} errors={fieldErrors(update.error)} />
          {rotate.data ? (
            <SecretOnce
              title="New signing secret"
              label="Signing secret"
              secret={rotate.data.secret}
              onClose={rotate.reset}
            />
          ) : (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                Secret starts with {webhook.secretPrefix}…
              </Text>
              <Button
                size="xs"
                variant="light"
                loading={rotate.isPending}
                onClick={() => rotate.mutate(webhook.id)}
              >
                New signing secret
              </Button>
            </Group>
          )}
          <FormButtons onCancel={onClose} saving={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
