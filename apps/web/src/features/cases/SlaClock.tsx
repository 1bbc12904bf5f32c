import { Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../shared/format';
import { type Case, type CaseSla, currentStage, SLA_COLOR, type Stage, stageText } from './cases';

/**
 * The clock that matters now, for lists and panels: "Resolve: 3 h 20 min left" in business time,
 * yellow once the warning share is used, red when late; "No SLA" without a policy.
 */
export function SlaBadge({ c }: { c: Pick<Case, 'sla' | 'slaState' | 'status'> }) {
  if (!c.sla) {
    return (
      <Text size="sm" c="dimmed">
        No SLA
      </Text>
    );
  }
  if (c.status === 'resolved' || c.status === 'closed') {
    return (
      <Badge variant="light" color={SLA_COLOR[c.sla.resolve.state]}>
        Resolve {c.sla.resolve.state === 'met' ? 'met' : 'missed'}
      </Badge>
    );
  }
  const { name, stage } = currentStage(c.sla);
  const paused = name === 'Resolve' && c.sla.paused;
  return (
    <Badge
      variant={stage.state === 'breached' ? 'filled' : 'light'}
      color={paused ? 'gray' : SLA_COLOR[stage.state]}
      title={stage.dueAt ? `Due ${formatDateTime(stage.dueAt)}` : undefined}
    >
      {name}: {stageText(stage, paused)}
    </Badge>
  );
}

function Clock({ name, stage, paused }: { name: string; stage: Stage; paused: boolean }) {
  const used =
    stage.remainingMinutes === null
      ? 100
      : Math.min(100, Math.max(0, 100 * (1 - stage.remainingMinutes / stage.targetMinutes)));
  return (
    <Stack gap={4} aria-label={`${name} clock`} role="group">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {name}
        </Text>
        <Badge variant="light" color={paused ? 'gray' : SLA_COLOR[stage.state]}>
          {stageText(stage, paused)}
        </Badge>
      </Group>
      <Progress
        value={used}
        color={paused ? 'gray' : SLA_COLOR[stage.state]}
        aria-label={`${name}: ${Math.round(used)}% of the time used`}
      />
      <Text size="xs" c="dimmed">
        {`Target ${Math.round(stage.targetMinutes / 6) / 10} business hours`}
        {stage.dueAt && ` · due ${formatDateTime(stage.dueAt)}`}
        {stage.doneAt && ` · done ${formatDateTime(stage.doneAt)}`}
      </Text>
    </Stack>
  );
}

/** The case page's two clocks, to acknowledge and to resolve, with the paused state. */
export function SlaClocks({ sla }: { sla: CaseSla | null }) {
  return (
    <Card withBorder component="section" aria-label="SLA">
      <Title order={2} size="h5" mb="xs">
        SLA
      </Title>
      {!sla ? (
        <Text size="sm" c="dimmed">
          No SLA policy matches this severity and customer tier.
        </Text>
      ) : (
        <Stack gap="sm">
          <Clock name="Acknowledge" stage={sla.acknowledge} paused={false} />
          <Clock name="Resolve" stage={sla.resolve} paused={sla.paused} />
          {sla.paused && (
            <Text size="xs" c="dimmed">
              Waiting on the customer: the resolve clock stands still.
            </Text>
          )}
          <Text size="xs" c="dimmed">
            Counted in business hours of the policy's calendar.
          </Text>
        </Stack>
      )}
    </Card>
  );
}
