import { AppShell, Badge, Burger, Button, Group, Select, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ApprovalsBadge } from '../features/cases/ApprovalsBadge';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { dueByToday, useMyOpenTasks } from '../features/tasks/Inbox';
import { type Me, useSignOut, useSwitchWorkspace } from '../session/session';
import { NavLinkTo } from '../shared/links';

const NAV = [
  { to: '/people', label: 'People', admin: false },
  { to: '/companies', label: 'Companies', admin: false },
  { to: '/reviews', label: 'Reviews', admin: false },
  { to: '/tasks', label: 'My follow-ups', admin: false },
  { to: '/cases', label: 'Cases', admin: false },
  { to: '/promises', label: 'Promises', admin: false },
  { to: '/approvals', label: 'Approvals', admin: false, manage: true },
  { to: '/themes', label: 'Themes', admin: false },
  { to: '/value', label: 'Value', admin: false },
  { to: '/recovery', label: 'Service recovery', admin: false },
  { to: '/surveys', label: 'Surveys', admin: false },
  { to: '/duplicates', label: 'Duplicates', admin: false },
  { to: '/imports', label: 'Import', admin: false },
  { to: '/service-settings', label: 'Service settings', admin: false, manage: true },
  { to: '/admin', label: 'Admin', admin: true },
] as const;

/** The frame of every signed-in page: navigation, workspace switch, who is signed in. */
export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const signOut = useSignOut();
  const switchWorkspace = useSwitchWorkspace();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const tasks = useMyOpenTasks();
  const due = (tasks.data ?? []).filter(dueByToday).length;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={2} size="h4">
              Rapport
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <GlobalSearch />
            <Select
              aria-label="Workspace"
              size="xs"
              w={{ base: 140, sm: 200 }}
              allowDeselect={false}
              data={me.workspaces.map((w) => ({ value: w.id, label: w.name }))}
              value={me.workspaceId}
              onChange={(value) => value && value !== me.workspaceId && switchWorkspace.mutate(value)}
            />
            <Text size="sm" visibleFrom="sm">
              {me.user?.name}
            </Text>
            <Badge variant="light" aria-label={`Role: ${me.role}`}>
              {me.role}
            </Badge>
            <Button variant="subtle" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {NAV.filter(
          (item) =>
            (!item.admin || me.role === 'admin') &&
            (!('manage' in item) || me.role === 'admin' || me.role === 'manager'),
        ).map((item) => (
          <NavLinkTo
            key={item.to}
            to={item.to}
            label={item.label}
            rightSection={
              item.to === '/tasks' && due > 0 ? (
                <Badge size="sm" color="red" circle>
                  {due}
                </Badge>
              ) : item.to === '/approvals' ? (
                <ApprovalsBadge />
              ) : undefined
            }
            active={path.startsWith(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
