import { Alert, Anchor, Badge, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { formatDate, formatDateTime, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { InteractionBody } from '../timeline/TimelineItem';
import { EMOTION_COLOR, type FeelingMoment } from './feelings';

/** The texts that went wrong, newest first: excerpt, date, emotion, the words that drove it. */
export function FeelingMoments({ moments }: { moments: FeelingMoment[] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (moments.length === 0) return null;
  return (
    <>
      <Text size="sm" fw={600} mt="sm">
        Moments that went wrong
      </Text>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {moments.map((m) => (
          <li key={m.subjectId}>
            <Group gap={6} wrap="wrap">
              <Text size="xs" c="dimmed" component="time" dateTime={m.at}>
                {formatDate(m.at)}
              </Text>
              <Badge size="xs" variant="light" color={EMOTION_COLOR[m.topEmotion]}>
                {label(m.topEmotion)}
              </Badge>
              {m.topic && (
                <Badge size="xs" variant="outline" color="gray">
                  {label(m.topic)}
                </Badge>
              )}
              {m.subjectType === 'survey_answer' ? (
                <Badge size="xs" variant="outline" color="gray">
                  Survey comment
                </Badge>
              ) : m.subjectType === 'review' ? (
                <AnchorLink size="xs" to="/reviews" search={{ review: m.subjectId }}>
                  Open the review
                </AnchorLink>
              ) : (
                <Anchor component="button" type="button" size="xs" onClick={() => setOpen(m.subjectId)}>
                  Open the message
                </Anchor>
              )}
            </Group>
            <Text size="sm" fs="italic" lineClamp={3}>
              “{m.moment}”
            </Text>
            {m.drivers.length > 0 && (
              <Text size="xs" c="dimmed">
                Words behind it: {m.drivers.map((d) => `“${d.text}”`).join(', ')}
              </Text>
            )}
          </li>
        ))}
      </Stack>
      <InteractionDialog id={open} onClose={() => setOpen(null)} />
    </>
  );
}

/** One interaction in full, as the timeline shows it. */
function InteractionDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const interaction = useQuery({
    queryKey: ['interaction', id],
    enabled: id !== null,
    queryFn: () => call(api.GET('/api/v1/interactions/{id}', { params: { path: { id: id! } } })),
  });
  const i = interaction.data;
  return (
    <Modal
      opened={id !== null}
      onClose={onClose}
      title={i ? `${label(i.channel)} · ${formatDateTime(i.occurredAt)}` : 'Message'}
    >
      {interaction.isPending && <Loader aria-label="Loading" />}
      {interaction.error && (
        <Alert color="red" role="alert">
          {interaction.error.message}
        </Alert>
      )}
      {i && <InteractionBody interaction={i} />}
    </Modal>
  );
}
