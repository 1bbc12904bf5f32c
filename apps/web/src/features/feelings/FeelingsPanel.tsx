import { Alert, Badge, Card, Group, Loader, Text, Title } from '@mantine/core';
import type { About } from '../../shared/about';
import { label, plural } from '../../shared/format';
import { FeelingMoments } from './FeelingMoments';
import { FeelingsChart } from './FeelingsChart';
import { EMOTION_COLOR, type Feelings, LABEL_COLOR, TREND_ARROW, useFeelings } from './feelings';

const signed = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(2)}`;

/**
 * How a person (or a company's people) felt lately, from every text they wrote: the empathy cue
 * first, then the summary and trend, the score over time and the moments that went wrong.
 */
export function FeelingsPanel({ about }: { about: About }) {
  const feelings = useFeelings(about);
  const f = feelings.data;
  return (
    <Card withBorder component="section" aria-label="How they feel">
      <Title order={2} size="h4" mb="xs">
        How they feel
      </Title>
      {feelings.isPending && <Loader aria-label="Loading" />}
      {feelings.error && (
        <Alert color="red" role="alert">
          {feelings.error.message}
        </Alert>
      )}
      {f && f.summary.texts === 0 && (
        <Text c="dimmed">No message from them in the last six months has been analysed yet.</Text>
      )}
      {f && f.summary.texts > 0 && <FeelingsBody feelings={f} />}
    </Card>
  );
}

function FeelingsBody({ feelings: f }: { feelings: Feelings }) {
  const { summary } = f;
  const troubled = f.cue && !/^(Grateful|Pleased)/.test(f.cue);
  return (
    <>
      {f.cue && (
        <Alert color={troubled ? 'orange' : 'teal'} title="Before you contact them" mb="sm">
          {f.cue}
        </Alert>
      )}
      <Group gap="xs" mb="xs" wrap="wrap">
        <Badge color={LABEL_COLOR[summary.label]}>{label(summary.label)}</Badge>
        <Text size="sm">
          <span aria-hidden="true">{TREND_ARROW[summary.trend]}</span> {label(summary.trend)}
          {summary.change !== null && ` (${signed(summary.change)} against the 90 days before)`}
        </Text>
        <Text size="sm" c="dimmed">
          {plural(summary.texts, 'message')}, 180 days
        </Text>
      </Group>
      {summary.emotions.length > 0 && (
        <Group gap={6} mb="xs" aria-label="Dominant emotions">
          {summary.emotions.slice(0, 5).map((e) => (
            <Badge key={e.emotion} variant="light" color={EMOTION_COLOR[e.emotion]}>
              {label(e.emotion)} × {e.count}
            </Badge>
          ))}
        </Group>
      )}
      <FeelingsChart timeline={f.timeline} />
      <FeelingMoments moments={f.moments} />
    </>
  );
}
