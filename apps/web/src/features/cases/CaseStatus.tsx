import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorFor, fieldErrors, type Schemas } from '../../api/client';
import { CASE_TRANSITIONS } from '../../api/enums';
import { FormAlert } from '../admin/FormAlert';
import { SecretOnce } from '../admin/SecretOnce';
import { type Case, type CaseStatus, transitionLabel, useRootCauses, useTransition } from './cases';

type FollowUp = Schemas['CaseFollowUp'];

/**
 * The moves the status flow allows from here, as buttons (the others are not offered). Resolving
 * asks for the resolution and the root cause, then shows what became of the CSAT follow-up.
 */
export function CaseStatusActions({ c, writable }: { c: Case; writable: boolean }) {
  const move = useTransition(c.id);
  const [resolving, setResolving] = useState(false);
  const [followUp, setFollowUp] = useState<FollowUp | null>(null);
  const ways = CASE_TRANSITIONS[c.status] as readonly CaseStatus[];
  const go = (to: CaseStatus) =>
    move.mutate({ to }, { onSuccess: (result) => result.followUp && setFollowUp(result.followUp) });
  return (
    <Stack gap="xs">
      {writable && (
        <Group gap="xs" role="group" aria-label="Change status">
          {ways.map((to) => (
            <Button
              key={to}
              size="sm"
              variant={to === 'resolved' ? 'filled' : 'default'}
              loading={move.isPending && move.variables?.to === to}
              onClick={() => (to === 'resolved' ? setResolving(true) : go(to))}
            >
              {transitionLabel(c.status, to)}
            </Button>
          ))}
        </Group>
      )}
      {move.error && !resolving && (
        <Alert color="red" role="alert">
          {move.error.message}
        </Alert>
      )}
      {followUp && <FollowUpNote followUp={followUp} onClose={() => setFollowUp(null)} />}
      <ResolveForm
        c={c}
        opened={resolving}
        onClose={() => setResolving(false)}
        onResolved={(f) => {
          setResolving(false);
          setFollowUp(f);
        }}
      />
    </Stack>
  );
}

function FollowUpNote({ followUp, onClose }: { followUp: FollowUp; onClose: () => void }) {
  if (followUp.link)
    return (
      <Stack gap={4}>
        <Text size="sm">{followUp.message}</Text>
        <SecretOnce
          title="CSAT follow-up"
          label="CSAT survey link"
          secret={followUp.link}
          onClose={onClose}
        />
      </Stack>
    );
  return (
    <Alert color="blue" title="CSAT follow-up" withCloseButton onClose={onClose}>
      {followUp.message}
    </Alert>
  );
}

function ResolveForm(props: {
  c: Case;
  opened: boolean;
  onClose: () => void;
  onResolved: (followUp: FollowUp | null) => void;
}) {
  const { c } = props;
  const move = useTransition(c.id);
  const causes = useRootCauses();
  const [resolution, setResolution] = useState(c.resolution ?? '');
  const [cause, setCause] = useState<string | null>(c.rootCauseId);
  const errors = fieldErrors(move.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    move.mutate(
      {
        to: 'resolved',
        ...(resolution.trim() ? { resolution: resolution.trim() } : {}),
        ...(cause ? { rootCauseId: cause } : {}),
      },
      { onSuccess: (result) => props.onResolved(result.followUp) },
    );
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Resolve the case">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={move.error} fields={['resolution', 'rootCauseId']} />
          <Textarea
            label="Resolution"
            description="What was done; the customer sees that the case is resolved."
            data-autofocus
            autosize
            minRows={3}
            value={resolution}
            onChange={(e) => setResolution(e.currentTarget.value)}
            error={errorFor(errors, 'resolution')}
          />
          <Select
            label="Root cause"
            placeholder="Not known"
            clearable
            data={(causes.data ?? [])
              .filter((r) => !r.archived || r.id === cause)
              .map((r) => ({ value: r.id, label: r.name }))}
            value={cause}
            onChange={setCause}
            error={errors.rootCauseId}
          />
          <Text size="xs" c="dimmed">
            Resolving sends the CSAT survey set in the service settings, when there is one.
          </Text>
          <Group justify="end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={move.isPending}>
              Resolve
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
