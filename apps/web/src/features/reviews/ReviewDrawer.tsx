import {
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { canWrite, useMe } from '../../session/session';
import { Field } from '../../shared/Field';
import { formatDateTime } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { OpenCaseButton } from '../cases/CaseCreate';
import { authorOf, type Review, sourceLabel, useLinkReview, useReview } from './reviews';
import { Stars, sentimentColor } from './Stars';

/** One review or mention in full, with its author and the person it is linked to. */
export function ReviewDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const review = useReview(id);
  const r = review.data;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={r ? titleOf(r) : 'Review'}
    >
      {review.isPending && id !== null && <Loader size="sm" aria-label="Loading" />}
      {review.error && (
        <Alert color="red" role="alert">
          {review.error.message}
        </Alert>
      )}
      {r && <ReviewDetail review={r} />}
    </Drawer>
  );
}

const titleOf = (r: Review) => `${r.kind === 'mention' ? 'Mention' : 'Review'} on ${sourceLabel(r.source)}`;

function ReviewDetail({ review: r }: { review: Review }) {
  const writable = canWrite(useMe().data);
  return (
    <Stack>
      <Group justify="space-between">
        <Stars stars={r.stars} rating={r.rating} scale={r.ratingScale} />
        {r.sentiment && (
          <Badge variant="light" color={sentimentColor(r.sentiment.label)}>
            {r.sentiment.label}
          </Badge>
        )}
      </Group>
      {r.title && (
        <Text fw={600} size="lg">
          {r.title}
        </Text>
      )}
      <Text style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Text>
      <SimpleGrid cols={2} spacing="xs">
        <Field name="Author">{authorOf(r)}</Field>
        <Field name="Written">{formatDateTime(r.occurredAt)}</Field>
        {r.authorEmail && <Field name="Author email">{r.authorEmail}</Field>}
        {r.authorHandle && <Field name="Handle">{r.authorHandle}</Field>}
        {r.language && <Field name="Language">{r.language}</Field>}
        {r.productSku && <Field name="Product">{r.productSku}</Field>}
        {r.externalId && <Field name="Source id">{r.externalId}</Field>}
      </SimpleGrid>
      {r.url && (
        <Anchor href={r.url} target="_blank" rel="noreferrer noopener" size="sm">
          Open on {sourceLabel(r.source)}
        </Anchor>
      )}
      <PersonLink review={r} writable={writable} />
      <Group>
        <OpenCaseButton source={{ type: 'review', id: r.id }} />
      </Group>
    </Stack>
  );
}

/** The person the review is linked to; writers link another one or unlink it. */
function PersonLink({ review: r, writable }: { review: Review; writable: boolean }) {
  const link = useLinkReview(r);
  const [choice, setChoice] = useState<string | null>(null);
  return (
    <Stack gap="xs" component="section" aria-label="Person">
      <Text size="sm" fw={600}>
        Person
      </Text>
      {r.personId ? (
        <Group gap="xs">
          <AnchorLink to="/people/$personId" params={{ personId: r.personId }}>
            {r.personName}
          </AnchorLink>
          {writable && (
            <Button size="xs" variant="default" loading={link.isPending} onClick={() => link.mutate(null)}>
              Unlink
            </Button>
          )}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Not matched to anyone yet.
        </Text>
      )}
      {writable && (
        <Group align="end" gap="xs">
          <PersonPicker value={choice} onChange={setChoice} />
          <Button
            disabled={!choice || choice === r.personId}
            loading={link.isPending}
            onClick={() => choice && link.mutate(choice, { onSuccess: () => setChoice(null) })}
          >
            Link
          </Button>
        </Group>
      )}
      {link.error && (
        <Text c="red" size="sm" role="alert">
          {link.error.message}
        </Text>
      )}
    </Stack>
  );
}

/** Pick a person by typing part of their name or email: the API searches as you type. */
export function PersonPicker(props: {
  value: string | null;
  onChange: (id: string | null) => void;
  label?: string;
  error?: string | undefined;
}) {
  const [typed, setTyped] = useState('');
  const [q] = useDebouncedValue(typed.trim(), 200);
  const found = useQuery({
    queryKey: ['person-options', q],
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    queryFn: () => call(api.GET('/api/v1/people', { params: { query: { q, limit: 15 } } })),
  });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = (found.data?.data ?? []).map((p) => ({
    value: p.id,
    label: p.email ? `${p.name} (${p.email})` : p.name,
  }));
  // The chosen person stays an option while the search text is their label.
  if (chosen && chosen.value === props.value && !options.some((o) => o.value === chosen.value)) {
    options.unshift(chosen);
  }
  return (
    <Select
      label={props.label ?? 'Link to a person'}
      placeholder="Name or email"
      error={props.error}
      searchable
      clearable
      data={options}
      value={props.value}
      onChange={(value, option) => {
        setChosen(value ? option : null);
        props.onChange(value);
      }}
      searchValue={typed}
      onSearchChange={setTyped}
      filter={({ options }) => options}
      nothingFoundMessage={q ? (found.isFetching ? 'Searching…' : 'No one found') : 'Type a name or email'}
      w={260}
    />
  );
}
