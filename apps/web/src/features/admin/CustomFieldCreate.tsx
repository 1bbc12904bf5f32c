import { Button, Checkbox, Group, Select, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorFor, fieldErrors } from '../../api/client';
import { ENTITIES, FIELD_TYPES } from '../../api/enums';
import { label } from '../../shared/format';
import { type CustomFieldCreate as Draft, useCreateCustomField } from './admin';
import { FormAlert } from './FormAlert';

const EMPTY: Draft = { entity: 'person', key: '', label: '', type: 'text', options: [], required: false };
/** `select` reads as "Single select" beside "Multi select". */
export const typeLabel = (type: string) => (type === 'select' ? 'Single select' : label(type));
export const selects = (type: string) => type === 'select' || type === 'multi_select';

/** Defines a custom field for people or companies; select types take their options. */
export function CustomFieldCreate() {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const create = useCreateCustomField();
  const errors = fieldErrors(create.error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { ...draft, options: selects(draft.type) ? draft.options : [] };
    create.mutate(body, { onSuccess: () => setDraft(EMPTY) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New custom field">
      <Stack gap="xs">
        <Title order={3} size="h5">
          New custom field
        </Title>
        <FormAlert error={create.error} fields={Object.keys(EMPTY)} />
        <Group grow align="start">
          <Select
            label="For"
            allowDeselect={false}
            data={ENTITIES.map((e) => ({ value: e, label: e === 'person' ? 'People' : 'Companies' }))}
            value={draft.entity}
            onChange={(value) => value && set('entity', value as Draft['entity'])}
            error={errors.entity}
          />
          <Select
            label="Type"
            allowDeselect={false}
            data={FIELD_TYPES.map((t) => ({ value: t, label: typeLabel(t) }))}
            value={draft.type}
            onChange={(value) => value && set('type', value as Draft['type'])}
            error={errors.type}
          />
        </Group>
        <Group grow align="start">
          <TextInput
            label="Key"
            description="Lowercase letters, digits and _"
            value={draft.key}
            onChange={(e) => set('key', e.currentTarget.value)}
            error={errors.key}
          />
          <TextInput
            label="Label"
            value={draft.label}
            onChange={(e) => set('label', e.currentTarget.value)}
            error={errors.label}
          />
        </Group>
        {selects(draft.type) && (
          <TagsInput
            label="Options"
            description="Press Enter after each option"
            value={draft.options ?? []}
            onChange={(options) => set('options', options)}
            error={errorFor(errors, 'options')}
          />
        )}
        <Checkbox
          label="Required"
          checked={draft.required ?? false}
          onChange={(e) => set('required', e.currentTarget.checked)}
          error={errors.required}
        />
        <Group justify="end">
          <Button type="submit" loading={create.isPending}>
            Define field
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
