import { LineChart } from '@mantine/charts';
import { Group, Text } from '@mantine/core';
import { formatDate, label } from '../../shared/format';
import { EMOTION_COLOR, type Emotion, type FeelingPoint } from './feelings';

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: { topEmotion: Emotion };
}

/** A point coloured by the text's strongest emotion. */
function EmotionDot({ cx, cy, index, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  const color = `var(--mantine-color-${EMOTION_COLOR[payload.topEmotion]}-6)`;
  return <circle key={index} cx={cx} cy={cy} r={4.5} fill={color} stroke="white" strokeWidth={1} />;
}

/** The score of each text over time (−1 … 1), its point coloured by its emotion; a legend below. */
export function FeelingsChart({ timeline }: { timeline: FeelingPoint[] }) {
  const data = timeline.map((p) => ({ ...p, day: formatDate(p.at) }));
  const shown = [...new Set(timeline.map((p) => p.topEmotion))];
  return (
    <figure aria-label="Score of each text over time" style={{ margin: 0 }}>
      <LineChart
        h={180}
        data={data}
        dataKey="day"
        series={[{ name: 'score', label: 'Score', color: 'gray.5' }]}
        yAxisProps={{ domain: [-1, 1], ticks: [-1, -0.5, 0, 0.5, 1] }}
        referenceLines={[{ y: 0, color: 'gray.4' }]}
        curveType="linear"
        strokeWidth={1.5}
        lineProps={{ dot: EmotionDot, activeDot: EmotionDot, isAnimationActive: false }}
        valueFormatter={(value) => value.toFixed(2)}
        withLegend={false}
      />
      <Group gap="xs" mt={4} component="figcaption">
        {shown.map((emotion) => (
          <Group key={emotion} gap={4} wrap="nowrap">
            <svg width="10" height="10" aria-hidden="true">
              <circle cx="5" cy="5" r="5" fill={`var(--mantine-color-${EMOTION_COLOR[emotion]}-6)`} />
            </svg>
            <Text size="xs">{label(emotion)}</Text>
          </Group>
        ))}
      </Group>
    </figure>
  );
}
