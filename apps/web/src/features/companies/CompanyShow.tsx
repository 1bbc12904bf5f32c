import { Alert, Badge, Button, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { api, call } from '../../api/client';
import { canWrite, useMe } from '../../session/session';
import { label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { OpenWorkPanel } from '../cases/OpenWorkPanel';
import { FeelingsPanel } from '../feelings/FeelingsPanel';
import { Notes } from '../notes/Notes';
import { OrdersCard } from '../orders/OrdersCard';
import { Tasks } from '../tasks/Tasks';
import { Timeline } from '../timeline/Timeline';
import { useUserNames } from '../users/users';
import { ValuePanel } from '../value/ValuePanel';
import { CompanyForm } from './CompanyForm';
import { CompanyPeople } from './CompanyPeople';

/** The company 360: the account, its people by level and function, its orders and its combined timeline. */
export function CompanyShow() {
  const { companyId } = useParams({ from: '/companies/$companyId' });
  const company = useQuery({
    queryKey: ['company', companyId],
    queryFn: () => call(api.GET('/api/v1/companies/{id}', { params: { path: { id: companyId } } })),
  });
  const me = useMe();
  const names = useUserNames();
  const navigate = useNavigate();
  const c = company.data;
  const [editing, edit] = useDisclosure();
  useEffect(() => {
    if (c && c.id !== companyId)
      navigate({ to: '/companies/$companyId', params: { companyId: c.id }, replace: true });
  }, [c, companyId, navigate]);
  if (company.isPending) return <Loader aria-label="Loading" />;
  if (!c) {
    return (
      <Alert color="red" role="alert" title="This company could not be shown">
        {company.error?.message}
      </Alert>
    );
  }
  const writable = canWrite(me.data);
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Title order={1} size="h2">
            {c.name}
          </Title>
          <Text c="dimmed">{[c.industry, c.domain].filter(Boolean).join(' · ')}</Text>
          <Group gap={6} mt={6}>
            <Badge>{label(c.relationshipType)}</Badge>
            {c.tags.map((t) => (
              <Badge key={t} variant="light">
                {t}
              </Badge>
            ))}
            {c.ownerId && <Text size="sm">Owner: {names.get(c.ownerId) ?? c.ownerId}</Text>}
          </Group>
        </div>
        {writable && <Button onClick={edit.open}>Edit</Button>}
      </Group>
      {writable && <CompanyForm company={c} opened={editing} onClose={edit.close} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <CompanyPeople people={c.people} />
            <OrdersCard about={{ companyId: c.id }} totals={c.orderTotals} />
            {c.description && (
              <Card withBorder>
                <Text size="sm">{c.description}</Text>
              </Card>
            )}
            <Tasks about={{ companyId: c.id }} writable={writable} />
            <Notes about={{ companyId: c.id }} writable={writable} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <OpenWorkPanel about={{ companyId: c.id }} />
            <FeelingsPanel about={{ companyId: c.id }} />
            <ValuePanel about={{ companyId: c.id }} />
            <Timeline about={{ companyId: c.id }} writable={writable} />
          </Stack>
        </Grid.Col>
      </Grid>
      <AnchorLink to="/companies" size="sm">
        ← All companies
      </AnchorLink>
    </Stack>
  );
}
