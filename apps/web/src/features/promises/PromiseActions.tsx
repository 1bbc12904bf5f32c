import {
  Alert,
  Button,
  Checkbox,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call, fieldErrors } from '../../api/client';
import { type CustomerPromise, isoOf, localOf, useBreak, useKeep, useRenegotiate } from './promises';

/** Kept, broken, a new date, a message for the customer: what an open promise's owner can do. */
export function PromiseActions({ p }: { p: CustomerPromise }) {
  const keep = useKeep();
  const broke = useBreak();
  const [moving, move] = useDisclosure();
  const [drafting, draft] = useDisclosure();
  if (p.status !== 'open' && p.status !== 'renegotiated') return null;
  const error = keep.error ?? broke.error;
  const what = `“${p.what}”`;
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap">
        <Button
          size="compact-xs"
          variant="light"
          color="teal"
          aria-label={`Kept: ${p.what}`}
          loading={keep.isPending}
          onClick={() => keep.mutate(p.id)}
        >
          Kept
        </Button>
        <Button
          size="compact-xs"
          variant="light"
          color="red"
          aria-label={`Broken: ${p.what}`}
          loading={broke.isPending}
          onClick={() => broke.mutate(p.id)}
        >
          Broken
        </Button>
        <Button size="compact-xs" variant="default" aria-label={`New date: ${p.what}`} onClick={move.open}>
          New date
        </Button>
        {p.atRisk && (
          <Button
            size="compact-xs"
            variant="subtle"
            aria-label={`Tell the customer: ${p.what}`}
            onClick={draft.open}
          >
            Tell the customer
          </Button>
        )}
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error.message}
        </Text>
      )}
      {moving && <Renegotiate p={p} what={what} onClose={move.close} />}
      {drafting && <AtRiskDraft p={p} what={what} onClose={draft.close} />}
    </Stack>
  );
}

/** A new due date with the reason (required) and whether the customer was told. */
function Renegotiate({ p, what, onClose }: { p: CustomerPromise; what: string; onClose: () => void }) {
  const save = useRenegotiate();
  const [due, setDue] = useState(localOf(p.dueAt));
  const [reason, setReason] = useState('');
  const [told, setTold] = useState(false);
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id: p.id, dueAt: isoOf(due), reason, toldCustomer: told }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={`New date for ${what}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.error && !['dueAt', 'reason', 'toldCustomer'].some((k) => errors[k]) && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <TextInput
            label="New due date"
            type="datetime-local"
            data-autofocus
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            error={errors.dueAt}
          />
          <Textarea
            label="Reason"
            description="Why the date moves (required)"
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <Checkbox
            label="I told the customer"
            checked={told}
            onChange={(e) => setTold(e.currentTarget.checked)}
            error={errors.toldCustomer}
          />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Move the date
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The drafted message that tells the customer upfront that the promise is at risk. */
function AtRiskDraft({ p, what, onClose }: { p: CustomerPromise; what: string; onClose: () => void }) {
  const draft = useQuery({
    queryKey: ['promise', p.id, 'at-risk-draft'],
    queryFn: () =>
      call(api.GET('/api/v1/promises/{id}/at-risk-draft', { params: { path: { id: p.id }, query: {} } })),
  });
  const [body, setBody] = useState<string | null>(null);
  const text = body ?? draft.data?.body ?? '';
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: (subject: string) =>
      call(
        api.POST('/api/v1/promises/{id}/messages', {
          params: { path: { id: p.id } },
          body: { subject, body: text },
        }),
      ),
    onSuccess: () =>
      Promise.all(['timeline', 'emails'].map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
  return (
    <Modal opened onClose={onClose} title={`Tell the customer about ${what}`} size="lg">
      <Stack>
        {draft.error && (
          <Alert color="red" role="alert">
            {draft.error.message}
          </Alert>
        )}
        {draft.data && (
          <>
            <Text size="sm" fw={600}>
              {draft.data.subject}
            </Text>
            <Textarea
              label="Message"
              autosize
              minRows={6}
              value={text}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Group justify="end">
              <CopyButton value={`${draft.data.subject}\n\n${text}`}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy message'}
                  </Button>
                )}
              </CopyButton>
              {p.personId && (
                <Button
                  loading={send.isPending}
                  disabled={send.isSuccess}
                  onClick={() => send.mutate(draft.data.subject)}
                >
                  Email to {p.personName ?? 'the customer'}
                </Button>
              )}
            </Group>
            {send.isSuccess && (
              <Text size="sm" c="teal.9" role="status">
                Emailed (it goes out in a moment) and logged on the customer's timeline.
              </Text>
            )}
            {send.error && (
              <Text size="sm" c="red" role="alert">
                {send.error.message}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
