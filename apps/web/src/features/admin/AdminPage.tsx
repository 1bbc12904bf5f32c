import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useMe } from '../../session/session';
import { EmailPanel } from '../email/EmailPanel';
import { SourcesPanel } from '../sources/SourcesPanel';
import { WebhooksPanel } from '../webhooks/WebhooksPanel';
import { ApiKeysPanel } from './ApiKeysPanel';
import { CustomFieldsPanel } from './CustomFieldsPanel';
import { UsersPanel } from './UsersPanel';

/** Workspace administration: users and roles, API keys, custom fields, webhooks, tracking sources, email (admins only). */
export function AdminPage() {
  const me = useMe().data;
  if (!me) return null;
  return (
    <Stack>
      <Title order={1} size="h2">
        Admin
      </Title>
      {me.role !== 'admin' ? (
        <Alert color="yellow" role="alert">
          Only admins of this workspace can manage users, API keys, custom fields, webhooks, sources and
          email.
        </Alert>
      ) : (
        <Tabs defaultValue="users" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="users">Users</Tabs.Tab>
            <Tabs.Tab value="api-keys">API keys</Tabs.Tab>
            <Tabs.Tab value="custom-fields">Custom fields</Tabs.Tab>
            <Tabs.Tab value="webhooks">Webhooks</Tabs.Tab>
            <Tabs.Tab value="sources">Sources</Tabs.Tab>
            <Tabs.Tab value="email">Email</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="users" pt="md">
            <UsersPanel me={me} />
          </Tabs.Panel>
          <Tabs.Panel value="api-keys" pt="md">
            <ApiKeysPanel />
          </Tabs.Panel>
          <Tabs.Panel value="custom-fields" pt="md">
            <CustomFieldsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="webhooks" pt="md">
            <WebhooksPanel />
          </Tabs.Panel>
          <Tabs.Panel value="sources" pt="md">
            <SourcesPanel />
          </Tabs.Panel>
          <Tabs.Panel value="email" pt="md">
            <EmailPanel />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
