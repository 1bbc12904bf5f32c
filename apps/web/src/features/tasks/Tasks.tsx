import { Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call, fieldErrors } from '../../api/client';
import { type About, aboutId } from '../../shared/about';
import { formatDate } from '../../shared/format';
import { useRefreshRecord } from '../../shared/refresh';

/** Open follow-ups with this person or company: tick one off, or add one with a due date. */
export function Tasks({ about, writable }: { about: About; writable: boolean }) {
  const id = aboutId(about);
  const tasks = useQuery({
    queryKey: ['tasks', id],
    queryFn: () =>
      call(api.GET('/api/v1/tasks', { params: { query: { ...about, status: 'open', limit: 20 } } })),
  });
  const refresh = useRefreshRecord(id);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const add = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/tasks', {
          body: { title, ...about, dueAt: due ? new Date(`${due}T09:00:00`).toISOString() : null },
        }),
      ),
    onSuccess: async () => {
      setTitle('');
      setDue('');
      await refresh();
    },
  });
  const done = useMutation({
    mutationFn: (id: string) =>
      call(api.PATCH('/api/v1/tasks/{id}', { params: { path: { id } }, body: { done: true } })),
    onSuccess: refresh,
  });
  const errors = fieldErrors(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Card withBorder component="section" aria-label="Tasks">
      <Title order={2} size="h5" mb="xs">
        Follow-ups
      </Title>
      <Stack gap={6}>
        {tasks.data?.data.map((task) => (
          <Checkbox
            key={task.id}
            disabled={!writable || done.isPending}
            checked={false}
            onChange={() => done.mutate(task.id)}
            label={
              <Text size="sm" c={task.overdue ? 'red' : undefined}>
                {task.title}
                {task.dueAt && ` · due ${formatDate(task.dueAt)}`}
                {task.assigneeName && ` · ${task.assigneeName}`}
              </Text>
            }
          />
        ))}
        {tasks.data?.data.length === 0 && <Text c="dimmed">No open follow-ups.</Text>}
        {writable && (
          <form onSubmit={submit} noValidate>
            <Group align="end" gap="xs" wrap="wrap">
              <TextInput
                label="New follow-up"
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={errors.title ?? (add.error && !errors.dueAt ? add.error.message : undefined)}
                style={{ flex: 1 }}
                miw={140}
              />
              <TextInput
                label="Due"
                type="date"
                value={due}
                onChange={(e) => setDue(e.currentTarget.value)}
                error={errors.dueAt}
              />
              <Button
                type="submit"
                size="sm"
                variant="light"
                loading={add.isPending}
                disabled={!title.trim()}
              >
                Add
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Card>
  );
}
