import {
  Alert,
  Button,
  Card,
  CopyButton,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { type Case, useRefreshCase, useTransition } from './cases';

/**
 * The drafted acknowledgement that names what went wrong: edit it, then email it from Rapport
 * (through Admin > Email's server), or copy it into your mail and log it as sent. Either way it is
 * an outbound email on the customer's timeline, and a new case is acknowledged with it.
 */
export function CaseAcknowledgement({ c }: { c: Case }) {
  const draft = useQuery({
    queryKey: ['case', c.id, 'acknowledgement'],
    queryFn: () =>
      call(api.GET('/api/v1/cases/{id}/acknowledgement-draft', { params: { path: { id: c.id } } })),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <Card withBorder component="section" aria-label="Acknowledgement">
      <Title order={2} size="h5" mb="xs">
        Acknowledgement
      </Title>
      {draft.error && (
        <Alert color="red" role="alert">
          {draft.error.message}
        </Alert>
      )}
      {draft.data && (
        <DraftEditor c={c} subject={draft.data.subject} body={draft.data.body} basedOn={draft.data.basedOn} />
      )}
    </Card>
  );
}

function DraftEditor(props: { c: Case; subject: string; body: string; basedOn: string[] }) {
  const { c } = props;
  const [subject, setSubject] = useState(props.subject);
  const [body, setBody] = useState(props.body);
  const refresh = useRefreshCase();
  const client = useQueryClient();
  const acknowledge = useTransition(c.id);
  const log = useMutation({
    mutationFn: async () => {
      const about = c.personId ? { people: [{ personId: c.personId, role: 'participant' as const }] } : {};
      await call(
        api.POST('/api/v1/interactions', {
          body: {
            channel: 'email',
            direction: 'outbound',
            subject,
            body,
            ...about,
            ...(c.companyId ? { companyId: c.companyId } : {}),
          },
        }),
      );
      if (c.status === 'new') await acknowledge.mutateAsync({ to: 'acknowledged' });
    },
    onSuccess: () => refresh(c),
  });
  const emailIt = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/cases/{id}/messages', { params: { path: { id: c.id } }, body: { subject, body } }),
      ),
    onSuccess: () => Promise.all([refresh(c), client.invalidateQueries({ queryKey: ['emails'] })]),
  });
  const customer = !!(c.personId || c.companyId);
  const done = log.isSuccess || emailIt.isSuccess;
  const failed = emailIt.error ?? log.error;
  return (
    <Stack gap="xs">
      {props.basedOn.length > 0 && (
        <Text size="xs" c="dimmed">
          Drafted from: {props.basedOn.join(', ')}
        </Text>
      )}
      <TextInput label="Subject" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
      <Textarea
        label="Message"
        autosize
        minRows={5}
        maxRows={14}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      <Group justify="end" gap="xs">
        <CopyButton value={`${subject}\n\n${body}`}>
          {({ copied, copy }) => (
            <Button size="sm" variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy message'}
            </Button>
          )}
        </CopyButton>
        {customer && (
          <Button size="sm" variant="light" loading={log.isPending} onClick={() => log.mutate()}>
            {c.status === 'new' ? 'Log as sent and acknowledge' : 'Log as sent'}
          </Button>
        )}
        {c.personId && (
          <Button size="sm" loading={emailIt.isPending} onClick={() => emailIt.mutate()} disabled={done}>
            Email to {c.personName ?? 'the customer'}
          </Button>
        )}
      </Group>
      {done && (
        <Text size="sm" c="teal.9" role="status">
          {emailIt.isSuccess
            ? "Emailed (it goes out in a moment, see Emails) and logged on the customer's timeline."
            : "Logged as an outbound email on the customer's timeline."}
        </Text>
      )}
      {failed && (
        <Text size="sm" c="red" role="alert">
          {failed.message}
        </Text>
      )}
    </Stack>
  );
}
