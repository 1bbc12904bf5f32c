import { Button, Card, Center, Group, Loader, MultiSelect, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { CHANNELS } from '../../api/enums';
import { type About, aboutId } from '../../shared/about';
import { label } from '../../shared/format';
import { LogInteraction } from '../interactions/LogInteraction';
import { TimelineEntries } from './TimelineItem';

type Channel = (typeof CHANNELS)[number];

/** A person's or a company's whole history, newest first: filter by channel, more loads as you scroll. */
export function Timeline({ about, writable }: { about: About; writable: boolean }) {
  const id = aboutId(about);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [logging, log] = useDisclosure();
  const query = useInfiniteQuery({
    queryKey: ['timeline', id, channels],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: Schemas['TimelinePage']) => page.nextCursor ?? undefined,
    queryFn: ({ pageParam }) => {
      const query = { limit: 30, cursor: pageParam, ...(channels.length ? { channel: channels } : {}) };
      return call(
        about.personId
          ? api.GET('/api/v1/people/{id}/timeline', { params: { path: { id }, query } })
          : api.GET('/api/v1/companies/{id}/timeline', { params: { path: { id }, query } }),
      );
    },
  });
  const end = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const sentinel = end.current;
    if (!sentinel) return;
    const observer = new IntersectionObserver((seen) => {
      if (seen[0]?.isIntersecting && hasNextPage && !isFetchingNextPage) fetchNextPage();
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const entries = query.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Card withBorder component="section" aria-label="Timeline">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Timeline
        </Title>
        <Group>
          <MultiSelect
            aria-label="Channels"
            placeholder={channels.length ? undefined : 'All channels'}
            data={CHANNELS.map((c) => ({ value: c, label: label(c) }))}
            value={channels}
            onChange={(value) => setChannels(value as Channel[])}
            clearable
            w={260}
          />
          {writable && <Button onClick={log.open}>Log interaction</Button>}
        </Group>
      </Group>
      <TimelineEntries entries={entries} error={query.error} />
      {!query.isPending && entries.length === 0 && <Text c="dimmed">Nothing yet.</Text>}
      <div ref={end} />
      {(query.isPending || isFetchingNextPage) && (
        <Center p="sm">
          <Loader size="sm" aria-label="Loading more" />
        </Center>
      )}
      {hasNextPage && !isFetchingNextPage && (
        <Center>
          <Button variant="subtle" onClick={() => fetchNextPage()}>
            Older entries
          </Button>
        </Center>
      )}
      {writable && <LogInteraction about={about} opened={logging} onClose={log.close} />}
    </Card>
  );
}
