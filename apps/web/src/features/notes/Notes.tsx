import { Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call, fieldErrors } from '../../api/client';
import { type About, aboutId } from '../../shared/about';
import { formatDateTime } from '../../shared/format';
import { useRefreshRecord } from '../../shared/refresh';

/** An order's notes also belong to its customer: they show on the customer's timeline too. */
type NoteAbout = About | { orderId: string; personId: string | null; companyId: string | null };

/** Notes about a person, a company or an order, newest first, and a box to add one. */
export function Notes({ about, writable }: { about: NoteAbout; writable: boolean }) {
  const id = 'orderId' in about ? about.orderId : aboutId(about);
  const filter = 'orderId' in about ? { orderId: about.orderId } : about;
  const notes = useQuery({
    queryKey: ['notes', id],
    queryFn: () => call(api.GET('/api/v1/notes', { params: { query: { ...filter, limit: 5 } } })),
  });
  const [body, setBody] = useState('');
  const refresh = useRefreshRecord(id, ...('orderId' in about ? [about.personId, about.companyId] : []));
  const add = useMutation({
    mutationFn: () => call(api.POST('/api/v1/notes', { body: { body, ...about } })),
    onSuccess: async () => {
      setBody('');
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Card withBorder component="section" aria-label="Notes">
      <Title order={2} size="h5" mb="xs">
        Notes
      </Title>
      <Stack gap="xs">
        {notes.data?.data.map((note) => (
          <div key={note.id}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
              {note.body}
            </Text>
            <Text size="xs" c="dimmed">
              {[note.authorName, formatDateTime(note.createdAt)].filter(Boolean).join(' · ')}
            </Text>
          </div>
        ))}
        {notes.data?.data.length === 0 && <Text c="dimmed">No notes.</Text>}
        {writable && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Textarea
                label="New note"
                autosize
                minRows={2}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                error={
                  fieldErrors(add.error).body ??
                  (add.error && !fieldErrors(add.error).body ? add.error.message : undefined)
                }
              />
              <Button type="submit" size="xs" variant="light" loading={add.isPending} disabled={!body.trim()}>
                Add note
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
