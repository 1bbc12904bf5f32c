import { Badge, Card, Checkbox, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { canWrite, useMe } from '../../session/session';
import { formatDate } from '../../shared/format';
import { AnchorLink } from '../../shared/links';

type Task = Schemas['Task'];

export function useMyOpenTasks() {
  return useQuery({
    queryKey: ['inbox'],
    queryFn: () =>
      call(
        api.GET('/api/v1/tasks', {
          params: { query: { assigneeId: 'me', status: 'open', sort: 'dueAt', limit: 200 } },
        }),
      ),
    select: (page) => page.data,
  });
}

const endOfToday = () => new Date().setHours(23, 59, 59, 999);

/** Due today or earlier (what the nav counts). */
export const dueByToday = (task: Task) => !!task.dueAt && new Date(task.dueAt).getTime() <= endOfToday();

function bucket(task: Task): string {
  if (!task.dueAt) return 'No due date';
  if (task.overdue) return 'Overdue';
  return dueByToday(task) ? 'Due today' : 'Upcoming';
}

const BUCKETS = ['Overdue', 'Due today', 'Upcoming', 'No due date'];

/** My follow-ups: overdue first, then due today, upcoming and undated; tick one off in place. */
export function Inbox() {
  const tasks = useMyOpenTasks();
  const me = useMe();
  const client = useQueryClient();
  const done = useMutation({
    mutationFn: (id: string) =>
      call(api.PATCH('/api/v1/tasks/{id}', { params: { path: { id } }, body: { done: true } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inbox'] }),
  });
  const all = tasks.data ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">
        My follow-ups
      </Title>
      {tasks.isPending && <Loader aria-label="Loading" />}
      {tasks.error && (
        <Text c="red" role="alert">
          {tasks.error.message}
        </Text>
      )}
      {!tasks.isPending && all.length === 0 && <Text c="dimmed">Nothing to follow up. Well done.</Text>}
      {BUCKETS.map((name) => {
        const list = all.filter((t) => bucket(t) === name);
        if (list.length === 0) return null;
        return (
          <Card withBorder key={name} component="section" aria-label={name}>
            <Group gap="xs" mb="xs">
              <Title order={2} size="h5">
                {name}
              </Title>
              <Badge color={name === 'Overdue' ? 'red' : 'indigo'} variant="light">
                {list.length}
              </Badge>
            </Group>
            <Stack gap="xs">
              {list.map((t) => (
                <Group key={t.id} gap="sm" wrap="nowrap" align="start">
                  <Checkbox
                    aria-label={`Done: ${t.title}`}
                    disabled={!canWrite(me.data) || done.isPending}
                    checked={done.isPending && done.variables === t.id}
                    onChange={() => done.mutate(t.id)}
                    mt={3}
                  />
                  <div>
                    <Text size="sm" fw={500}>
                      {t.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t.dueAt && `due ${formatDate(t.dueAt)}`}
                      {t.personId && (
                        <>
                          {' · '}
                          <AnchorLink to="/people/$personId" params={{ personId: t.personId }} size="xs">
                            {t.personName}
                          </AnchorLink>
                        </>
                      )}
                      {t.companyId && (
                        <>
                          {' · '}
                          <AnchorLink
                            to="/companies/$companyId"
                            params={{ companyId: t.companyId }}
                            size="xs"
                          >
                            {t.companyName}
                          </AnchorLink>
                        </>
                      )}
                    </Text>
                  </div>
                </Group>
              ))}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
