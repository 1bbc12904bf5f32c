import { Button, Group, Stack, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { FormAlert } from '../admin/FormAlert';
import { SecretOnce } from '../admin/SecretOnce';
import { toBody, WEBHOOK_FIELDS, type WebhookDraft, WebhookFields } from './WebhookFields';
import { useCreateWebhook } from './webhooks';

const EMPTY: WebhookDraft = { url: '', description: '', eventTypes: [] };

/** A new subscription; its signing secret is shown once, here. */
export function WebhookCreate() {
  const [draft, setDraft] = useState(EMPTY);
  const create = useCreateWebhook();
  const created = create.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { description, ...rest } = toBody(draft);
    create.mutate({ ...rest, ...(description ? { description } : {}) }, { onSuccess: () => setDraft(EMPTY) });
  };
  return (
    <Stack gap="xs">
      {created && (
        <SecretOnce
          title={`Webhook to ${created.url} created`}
          label="Signing secret"
          secret={created.secret}
          onClose={create.reset}
        />
      )}
      <form onSubmit={submit} noValidate aria-label="New webhook">
        <Stack gap="xs">
          <Title order={3} size="h5">
            New webhook
          </Title>
          <FormAlert error={create.error} fields={WEBHOOK_FIELDS} />
          <WebhookFields draft={draft} onChange={setDraft} errors={fieldErrors(create.error)} />
          <Group justify="end">
            <Button type="submit" loading={create.isPending}>
              Create webhook
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
