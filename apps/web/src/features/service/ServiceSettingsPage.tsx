import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMe } from '../../session/session';
import { CaseSettingsPanel, LimitsPanel, RootCausesPanel } from './CasePolicyPanels';
import { CalendarsPanel, SlaPoliciesPanel } from './SlaPanels';

/**
 * How cases are served (managers and admins): SLA policies per severity and tier, the business
 * calendars they count in, the root-cause taxonomy, compensation limits per role (admins) and the
 * case settings (the CSAT survey sent on resolution).
 */
export function ServiceSettingsPage() {
  const me = useMe().data;
  if (!me) return null;
  const canManage = me.role === 'admin' || me.role === 'manager';
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          Service settings
        </Title>
        <Text c="dimmed">How cases are served: deadlines, business hours, root causes, compensation.</Text>
      </div>
      {!canManage && (
        <Alert color="yellow" role="alert">
          Only managers and admins change the service settings.
        </Alert>
      )}
      <Tabs defaultValue="sla" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sla">SLA policies</Tabs.Tab>
          <Tabs.Tab value="calendars">Business calendars</Tabs.Tab>
          <Tabs.Tab value="causes">Root causes</Tabs.Tab>
          <Tabs.Tab value="limits">Compensation limits</Tabs.Tab>
          <Tabs.Tab value="settings">Case settings</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sla" pt="md">
          <SlaPoliciesPanel canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="calendars" pt="md">
          <CalendarsPanel canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="causes" pt="md">
          <RootCausesPanel canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="limits" pt="md">
          <LimitsPanel isAdmin={me.role === 'admin'} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <CaseSettingsPanel canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
