import { Alert, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { FormButtons, RecordFields } from '../../shared/RecordFields';
import { type CompanyView, useSaveCompany } from './company';

type Draft = {
  name: string;
  domain: string;
  industry: string;
  relationshipType: CompanyView['relationshipType'];
  ownerId: string | null;
  tags: string[];
};

const draftOf = (c: CompanyView | undefined): Draft => ({
  name: c?.name ?? '',
  domain: c?.domain ?? '',
  industry: c?.industry ?? '',
  relationshipType: c?.relationshipType ?? 'customer',
  ownerId: c?.ownerId ?? null,
  tags: c?.tags ?? [],
});

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Edit a company, or create one (no `company`); the server's messages sit next to their fields. */
export function CompanyForm(props: {
  company?: CompanyView;
  opened: boolean;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { company, opened, onClose, onSaved } = props;
  const [draft, setDraft] = useState(() => draftOf(company));
  const save = useSaveCompany(company?.id);
  const errors = fieldErrors(save.error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: 'name' | 'domain' | 'industry', name: string) => (
    <TextInput
      label={name}
      // The dialog opens with the focus in its first field.
      data-autofocus={key === 'name' || undefined}
      value={draft[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors[key]}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        name: draft.name.trim(),
        domain: orNull(draft.domain),
        industry: orNull(draft.industry),
        relationshipType: draft.relationshipType,
        ownerId: draft.ownerId,
        tags: draft.tags,
      },
      {
        onSuccess: (saved) => {
          if (!company) setDraft(draftOf(undefined));
          onClose();
          onSaved?.(saved.id);
        },
      },
    );
  };
  const unplaced = save.error && Object.keys(errors).every((path) => !(path.split('.')[0]! in draft));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={company ? `Edit ${company.name}` : 'New company'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {unplaced && (
            <Alert color="red" role="alert">
              {save.error?.message}
            </Alert>
          )}
          {text('name', 'Name')}
          <Group grow>
            {text('domain', 'Domain')}
            {text('industry', 'Industry')}
          </Group>
          <RecordFields
            draft={draft}
            set={(patch) => setDraft((d) => ({ ...d, ...patch }))}
            errors={errors}
          />
          <FormButtons onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
