import { Alert, Badge, Button, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { canWrite, useMe } from '../../session/session';
import { formatDate, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { OpenWorkPanel } from '../cases/OpenWorkPanel';
import { PersonEvents } from '../events/PersonEvents';
import { FeelingsPanel } from '../feelings/FeelingsPanel';
import { Notes } from '../notes/Notes';
import { OrdersCard } from '../orders/OrdersCard';
import { Tasks } from '../tasks/Tasks';
import { Timeline } from '../timeline/Timeline';
import { useUserNames } from '../users/users';
import { ValuePanel } from '../value/ValuePanel';
import { PersonForm } from './PersonForm';
import { PersonProfile } from './PersonProfile';
import { usePerson } from './person';

/** The person 360: who they are, where they work, what they bought, everything that happened. */
export function PersonShow() {
  const { personId } = useParams({ from: '/people/$personId' });
  const person = usePerson(personId);
  const me = useMe();
  const names = useUserNames();
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure();
  const p = person.data;
  // A merged-away person answers with the survivor: show the survivor's own address.
  useEffect(() => {
    if (p && p.id !== personId)
      navigate({ to: '/people/$personId', params: { personId: p.id }, replace: true });
  }, [p, personId, navigate]);
  if (person.isPending) return <Loader aria-label="Loading" />;
  if (!p) {
    return (
      <Alert color="red" role="alert" title="This person could not be shown">
        {person.error?.message}
      </Alert>
    );
  }
  const writable = canWrite(me.data);
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Title order={1} size="h2">
            {p.name}
          </Title>
          <Text c="dimmed">
            {[p.title, p.memberships.find((m) => m.isPrimary)?.companyName ?? p.memberships[0]?.companyName]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Group gap={6} mt={6}>
            <Badge>{label(p.relationshipType)}</Badge>
            {p.doNotContact && <Badge color="red">Do not contact</Badge>}
            {p.tags.map((t) => (
              <Badge key={t} variant="light">
                {t}
              </Badge>
            ))}
            {p.ownerId && <Text size="sm">Owner: {names.get(p.ownerId) ?? p.ownerId}</Text>}
          </Group>
        </div>
        {writable && <Button onClick={edit.open}>Edit</Button>}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <PersonProfile person={p} />
            <Card withBorder>
              <Title order={2} size="h5" mb="xs">
                Companies and roles
              </Title>
              {p.memberships.length === 0 && <Text c="dimmed">No company.</Text>}
              {p.memberships.map((m) => (
                <Text key={m.id} size="sm">
                  <AnchorLink to="/companies/$companyId" params={{ companyId: m.companyId }} fw={600}>
                    {m.companyName}
                  </AnchorLink>
                  {[m.role, m.level && label(m.level), m.function && label(m.function)]
                    .filter(Boolean)
                    .map((part) => ` · ${part}`)}
                  {m.endedOn && ` (until ${formatDate(m.endedOn)})`}
                </Text>
              ))}
            </Card>
            <OrdersCard about={{ personId: p.id }} totals={p.orderTotals} />
            <Tasks about={{ personId: p.id }} writable={writable} />
            <Notes about={{ personId: p.id }} writable={writable} />
            <PersonEvents personId={p.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <OpenWorkPanel about={{ personId: p.id }} />
            <FeelingsPanel about={{ personId: p.id }} />
            <ValuePanel about={{ personId: p.id }} />
            <Timeline about={{ personId: p.id }} writable={writable} />
          </Stack>
        </Grid.Col>
      </Grid>
      {writable && <PersonForm person={p} opened={editing} onClose={edit.close} />}
      <AnchorLink to="/people" size="sm">
        ← All people
      </AnchorLink>
    </Stack>
  );
}
