import { AreaChart, BarChart, LineChart } from '@mantine/charts';
import { Box, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDate, formatMoney } from '../../shared/format';
import { percent, type ValueDashboard } from './value';

type Tracking = NonNullable<ValueDashboard['tracking']>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Box>
  );
}

/** How lifetime value is spread over customers: how many fall in each band of CLV. */
export function ClvDistribution({ dashboard: d }: { dashboard: ValueDashboard }) {
  const currency = d.currency ?? 'USD';
  const money = (minor: number) => formatMoney(minor, currency);
  const data = d.clvDistribution.bins.map((b) => ({
    band: `${money(b.fromMinor)}–${money(b.toMinor)}`,
    Customers: b.customers,
  }));
  return (
    <Section title="Lifetime value distribution">
      <Text size="sm" c="dimmed" mb="xs">
        Mean {money(d.clvDistribution.meanMinor)}, median {money(d.clvDistribution.medianMinor)}, total{' '}
        {money(d.clvDistribution.totalMinor)} over {d.clvDistribution.customers.toLocaleString()} customers.
      </Text>
      <figure aria-label="Customers per band of lifetime value" style={{ margin: 0 }}>
        <BarChart
          h={220}
          data={data}
          dataKey="band"
          series={[{ name: 'Customers', color: 'blue.6' }]}
          tickLine="y"
        />
      </figure>
    </Section>
  );
}

/** The model against what happened: repeat purchases per week and summed, actual and predicted. */
/** One tracking chart: an actual series, the predicted one dashed, the holdout start marked. */
function ActualPredicted(props: {
  label: string;
  data: Record<string, unknown>[];
  actual: string;
  predicted: string;
  reference: { x: string; label: string; color: string }[];
}) {
  return (
    <figure aria-label={props.label} style={{ margin: 0 }}>
      <LineChart
        h={220}
        data={props.data}
        dataKey="week"
        series={[
          { name: props.actual, color: 'blue.6' },
          { name: props.predicted, color: 'orange.6', strokeDasharray: '5 5' },
        ]}
        referenceLines={props.reference}
        curveType="linear"
        withDots={false}
        lineProps={{ isAnimationActive: false }}
      />
    </figure>
  );
}

export function TrackingCharts({ tracking: t }: { tracking: Tracking }) {
  const data = t.weeks.map((w) => ({
    week: formatDate(w.weekStart),
    Actual: Math.round(w.actual * 10) / 10,
    Predicted: Math.round(w.predicted * 10) / 10,
    'Actual, cumulative': Math.round(w.cumulativeActual),
    'Predicted, cumulative': Math.round(w.cumulativePredicted),
  }));
  const split = formatDate(t.calibrationEnd);
  const reference = [{ x: split, label: 'Holdout starts', color: 'gray.6' }];
  const error = t.holdout.actual > 0 ? (t.holdout.predicted - t.holdout.actual) / t.holdout.actual : null;
  return (
    <Section title="Model tracking: actual against predicted">
      <Text size="sm" c="dimmed" mb="xs">
        Fitted on purchases up to {split}; in the holdout after it, {t.holdout.customers.toLocaleString()}{' '}
        customers made {Math.round(t.holdout.actual).toLocaleString()} repeat purchases, the model expected{' '}
        {Math.round(t.holdout.predicted).toLocaleString()}
        {error !== null && ` (${error >= 0 ? '+' : '−'}${percent(Math.abs(error))})`}.
      </Text>
      <Stack gap="md">
        <ActualPredicted
          label="Repeat purchases per week, actual and predicted"
          data={data}
          actual="Actual"
          predicted="Predicted"
          reference={reference}
        />
        <ActualPredicted
          label="Cumulative repeat purchases, actual and predicted"
          data={data}
          actual="Actual, cumulative"
          predicted="Predicted, cumulative"
          reference={reference}
        />
      </Stack>
    </Section>
  );
}

/** How health moves: the share of customers in each band per day, and the mean. */
export function HealthOverTime({ points }: { points: ValueDashboard['healthOverTime'] }) {
  const data = points.map((p) => ({
    day: formatDate(p.day),
    Good: Math.round(p.good * 1000) / 10,
    Fair: Math.round(p.fair * 1000) / 10,
    Poor: Math.round(p.poor * 1000) / 10,
    'Mean health': Math.round(p.meanHealth),
  }));
  return (
    <Section title="Health over time">
      {data.length < 2 ? (
        <Text size="sm" c="dimmed">
          Health is recorded each day the figures are computed; the trend shows from the second day.
        </Text>
      ) : (
        <Stack gap="md">
          <figure aria-label="Share of customers per health band, by day" style={{ margin: 0 }}>
            <AreaChart
              h={200}
              data={data}
              dataKey="day"
              type="percent"
              series={[
                { name: 'Good', color: 'teal.6' },
                { name: 'Fair', color: 'yellow.6' },
                { name: 'Poor', color: 'red.6' },
              ]}
              withDots={false}
              areaProps={{ isAnimationActive: false }}
            />
          </figure>
          <figure aria-label="Mean health by day" style={{ margin: 0 }}>
            <LineChart
              h={160}
              data={data}
              dataKey="day"
              series={[{ name: 'Mean health', color: 'blue.6' }]}
              yAxisProps={{ domain: [0, 100] }}
              withDots={false}
              lineProps={{ isAnimationActive: false }}
            />
          </figure>
        </Stack>
      )}
    </Section>
  );
}

export { Section };
