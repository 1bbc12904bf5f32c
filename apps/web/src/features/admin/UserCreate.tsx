import { Button, Group, PasswordInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { ROLES } from '../../api/enums';
import { label } from '../../shared/format';
import { type UserCreate as Draft, type Role, useCreateUser } from './admin';
import { FormAlert } from './FormAlert';

const EMPTY: Draft = { email: '', name: '', password: '', role: 'agent' };

/** A new user of this workspace; the server's messages stand next to their fields. */
export function UserCreate() {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const create = useCreateUser();
  const errors = fieldErrors(create.error);
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(draft, { onSuccess: () => setDraft(EMPTY) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New user">
      <Stack gap="xs">
        <Title order={3} size="h5">
          New user
        </Title>
        <FormAlert error={create.error} fields={Object.keys(EMPTY)} />
        <Group grow align="start">
          <TextInput
            label="Name"
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label="Email"
            type="email"
            value={draft.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.email}
          />
        </Group>
        <Group grow align="start">
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            value={draft.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errors.password}
            aria-invalid={!!errors.password}
          />
          <Select
            label="Role"
            allowDeselect={false}
            data={ROLES.map((r) => ({ value: r, label: label(r) }))}
            value={draft.role}
            onChange={(value) => value && set('role', value as Role)}
            error={errors.role}
          />
        </Group>
        <Group justify="end">
          <Button type="submit" loading={create.isPending}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
