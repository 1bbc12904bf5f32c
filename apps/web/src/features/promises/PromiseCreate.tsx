import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { canWrite, useMe } from '../../session/session';
import type { About } from '../../shared/about';
import { FormAlert } from '../admin/FormAlert';
import { type PromiseCreate as Body, isoOf, useCreatePromise } from './promises';

export interface PromiseContext {
  caseId?: string;
  interactionId?: string;
  about?: About;
}

/**
 * Record a promise made to a customer: what, and by when (required: the API's message shows at the
 * field). From a case or a conversation, the customer comes from it.
 */
export function PromiseCreate(props: { opened: boolean; onClose: () => void; context: PromiseContext }) {
  const { context } = props;
  const [what, setWhat] = useState('');
  const [due, setDue] = useState('');
  const [team, setTeam] = useState('');
  const create = useCreatePromise();
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      what: what.trim(),
      ...(due ? { dueAt: isoOf(due) } : {}),
      ...(team.trim() ? { team: team.trim() } : {}),
      ...(context.caseId ? { caseId: context.caseId } : {}),
      ...(context.interactionId ? { interactionId: context.interactionId } : {}),
      ...(context.about?.personId ? { personId: context.about.personId } : {}),
      ...(context.about?.companyId ? { companyId: context.about.companyId } : {}),
    } as Body;
    create.mutate(body, {
      onSuccess: () => {
        setWhat('');
        setDue('');
        props.onClose();
      },
    });
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Make a promise">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={create.error} fields={['what', 'dueAt', 'team']} />
          <Textarea
            label="What was promised"
            description="In words the customer would recognise"
            data-autofocus
            autosize
            minRows={2}
            value={what}
            onChange={(e) => setWhat(e.currentTarget.value)}
            error={errors.what}
          />
          <TextInput
            label="Due"
            type="datetime-local"
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            error={errors.dueAt}
          />
          <TextInput
            label="Team"
            value={team}
            onChange={(e) => setTeam(e.currentTarget.value)}
            error={errors.team}
          />
          <Text size="xs" c="dimmed">
            You are its owner: you are reminded before it is due, and an open promise past its date counts as
            broken.
          </Text>
          <Group justify="end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Record promise
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Make a promise" beside a case or a conversation, for those who may write. */
export function MakePromiseButton({
  context,
  size = 'compact-xs',
}: {
  context: PromiseContext;
  size?: string;
}) {
  const [opened, open] = useDisclosure();
  if (!canWrite(useMe().data)) return null;
  return (
    <>
      <Button size={size} variant={size === 'compact-xs' ? 'subtle' : 'light'} onClick={open.open}>
        Make a promise
      </Button>
      {opened && <PromiseCreate opened={opened} onClose={open.close} context={context} />}
    </>
  );
}
