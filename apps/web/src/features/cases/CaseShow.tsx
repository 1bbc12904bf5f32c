import { Alert, Badge, Card, Grid, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { canWrite, useMe } from '../../session/session';
import { Field } from '../../shared/Field';
import { formatDateTime, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { PanelStatus } from '../admin/PanelStatus';
import { CaseEmails } from '../email/CaseEmails';
import { CasePromises } from '../promises/CasePromises';
import { CaseAcknowledgement } from './CaseAcknowledgement';
import { CaseCompensation } from './CaseCompensation';
import { CaseDetails } from './CaseDetails';
import { CustomerLink } from './CaseList';
import { CaseStatusActions } from './CaseStatus';
import { CaseStatusLink } from './CaseStatusLink';
import { type Case, SEVERITY_COLOR, useCase, useCaseHistory } from './cases';
import { caseEventText } from './events';
import { SlaBadge, SlaClocks } from './SlaClock';

/**
 * One case: what it is about and for whom, where it came from, its status with the moves allowed
 * from here, the SLA clocks, details and root cause, compensation, the acknowledgement draft, the
 * customer's status link, the emails sent to the customer, the promises made in it and its history.
 */
export function CaseShow() {
  const { caseId } = useParams({ from: '/cases/$caseId' });
  const query = useCase(caseId);
  const me = useMe().data;
  const writable = canWrite(me);
  const c = query.data;
  if (query.isPending) return <Loader aria-label="Loading" />;
  if (!c) {
    return (
      <Alert color="red" role="alert" title="This case could not be shown">
        {query.error?.message}
      </Alert>
    );
  }
  return (
    <Stack>
      <div>
        <Text size="sm" c="dimmed">
          {c.reference} · {label(c.type)}
          {c.category && ` · ${c.category}`}
        </Text>
        <Title order={1} size="h2">
          {c.subject}
        </Title>
        <Group gap={6} mt={6}>
          <Badge aria-label={`Status: ${label(c.status)}`}>{label(c.status)}</Badge>
          <Badge variant="light" color={SEVERITY_COLOR[c.severity]}>
            {c.severity} severity
          </Badge>
          <Badge variant="outline" color="gray">
            {c.tier} tier
          </Badge>
          <SlaBadge c={c} />
        </Group>
      </div>
      <CaseStatusActions c={c} writable={writable} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <About c={c} />
            <CaseDetails c={c} writable={writable} />
            <CasePromises c={c} writable={writable} />
            <CaseCompensation caseId={c.id} writable={writable} />
            <History caseId={c.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <SlaClocks sla={c.sla} />
            {writable && <CaseAcknowledgement c={c} />}
            <CaseStatusLink c={c} writable={writable} />
            <CaseEmails caseId={c.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <AnchorLink to="/cases" size="sm">
        ← All cases
      </AnchorLink>
    </Stack>
  );
}

const SOURCE_LABEL = {
  interaction: 'An interaction',
  review: 'A review',
  survey_response: 'A survey answer',
};

function Source({ c }: { c: Case }) {
  if (!c.source) return <>Opened directly</>;
  if (c.source.type === 'review')
    return (
      <AnchorLink to="/reviews" search={{ review: c.source.id }}>
        A review
      </AnchorLink>
    );
  // Interactions and survey answers live on the customer's timeline.
  const text = `${SOURCE_LABEL[c.source.type]} on the timeline`;
  if (c.personId)
    return (
      <AnchorLink to="/people/$personId" params={{ personId: c.personId }}>
        {text}
      </AnchorLink>
    );
  if (c.companyId)
    return (
      <AnchorLink to="/companies/$companyId" params={{ companyId: c.companyId }}>
        {text}
      </AnchorLink>
    );
  return <>{SOURCE_LABEL[c.source.type]}</>;
}

function About({ c }: { c: Case }) {
  return (
    <Card withBorder component="section" aria-label="About the case">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Field name="Customer">
          <CustomerLink c={c} />
          {c.personId && c.companyName && ` · ${c.companyName}`}
        </Field>
        <Field name="Came from">
          <Source c={c} />
        </Field>
        <Field name="Opened">{formatDateTime(c.openedAt)}</Field>
        <Field name="Owner">{c.ownerName ?? 'Nobody'}</Field>
        {c.acknowledgedAt && <Field name="Acknowledged">{formatDateTime(c.acknowledgedAt)}</Field>}
        {c.resolvedAt && <Field name="Resolved">{formatDateTime(c.resolvedAt)}</Field>}
        {c.reopenedCount > 0 && <Field name="Reopened">{`${c.reopenedCount} times`}</Field>}
        <Field name="CSAT follow-up">
          {c.csatInvitationId
            ? 'Survey invitation made on resolution'
            : c.resolvedAt
              ? 'None was sent'
              : 'Sent on resolution (when a CSAT survey is set)'}
        </Field>
      </SimpleGrid>
      {c.description && (
        <>
          <Text size="xs" c="dimmed" mt="sm">
            Description (internal)
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.description}
          </Text>
        </>
      )}
    </Card>
  );
}

function History({ caseId }: { caseId: string }) {
  const history = useCaseHistory(caseId);
  const events = history.data ?? [];
  return (
    <Card withBorder component="section" aria-label="History">
      <Title order={2} size="h5" mb="xs">
        History
      </Title>
      <PanelStatus error={history.error} pending={history.isPending} />
      <Stack gap={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {events.map((e) => (
          <Group key={e.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">{caseEventText(e)}</Text>
            <Text size="xs" c="dimmed" component="time" dateTime={e.at}>
              {formatDateTime(e.at)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
