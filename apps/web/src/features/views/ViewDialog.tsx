import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { FormAlert } from '../admin/FormAlert';

export interface ViewDraft {
  name: string;
  shared: boolean;
}

/** Name a view (and, when saving a new one, share it or not); the server's messages by their field. */
export function ViewDialog(props: {
  title: string;
  submitLabel: string;
  initial: ViewDraft;
  /** Offer the share switch (new views); `canShare` false shows it off and says why. */
  withShare: boolean;
  canShare: boolean;
  saving: boolean;
  error: Error | null;
  onSubmit: (draft: ViewDraft) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(props.initial);
  const errors = fieldErrors(props.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit({ ...draft, name: draft.name.trim() });
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <form onSubmit={submit}>
        <Stack>
          <FormAlert error={props.error} fields={['name', 'visibility']} />
          <TextInput
            label="Name"
            required
            data-autofocus
            value={draft.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setDraft((d) => ({ ...d, name }));
            }}
            error={errors.name}
          />
          {props.withShare && (
            <Switch
              label="Share with the workspace"
              description={
                props.canShare
                  ? 'Everyone in the workspace sees it; only you or an admin change it.'
                  : 'Viewers keep private views.'
              }
              disabled={!props.canShare}
              checked={draft.shared}
              onChange={(e) => {
                const shared = e.currentTarget.checked;
                setDraft((d) => ({ ...d, shared }));
              }}
              error={errors.visibility}
            />
          )}
          <Group justify="end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={props.saving}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
