import { Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PanelStatus } from '../admin/PanelStatus';
import { RootCausesSection, TimesSection } from './RecoveryCharts';
import { OutcomesSection } from './RecoveryOutcomes';
import {
  PERIODS,
  type RecoveryPeriod,
  useRecoveryOutcomes,
  useResolutionTimes,
  useRootCauses,
} from './recovery';

/** Service recovery: does a complaint handled well keep the customer? Root causes; response times. */
export function RecoveryPage() {
  const [period, setPeriod] = useState<RecoveryPeriod>('365d');
  const outcomes = useRecoveryOutcomes(period);
  const causes = useRootCauses(period);
  const times = useResolutionTimes(period);
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          Service recovery
        </Title>
        <Text c="dimmed">
          Whether customers whose complaint was handled well come back more than those who never complained:
          measured with 95% intervals, not assumed.
        </Text>
      </div>
      <Select
        label="Complaints and cases opened in"
        data={PERIODS}
        value={period}
        onChange={(v) => v && setPeriod(v as RecoveryPeriod)}
        allowDeselect={false}
        w={260}
      />
      <PanelStatus error={outcomes.error} pending={outcomes.isPending} />
      {outcomes.data && <OutcomesSection outcomes={outcomes.data} />}
      <PanelStatus error={causes.error} pending={causes.isPending} />
      {causes.data && <RootCausesSection pareto={causes.data} />}
      <PanelStatus error={times.error} pending={times.isPending} />
      {times.data && <TimesSection times={times.data} />}
    </Stack>
  );
}
