import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { formatDateTime, formatMoney, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { EntryActions } from '../cases/EntryActions';
import { CaseEventBody, PromiseEventBody } from '../cases/events';
import { orderNumber } from '../orders/order';
import { ReviewBody } from '../reviews/ReviewBody';
import { SurveyAnswer } from '../surveys/SurveyAnswer';

type Entry = Schemas['TimelineEntry'];

const KIND_COLOR = {
  interaction: 'indigo',
  order: 'teal',
  note: 'grape',
  review: 'orange',
  survey: 'cyan',
  case: 'red',
  promise: 'yellow',
} as const;

/**
 * Entries newest first, after the message of a failed load; `currentId` marks the entry of the
 * page they are shown on.
 */
export function TimelineEntries(props: { entries: Entry[]; error: Error | null; currentId?: string }) {
  return (
    <>
      {props.error && (
        <Text c="red" role="alert">
          {props.error.message}
        </Text>
      )}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {props.entries.map((entry) => (
          <TimelineItem key={entry.id} entry={entry} current={entry.id === props.currentId} />
        ))}
      </Stack>
    </>
  );
}

/**
 * One entry: an interaction (with who took part), an order (with its lines, a link to its page),
 * a note or a survey answer. `current` marks the entry of the page it is shown on (an order
 * around itself).
 */
export function TimelineItem({ entry, current = false }: { entry: Entry; current?: boolean }) {
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="sm"
      aria-current={current || undefined}
      bd={current ? '2px solid var(--mantine-color-teal-8)' : undefined}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="start">
        <Group gap={6}>
          <Badge color={KIND_COLOR[entry.kind]} variant="light">
            {entry.kind === 'interaction'
              ? label(entry.interaction.channel)
              : entry.kind === 'review' && entry.review.kind === 'mention'
                ? 'Mention'
                : label(entry.kind)}
          </Badge>
          {entry.kind === 'interaction' && (
            <Text size="xs" c="dimmed">
              {entry.interaction.direction}
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed" component="time" dateTime={entry.at}>
          {formatDateTime(entry.at)}
        </Text>
      </Group>
      {entry.kind === 'interaction' && <InteractionBody interaction={entry.interaction} />}
      {entry.kind === 'order' && (
        <>
          <Text size="sm" fw={600} mt={4}>
            {current ? (
              `This order (${orderNumber(entry.order)})`
            ) : (
              <AnchorLink to="/orders/$orderId" params={{ orderId: entry.order.id }}>
                Order {orderNumber(entry.order)}
              </AnchorLink>
            )}{' '}
            · {label(entry.order.status)} · {formatMoney(entry.order.totalMinor, entry.order.currency)}
          </Text>
          <Text size="sm" c="dimmed">
            {entry.order.lines.map((l) => `${l.quantity} × ${l.name}`).join(', ')}
          </Text>
        </>
      )}
      {entry.kind === 'review' && <ReviewBody review={entry.review} />}
      {entry.kind === 'survey' && <SurveyAnswer response={entry.response} />}
      {entry.kind === 'case' && <CaseEventBody event={entry.caseEvent} />}
      {entry.kind === 'promise' && <PromiseEventBody event={entry.promiseEvent} />}
      <EntryActions entry={entry} />
      {entry.kind === 'note' && (
        <>
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
            {entry.note.body}
          </Text>
          {entry.note.authorName && (
            <Text size="xs" c="dimmed">
              {entry.note.authorName}
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}

export function InteractionBody({ interaction: i }: { interaction: Schemas['Interaction'] }) {
  const who = [...i.users.map((u) => u.name), ...i.people.map((p) => p.name)].join(', ');
  return (
    <>
      {i.subject && (
        <Text size="sm" fw={600} mt={4}>
          {i.subject}
        </Text>
      )}
      {i.body && (
        <Text size="sm" lineClamp={6} style={{ whiteSpace: 'pre-wrap' }}>
          {i.body}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {who}
        {i.companyName && ` · ${i.companyName}`}
        {i.correctsId && ` · corrects an earlier entry${i.correctionReason ? `: ${i.correctionReason}` : ''}`}
      </Text>
    </>
  );
}
