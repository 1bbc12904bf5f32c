import { Group, Progress, Stack, Text } from '@mantine/core';
import type { HealthReason } from './value';

const color = (score: number) => (score >= 70 ? 'teal' : score >= 40 ? 'yellow' : 'red');

/** What the health score is made of: each component's score, its weight and why, weakest first. */
export function HealthReasons({ reasons }: { reasons: HealthReason[] }) {
  const sorted = [...reasons].sort((a, b) => a.score - b.score);
  return (
    <Stack
      gap={8}
      component="ul"
      aria-label="Why this health score"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {sorted.map((r) => (
        <li key={r.component}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={500}>
              {r.label}
            </Text>
            <Text size="xs" c="dimmed">
              {r.score}/100 · weight {Math.round(r.weight * 100)}%
            </Text>
          </Group>
          <Progress
            value={r.score}
            color={color(r.score)}
            size="sm"
            aria-label={`${r.label}: ${r.score} of 100`}
          />
          <Text size="xs" c="dimmed">
            {r.reason}
          </Text>
        </li>
      ))}
    </Stack>
  );
}
