import { Badge, Group, Text } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { formatDate, formatMoney, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import type { CaseEvent } from './cases';

type PromiseEvent = Schemas['PromiseEvent'];

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** What a case event says: "Acknowledged → In progress", "SLA to resolve breached", "Refund €20 (pending)". */
export function caseEventText(e: CaseEvent): string {
  const d = e.detail;
  switch (e.type) {
    case 'opened':
      return `Opened (${label(e.caseType)})`;
    case 'status_changed':
      return `${label(e.fromStatus ?? '')} → ${label(e.toStatus ?? '')}`;
    case 'sla_warning':
      return `SLA warning: ${str(d.stage) ?? ''} due ${str(d.dueAt) ? formatDate(str(d.dueAt)!) : 'soon'}`;
    case 'sla_breached':
      return `SLA to ${str(d.stage) ?? 'respond'} breached`;
    case 'compensation': {
      const amount =
        typeof d.amountMinor === 'number' && str(d.currency)
          ? formatMoney(d.amountMinor, str(d.currency)!)
          : '';
      return `Compensation: ${label(str(d.kind) ?? 'other')} ${amount} (${str(d.status) ?? ''})`;
    }
  }
}

const EVENT_COLOR: Record<CaseEvent['type'], string> = {
  opened: 'blue',
  status_changed: 'gray',
  sla_warning: 'yellow',
  sla_breached: 'red',
  compensation: 'grape',
};

/** A case event on a timeline: the case as a link, what happened. */
export function CaseEventBody({ event: e }: { event: CaseEvent }) {
  return (
    <Group gap="xs" mt={4}>
      <AnchorLink to="/cases/$caseId" params={{ caseId: e.caseId }} size="sm" fw={600}>
        {e.caseSubject}
      </AnchorLink>
      <Badge size="sm" variant="light" color={EVENT_COLOR[e.type]}>
        {caseEventText(e)}
      </Badge>
    </Group>
  );
}

/** What a promise event says: "Made, due 3 May", "Moved 3 May → 10 May: the part is late (customer told)". */
export function promiseEventText(e: PromiseEvent): string {
  switch (e.type) {
    case 'made':
      return `Made, due ${e.toDueAt ? formatDate(e.toDueAt) : '—'}`;
    case 'renegotiated':
      return `Moved ${e.fromDueAt ? formatDate(e.fromDueAt) : ''} → ${e.toDueAt ? formatDate(e.toDueAt) : ''}${
        e.reason ? `: ${e.reason}` : ''
      }${e.toldCustomer ? ' (customer told)' : e.toldCustomer === false ? ' (customer not told yet)' : ''}`;
    default:
      return `${label(e.type)}${e.reason ? `: ${e.reason}` : ''}`;
  }
}

/** A promise event on a timeline: what was promised (a link into the ledger), what happened. */
export function PromiseEventBody({ event: e }: { event: PromiseEvent }) {
  return (
    <>
      <AnchorLink to="/promises" search={{ promise: e.promiseId }} size="sm" fw={600} mt={4}>
        {e.what}
      </AnchorLink>
      <Text size="sm" c={e.type === 'broken' ? 'red.8' : undefined}>
        {promiseEventText(e)}
      </Text>
    </>
  );
}
