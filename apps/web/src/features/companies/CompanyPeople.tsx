import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { LEVELS } from '../../api/enums';
import { label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';

type Membership = Schemas['Membership'];

/**
 * The account's people grouped by level (executive, functional lead, end user), each with
 * role and function: who decides, who runs it, who uses it, and where coverage is thin.
 */
export function CompanyPeople({ people }: { people: Membership[] }) {
  const current = people.filter((m) => !m.endedOn);
  const groups = [...LEVELS, null].map((level) => ({
    level,
    members: current.filter((m) => (m.level ?? null) === level),
  }));
  return (
    <Card withBorder component="section" aria-label="People">
      <Title order={2} size="h5" mb="xs">
        People ({current.length})
      </Title>
      {current.length === 0 && <Text c="dimmed">No one yet.</Text>}
      <Stack gap="sm">
        {groups
          .filter((g) => g.level !== null || g.members.length > 0)
          .map((g) => (
            <div key={g.level ?? 'none'}>
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {g.level ? label(g.level) : 'Level not set'}
                </Text>
                <Badge size="sm" variant="light" color={g.members.length ? 'indigo' : 'red'}>
                  {g.members.length}
                </Badge>
              </Group>
              {g.members.map((m) => (
                <Text key={m.id} size="sm">
                  <AnchorLink to="/people/$personId" params={{ personId: m.personId }}>
                    {m.personName}
                  </AnchorLink>
                  {[m.role, m.function && label(m.function)].filter(Boolean).map((part) => ` · ${part}`)}
                </Text>
              ))}
            </div>
          ))}
      </Stack>
    </Card>
  );
}
