import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call, errorFor, fieldErrors, type Schemas } from '../../api/client';
import { CHANNELS, DIRECTIONS } from '../../api/enums';
import { type About, aboutId } from '../../shared/about';
import { label } from '../../shared/format';
import { useRefreshRecord } from '../../shared/refresh';

type Create = Schemas['InteractionCreate'];

/** Log a call, meeting, email… with this person or company; it lands on the timeline at once. */
export function LogInteraction(props: { about: About; opened: boolean; onClose: () => void }) {
  const { about, opened, onClose } = props;
  const empty = {
    channel: 'phone' as Create['channel'],
    direction: 'outbound' as Create['direction'],
    subject: '',
    body: '',
    occurredAt: '',
  };
  const [draft, setDraft] = useState(empty);
  const refresh = useRefreshRecord(aboutId(about));
  const save = useMutation({
    mutationFn: (body: Create) => call(api.POST('/api/v1/interactions', { body })),
    onSuccess: async () => {
      await refresh();
      setDraft(empty);
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  const edit = (key: 'subject' | 'body' | 'occurredAt', value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      channel: draft.channel,
      direction: draft.direction,
      subject: draft.subject.trim() || null,
      body: draft.body.trim() || null,
      ...(about.personId
        ? { people: [{ personId: about.personId, role: 'participant' as const }] }
        : { companyId: about.companyId }),
      ...(draft.occurredAt ? { occurredAt: new Date(draft.occurredAt).toISOString() } : {}),
    });
  };
  const placed = ['channel', 'direction', 'subject', 'body', 'occurredAt'];
  return (
    <Modal opened={opened} onClose={onClose} title="Log interaction" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.error && !placed.some((p) => errors[p]) && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <Group grow>
            <Select
              label="Channel"
              data-autofocus
              allowDeselect={false}
              data={CHANNELS.map((c) => ({ value: c, label: label(c) }))}
              value={draft.channel}
              onChange={(v) => v && setDraft((d) => ({ ...d, channel: v as Create['channel'] }))}
              error={errors.channel}
            />
            <Select
              label="Direction"
              allowDeselect={false}
              data={DIRECTIONS.map((c) => ({ value: c, label: label(c) }))}
              value={draft.direction}
              onChange={(v) => v && setDraft((d) => ({ ...d, direction: v as Create['direction'] }))}
              error={errors.direction}
            />
            <TextInput
              label="When"
              type="datetime-local"
              description="Empty: now"
              value={draft.occurredAt}
              onChange={(e) => edit('occurredAt', e.currentTarget.value)}
              error={errors.occurredAt}
            />
          </Group>
          <TextInput
            label="Subject"
            value={draft.subject}
            onChange={(e) => edit('subject', e.currentTarget.value)}
            error={errors.subject}
          />
          <Textarea
            label="What was said"
            autosize
            minRows={4}
            value={draft.body}
            onChange={(e) => edit('body', e.currentTarget.value)}
            error={errorFor(errors, 'body')}
          />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Log it
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
