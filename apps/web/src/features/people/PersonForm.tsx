import { Alert, Button, Group, Modal, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorFor, fieldErrors } from '../../api/client';
import { RELATIONSHIP_TYPES } from '../../api/enums';
import { label } from '../../shared/format';
import { useUsers } from '../users/users';
import { type PersonView, useUpdatePerson } from './person';

type Draft = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  title: string;
  relationshipType: PersonView['relationshipType'];
  ownerId: string | null;
  tags: string[];
};

const draftOf = (p: PersonView): Draft => ({
  firstName: p.firstName ?? '',
  lastName: p.lastName ?? '',
  email: p.email ?? '',
  phone: p.phone ?? '',
  title: p.title ?? '',
  relationshipType: p.relationshipType,
  ownerId: p.ownerId,
  tags: p.tags,
});

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * Edit a person. The server validates; its field paths put each message next to its field, and
 * the input stays as typed until it is saved.
 */
export function PersonForm({
  person,
  opened,
  onClose,
}: {
  person: PersonView;
  opened: boolean;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(person));
  const update = useUpdatePerson(person.id);
  const users = useUsers();
  const errors = fieldErrors(update.error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: 'firstName' | 'lastName' | 'email' | 'phone' | 'title', name: string) => (
    <TextInput
      label={name}
      value={draft[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors[key]}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        firstName: orNull(draft.firstName),
        lastName: orNull(draft.lastName),
        email: orNull(draft.email),
        phone: orNull(draft.phone),
        title: orNull(draft.title),
        relationshipType: draft.relationshipType,
        ownerId: draft.ownerId,
        tags: draft.tags,
      },
      { onSuccess: onClose },
    );
  };
  const unplaced = update.error && Object.keys(errors).every((path) => !(path in draft));
  return (
    <Modal opened={opened} onClose={onClose} title={`Edit ${person.name}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {unplaced && (
            <Alert color="red" role="alert">
              {update.error?.message}
            </Alert>
          )}
          <Group grow>
            {text('firstName', 'First name')}
            {text('lastName', 'Last name')}
          </Group>
          {text('email', 'Email')}
          <Group grow>
            {text('phone', 'Phone')}
            {text('title', 'Job title')}
          </Group>
          <Group grow>
            <Select
              label="Relationship"
              allowDeselect={false}
              data={RELATIONSHIP_TYPES.map((t) => ({ value: t, label: label(t) }))}
              value={draft.relationshipType}
              onChange={(value) => value && set('relationshipType', value as Draft['relationshipType'])}
              error={errors.relationshipType}
            />
            <Select
              label="Owner"
              clearable
              searchable
              data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={draft.ownerId}
              onChange={(value) => set('ownerId', value)}
              error={errors.ownerId}
            />
          </Group>
          <TagsInput
            label="Tags"
            value={draft.tags}
            onChange={(tags) => set('tags', tags)}
            error={errorFor(errors, 'tags')}
          />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
