import { Badge, Group, Select, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { formatDate } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { Pager, useCursorPages } from '../../shared/list';
import { ReviewDrawer } from './ReviewDrawer';
import {
  authorOf,
  type ReviewSearch,
  STAR_BANDS,
  sourceLabel,
  useReviewSources,
  useReviews,
} from './reviews';
import { Stars, sentimentColor } from './Stars';

type PageSearch = ReviewSearch & { review?: string };

/**
 * Reviews and social mentions, newest first: filter by kind, source, stars and whether the
 * author is known; a row opens the review in a drawer (its id stays in the address), where
 * writers link it to a person or unlink it.
 */
export function ReviewsPage() {
  const search = useSearch({ from: '/reviews' }) as PageSearch;
  const navigate = useNavigate({ from: '/reviews' });
  const { review: open, ...filters } = search;
  const pages = useCursorPages(JSON.stringify(filters));
  const list = useReviews(filters, pages.cursor);
  const sources = useReviewSources();
  const set = (patch: Partial<PageSearch>) =>
    navigate({ search: (prev: PageSearch) => ({ ...prev, ...patch }), replace: true });
  const choose = (
    label: string,
    key: keyof ReviewSearch,
    data: { value: string; label: string }[],
    any: string,
  ) => (
    <Select
      label={label}
      placeholder={any}
      clearable
      data={data}
      value={filters[key] === undefined ? null : String(filters[key])}
      onChange={(value) =>
        set({ [key]: key === 'matched' && value ? value === 'true' : (value ?? undefined) })
      }
      w={170}
    />
  );
  const rows = list.data?.data ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">
        Reviews and mentions
      </Title>
      <Group align="end" wrap="wrap">
        {choose(
          'Kind',
          'kind',
          [
            { value: 'review', label: 'Reviews' },
            { value: 'mention', label: 'Mentions' },
          ],
          'Both',
        )}
        {choose(
          'Source',
          'source',
          (sources.data?.data ?? []).map((s) => ({
            value: s.source,
            label: `${sourceLabel(s.source)} (${s.count})`,
          })),
          'Any source',
        )}
        {choose(
          'Rating',
          'stars',
          STAR_BANDS.map((band) => ({ value: band.value, label: band.label })),
          'Any rating',
        )}
        {choose(
          'Author',
          'matched',
          [
            { value: 'true', label: 'Matched to a person' },
            { value: 'false', label: 'Not matched' },
          ],
          'Anyone',
        )}
      </Group>
      {list.error && (
        <Text c="red" role="alert">
          {list.error.message}
        </Text>
      )}
      <Table.ScrollContainer minWidth={820}>
        <Table striped highlightOnHover aria-label="Reviews and mentions" aria-busy={list.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Source</Table.Th>
              <Table.Th>Rating</Table.Th>
              <Table.Th>Review</Table.Th>
              <Table.Th>Author</Table.Th>
              <Table.Th>Person</Table.Th>
              <Table.Th>Feeling</Table.Th>
              <Table.Th>Date</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text size="sm">{sourceLabel(r.source)}</Text>
                  <Text size="xs" c="dimmed">
                    {r.kind === 'mention' ? 'Mention' : 'Review'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stars stars={r.stars} rating={r.rating} scale={r.ratingScale} />
                </Table.Td>
                <Table.Td maw={420}>
                  <UnstyledButton onClick={() => set({ review: r.id })} ta="left">
                    {r.title && (
                      <Text size="sm" fw={600}>
                        {r.title}
                      </Text>
                    )}
                    <Text size="sm" lineClamp={2}>
                      {r.text}
                    </Text>
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>{authorOf(r)}</Table.Td>
                <Table.Td>
                  {r.personId ? (
                    <AnchorLink to="/people/$personId" params={{ personId: r.personId }}>
                      {r.personName}
                    </AnchorLink>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Not matched
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.sentiment && (
                    <Badge variant="light" color={sentimentColor(r.sentiment.label)}>
                      {r.sentiment.label}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatDate(r.occurredAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!list.isPending && rows.length === 0 && (
        <Text c="dimmed">No review or mention matches these filters.</Text>
      )}
      <Pager pages={pages} nextCursor={list.data?.nextCursor} />
      <ReviewDrawer id={open ?? null} onClose={() => set({ review: undefined })} />
    </Stack>
  );
}
