import { Alert, Button, Code, Group, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { FormAlert } from '../admin/FormAlert';
import { serverUrl, useCreateSource } from './sources';

/** A new source, and how to point an SDK at it. */
export function SourceCreate() {
  const [name, setName] = useState('');
  const create = useCreateSource();
  const errors = fieldErrors(create.error);
  const created = create.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name }, { onSuccess: () => setName('') });
  };
  return (
    <Stack gap="xs">
      {created && (
        <Alert
          color="green"
          title={`Source "${created.name}" created`}
          withCloseButton
          onClose={create.reset}
        >
          Send to it from Node.js:
          <Code block mt="xs">
            {`import { Analytics } from '@segment/analytics-node';\nconst analytics = new Analytics({ writeKey: '${created.writeKey}', host: '${serverUrl()}' });`}
          </Code>
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label="New source">
        <Stack gap="xs">
          <Title order={3} size="h5">
            New source
          </Title>
          <FormAlert error={create.error} fields={['name']} />
          <Group align="end">
            <TextInput
              label="Source name"
              description='Which app or site sends, e.g. "Web shop"'
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              flex={1}
            />
            <Button type="submit" loading={create.isPending}>
              Create source
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
