import { Alert, Group, Modal, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorFor, fieldErrors } from '../../api/client';
import { FormButtons, RecordFields } from '../../shared/RecordFields';
import { type PersonView, useSavePerson } from './person';

type Draft = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  title: string;
  relationshipType: PersonView['relationshipType'];
  ownerId: string | null;
  tags: string[];
  /** `network:handle` items (or profile URLs). */
  socialHandles: string[];
};

const draftOf = (p: PersonView | undefined): Draft => ({
  firstName: p?.firstName ?? '',
  lastName: p?.lastName ?? '',
  email: p?.email ?? '',
  phone: p?.phone ?? '',
  title: p?.title ?? '',
  relationshipType: p?.relationshipType ?? 'customer',
  ownerId: p?.ownerId ?? null,
  tags: p?.tags ?? [],
  socialHandles: Object.entries(p?.socialHandles ?? {}).map(([network, handle]) => `${network}:@${handle}`),
});

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** `x:@ada_l` or a profile URL (`https://instagram.com/ada`) into network → handle; the server normalises. */
function handlesOf(items: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const url = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+)\.[a-z]+\//i.exec(item.trim());
    const pair = /^([^:\s/]+)\s*:\s*(.+)$/.exec(item.trim());
    if (pair && !pair[2]!.startsWith('//')) out[pair[1]!] = pair[2]!;
    else if (url) out[url[1]!.toLowerCase()] = item.trim();
    else out[item.trim()] = ''; // refused by the server, with this item as the path
  }
  return out;
}

/**
 * Edit a person, or create one (no `person`). The server validates; its field paths put each message next to its field, and
 * the input stays as typed until it is saved.
 */
export function PersonForm({
  person,
  opened,
  onClose,
  onSaved,
}: {
  person?: PersonView;
  opened: boolean;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(person));
  const update = useSavePerson(person?.id);
  const errors = fieldErrors(update.error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: 'firstName' | 'lastName' | 'email' | 'phone' | 'title', name: string) => (
    <TextInput
      label={name}
      // The dialog opens with the focus in its first field.
      data-autofocus={key === 'firstName' || undefined}
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
        socialHandles: handlesOf(draft.socialHandles),
      },
      {
        onSuccess: (saved) => {
          if (!person) setDraft(draftOf(undefined));
          onClose();
          onSaved?.(saved.id);
        },
      },
    );
  };
  const unplaced = update.error && Object.keys(errors).every((path) => !(path in draft));
  return (
    <Modal opened={opened} onClose={onClose} title={person ? `Edit ${person.name}` : 'New person'} size="lg">
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
          <TagsInput
            label="Social handles"
            description="network:@handle, e.g. instagram:@ada.brews, or a profile URL"
            value={draft.socialHandles}
            onChange={(value) => set('socialHandles', value)}
            error={errorFor(errors, 'socialHandles')}
          />
          <RecordFields
            draft={draft}
            set={(patch) => setDraft((d) => ({ ...d, ...patch }))}
            errors={errors}
          />
          <FormButtons onCancel={onClose} saving={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
