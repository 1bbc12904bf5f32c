import { Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { ROLES } from '../../api/enums';
import { label } from '../../shared/format';
import { type Role, useCreateApiKey } from './admin';
import { FormAlert } from './FormAlert';
import { SecretOnce } from './SecretOnce';

/** A new API key; its secret is shown once, here, with a copy button. */
export function ApiKeyCreate() {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const create = useCreateApiKey();
  const errors = fieldErrors(create.error);
  const created = create.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, role }, { onSuccess: () => setName('') });
  };
  return (
    <Stack gap="xs">
      {created && (
        <SecretOnce
          title={`Key "${created.name}" created`}
          label="The new key"
          secret={created.key}
          onClose={create.reset}
        />
      )}
      <form onSubmit={submit} noValidate aria-label="New API key">
        <Stack gap="xs">
          <Title order={3} size="h5">
            New API key
          </Title>
          <FormAlert error={create.error} fields={['name', 'role', 'expiresAt']} />
          <Group grow align="start">
            <TextInput
              label="Key name"
              description='What it is for, e.g. "Shop sync"'
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <Select
              label="Key role"
              allowDeselect={false}
              data={ROLES.map((r) => ({ value: r, label: label(r) }))}
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              error={errors.role}
            />
          </Group>
          <Group justify="end">
            <Button type="submit" loading={create.isPending}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
