import { LineChart } from '@mantine/charts';
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { About } from '../../shared/about';
import { formatDate, formatMoney, label } from '../../shared/format';
import { PanelStatus } from '../admin/PanelStatus';
import { HealthReasons } from './HealthReasons';
import {
  CHURN_COLOR,
  type CustomerValue,
  decimal,
  HEALTH_COLOR,
  percent,
  useCustomerValue,
  type ValueFigures,
} from './value';

/**
 * A customer's value and relationship health on their page: the health score and what it is made
 * of, lifetime value, chance of being active, expected purchases and churn risk, health over time.
 */
export function ValuePanel({ about }: { about: About }) {
  const value = useCustomerValue(about);
  const v = value.data;
  return (
    <Card withBorder component="section" aria-label="Value and health">
      <Title order={2} size="h4" mb="xs">
        Value and health
      </Title>
      <PanelStatus error={value.error} pending={value.isPending} />
      {v && !v.figures && (
        <Text c="dimmed">
          No figures yet: they come with the first paid order{about.companyId ? ' of the company' : ''} and
          are recomputed after every new order and nightly.
        </Text>
      )}
      {v?.figures && <ValueBody value={v} figures={v.figures} />}
    </Card>
  );
}

function Figure({ name, value, hint }: { name: string; value: string; hint?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text fw={600}>{value}</Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
}

function ValueBody({ value, figures: f }: { value: CustomerValue; figures: ValueFigures }) {
  const money = (minor: number) => formatMoney(minor, f.currency);
  // The history's points are changes: each holds until the next, and the last until today's figures.
  const history = value.healthHistory.map((p) => ({ day: formatDate(p.day), Health: p.health }));
  const today = formatDate(f.computedAt.slice(0, 10));
  if (history.length && history.at(-1)!.day !== today) history.push({ day: today, Health: f.health });
  return (
    <Stack gap="sm">
      <Group gap="sm" align="baseline">
        <Text fz={32} fw={700} lh={1} aria-label={`Health ${f.health} of 100`}>
          {f.health}
        </Text>
        <Badge variant="light" color={HEALTH_COLOR[f.healthBand]}>
          {label(f.healthBand)} health
        </Badge>
        <Badge variant="light" color={CHURN_COLOR[f.churnBand]}>
          {label(f.churnBand)} churn risk
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <Figure name="Lifetime value (CLV)" value={money(f.clvMinor)} hint="discounted, over the horizon" />
        <Figure name="Chance still active" value={percent(f.pAlive)} />
        <Figure name="Churn risk" value={percent(f.churnRisk)} />
        <Figure name="Expected purchases, 90 days" value={decimal(f.expectedPurchases90)} />
        <Figure name="Expected purchases, a year" value={decimal(f.expectedPurchases365)} />
        <Figure name="Expected spend per purchase" value={money(f.expectedSpendMinor)} />
        <Figure
          name="Spent to date"
          value={money(f.rfm.monetaryMinor)}
          hint={`${f.rfm.frequency} purchase days`}
        />
        <Figure
          name="Last purchase"
          value={formatDate(f.lastOrderAt)}
          hint={`${f.rfm.recencyDays} days ago`}
        />
        <Figure
          name="RFM"
          value={`${f.rfm.r}-${f.rfm.f}-${f.rfm.m}`}
          hint="recency, frequency, money: 5 best"
        />
      </SimpleGrid>
      <HealthReasons reasons={f.healthReasons} />
      {history.length > 1 && (
        <figure aria-label="Health over time" style={{ margin: 0 }}>
          <LineChart
            h={140}
            data={history}
            dataKey="day"
            series={[{ name: 'Health', color: 'blue.6' }]}
            yAxisProps={{ domain: [0, 100], ticks: [0, 40, 70, 100] }}
            referenceLines={[
              { y: 70, color: 'teal.4' },
              { y: 40, color: 'red.4' },
            ]}
            curveType="stepAfter"
            withLegend={false}
            lineProps={{ isAnimationActive: false }}
          />
        </figure>
      )}
      {value.fit && value.fit.warnings.length > 0 && (
        <Alert color="yellow" title="Read these figures with care">
          {value.fit.warnings.map((w) => w.message).join(' ')}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        Computed {formatDate(f.computedAt)}.
      </Text>
    </Stack>
  );
}
