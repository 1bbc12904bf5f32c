import { Group, Text } from '@mantine/core';
import { AnchorLink } from '../../shared/links';
import { authorOf, type Review, sourceLabel } from './reviews';
import { Stars } from './Stars';

/** A review or mention on a timeline: source, stars, title and text, a link to it on the Reviews page. */
export function ReviewBody({ review: r }: { review: Review }) {
  return (
    <>
      <Group gap="xs" mt={4}>
        <Text size="sm" fw={600}>
          {sourceLabel(r.source)}
        </Text>
        <Stars stars={r.stars} rating={r.rating} scale={r.ratingScale} />
      </Group>
      {r.title && (
        <Text size="sm" fw={600}>
          {r.title}
        </Text>
      )}
      <Text size="sm" lineClamp={6} style={{ whiteSpace: 'pre-wrap' }}>
        {r.text}
      </Text>
      <Text size="xs" c="dimmed">
        {authorOf(r)} ·{' '}
        <AnchorLink to="/reviews" search={{ review: r.id }}>
          details
        </AnchorLink>
      </Text>
    </>
  );
}
