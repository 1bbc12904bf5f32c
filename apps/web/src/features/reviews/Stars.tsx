import { Text } from '@mantine/core';

const STAR = 'M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z';

/** A rating as five stars (to the nearest whole star), read out as "4 of 5 stars"; a dash for none. */
export function Stars(props: { stars: number | null; rating: number | null; scale: number }) {
  const { stars, rating, scale } = props;
  if (stars === null || rating === null) {
    return (
      <Text size="sm" c="dimmed" aria-label="No rating">
        —
      </Text>
    );
  }
  const full = Math.round(stars);
  const said = scale === 5 ? `${rating} of 5 stars` : `${rating} of ${scale} (${stars} of 5 stars)`;
  return (
    <span role="img" aria-label={said} title={said} style={{ whiteSpace: 'nowrap', display: 'inline-flex' }}>
      {[0, 1, 2, 3, 4].map((i) => (
        <svg key={i} width="14" height="14" viewBox="0 0 20 20" aria-hidden="true">
          <path d={STAR} fill={i < full ? 'var(--mantine-color-yellow-6)' : 'var(--mantine-color-gray-3)'} />
        </svg>
      ))}
    </span>
  );
}

const SENTIMENT_COLOR = { positive: 'green', negative: 'red', neutral: 'gray' } as const;

export function sentimentColor(label: keyof typeof SENTIMENT_COLOR) {
  return SENTIMENT_COLOR[label];
}
