import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { formatDateTime } from '../../shared/format';

type Event = Schemas['Event'];

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** Where a page or screen view was: properties.url (or path), else the SDK's context.page. */
function where(e: Event): string | null {
  const page = (e.context.page ?? {}) as Record<string, unknown>;
  return text(e.properties.url) ?? text(page.url) ?? text(e.properties.path) ?? text(page.path);
}

/** What a person did in the apps and sites that send events: page views, tracked events, newest first. */
export function PersonEvents({ personId }: { personId: string }) {
  const events = useInfiniteQuery({
    queryKey: ['events', personId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/people/{id}/events', {
          params: {
            path: { id: personId },
            query: { type: ['track', 'page', 'screen'], limit: 10, cursor: pageParam },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const all = events.data?.pages.flatMap((page) => page.data) ?? [];
  if (!events.isPending && all.length === 0) return null;
  return (
    <Card withBorder component="section" aria-label="Web activity">
      <Title order={2} size="h5" mb="xs">
        Web activity
      </Title>
      <Stack gap={6}>
        {all.map((e) => {
          const url = where(e);
          return (
            <div key={e.id}>
              <Group gap={6} wrap="nowrap">
                <Badge size="xs" variant="light">
                  {e.type === 'track' ? 'event' : e.type}
                </Badge>
                <Text size="sm" fw={500} lineClamp={1}>
                  {e.name ?? text(e.properties.title) ?? url ?? '(unnamed)'}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {formatDateTime(e.occurredAt)}
                {url && (
                  <>
                    {' · '}
                    <Anchor href={url} target="_blank" rel="noreferrer" size="xs">
                      {url}
                    </Anchor>
                  </>
                )}
              </Text>
            </div>
          );
        })}
        {events.hasNextPage && (
          <Button
            size="xs"
            variant="subtle"
            loading={events.isFetchingNextPage}
            onClick={() => events.fetchNextPage()}
          >
            More activity
          </Button>
        )}
      </Stack>
    </Card>
  );
}
