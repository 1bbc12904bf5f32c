import { Alert, Button, Group, Modal, Select, Stack, TagsInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorFor, fieldErrors } from '../api/client';
import { useUsers } from '../features/users/users';
import type { BulkAction } from './bulk';

export type BulkMode = BulkAction['type'];

const TITLES: Record<BulkMode, [title: string, button: string]> = {
  addTags: ['Add tags to', 'Add tags'],
  removeTags: ['Remove tags from', 'Remove tags'],
  setOwner: ['Assign an owner to', 'Assign owner'],
};

const NO_OWNER = 'none';

/** The dialog of one bulk action: the tags to add or remove, or the owner to assign. */
export function BulkDialog(props: {
  mode: BulkMode;
  /** "2 people", "all 1,234 matching companies". */
  what: string;
  pending: boolean;
  error: Error | null;
  onApply: (action: BulkAction) => void;
  onClose: () => void;
}) {
  const { mode } = props;
  const [tags, setTags] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const users = useUsers();
  const errors = fieldErrors(props.error);
  const [title, button] = TITLES[mode];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'setOwner') {
      if (owner) props.onApply({ type: mode, ownerId: owner === NO_OWNER ? null : owner });
      return;
    }
    // A tag typed but not yet confirmed with Enter counts too.
    const all = [...new Set([...tags, typed].map((tag) => tag.trim()).filter(Boolean))];
    if (all.length) props.onApply({ type: mode, tags: all });
  };
  const fieldError = errorFor(errors, mode === 'setOwner' ? 'action.ownerId' : 'action.tags');
  const other = props.error && !fieldError ? props.error.message : null;
  return (
    <Modal opened onClose={props.onClose} title={`${title} ${props.what}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          {other && (
            <Alert color="red" role="alert">
              {other}
            </Alert>
          )}
          {mode === 'setOwner' ? (
            <Select
              label="Owner"
              placeholder="Choose a user"
              searchable
              data={[
                { value: NO_OWNER, label: 'No owner' },
                ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name })),
              ]}
              value={owner}
              onChange={setOwner}
              error={fieldError}
              data-autofocus
            />
          ) : (
            <TagsInput
              label="Tags"
              description="Press Enter after each tag."
              placeholder="e.g. vip"
              value={tags}
              onChange={setTags}
              searchValue={typed}
              onSearchChange={setTyped}
              error={fieldError}
              data-autofocus
            />
          )}
          <Group justify="end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={props.pending}>
              {button}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
