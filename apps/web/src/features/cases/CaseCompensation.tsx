import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { COMPENSATION_KINDS } from '../../api/enums';
import { useMe } from '../../session/session';
import { formatDate, formatMoney, label } from '../../shared/format';
import { FormAlert } from '../admin/FormAlert';
import { PanelStatus } from '../admin/PanelStatus';
import { type Compensation, useAddCompensation, useCompensationLimits, useCompensations } from './cases';

export const APPROVAL_COLOR: Record<Compensation['status'], string> = {
  approved: 'teal',
  pending: 'yellow',
  rejected: 'red',
};

/** A compensation's approval state, with the approver's note. */
export function ApprovalState({ c }: { c: Compensation }) {
  return (
    <>
      <Badge variant="light" color={APPROVAL_COLOR[c.status]}>
        {c.status === 'pending' ? 'Awaiting approval' : c.status}
      </Badge>
      {c.decisionNote && (
        <Text size="xs" c="dimmed">
          {c.decisionNote}
        </Text>
      )}
    </>
  );
}

/** Minor units of a currency (2 for EUR, 0 for JPY). */
export function digitsOf(currency: string): number {
  try {
    return (
      new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/**
 * Compensation on a case: what was given or asked for with its approval state, and a form that
 * shows the limit of the signed-in role; above it the request goes to a manager for approval.
 */
export function CaseCompensation({ caseId, writable }: { caseId: string; writable: boolean }) {
  const list = useCompensations(caseId);
  const rows = list.data ?? [];
  return (
    <Card withBorder component="section" aria-label="Compensation">
      <Title order={2} size="h5" mb="xs">
        Compensation
      </Title>
      <PanelStatus error={list.error} pending={list.isPending} />
      {rows.length > 0 && (
        <Table aria-label="Compensation given or asked for">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kind</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Asked</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  {label(r.kind)}
                  {r.reason && (
                    <Text size="xs" c="dimmed">
                      {r.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatMoney(r.amountMinor, r.currency)}</Table.Td>
                <Table.Td>
                  <ApprovalState c={r} />
                </Table.Td>
                <Table.Td>{formatDate(r.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!list.isPending && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          None given.
        </Text>
      )}
      {writable && <CompensationForm caseId={caseId} />}
    </Card>
  );
}

function CompensationForm({ caseId }: { caseId: string }) {
  const role = useMe().data?.role;
  const limits = useCompensationLimits();
  const add = useAddCompensation(caseId);
  const [kind, setKind] = useState<Compensation['kind']>('refund');
  const [currency, setCurrency] = useState('EUR');
  const [amount, setAmount] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(add.error);
  const limit = (limits.data ?? []).find((l) => l.role === role && l.currency === currency.toUpperCase());
  const minor = typeof amount === 'number' ? Math.round(amount * 10 ** digitsOf(currency)) : 0;
  const above = role !== 'admin' && minor > 0 && (!limit || minor > limit.maxAmountMinor);
  const limitText =
    role === 'admin'
      ? 'As an admin you need no approval.'
      : limit
        ? `Your limit as ${role}: ${formatMoney(limit.maxAmountMinor, limit.currency)}.`
        : `No limit is set for ${role}s in ${currency.toUpperCase() || 'this currency'}: any amount needs approval.`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        kind,
        amountMinor: minor,
        currency: currency.toUpperCase(),
        reason: reason.trim() || null,
        requestApproval: above,
      },
      {
        onSuccess: () => {
          setAmount('');
          setReason('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Give compensation">
      <Stack gap="xs" mt="sm">
        <FormAlert error={add.error} fields={['kind', 'amountMinor', 'currency', 'reason']} />
        <Group grow align="start">
          <Select
            label="Kind"
            allowDeselect={false}
            data={COMPENSATION_KINDS.map((k) => ({ value: k, label: label(k) }))}
            value={kind}
            onChange={(v) => v && setKind(v as Compensation['kind'])}
            error={errors.kind}
          />
          <NumberInput
            label="Amount"
            min={0}
            decimalScale={digitsOf(currency)}
            value={amount}
            onChange={setAmount}
            error={errors.amountMinor}
          />
          <TextInput
            label="Currency"
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value)}
            error={errors.currency}
          />
        </Group>
        <TextInput
          label="Reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <Text size="xs" c={above ? 'orange.9' : 'dimmed'}>
          {limitText}
          {above && ' Above it: a manager or an admin approves this request.'}
        </Text>
        <Group justify="end">
          <Button type="submit" size="sm" loading={add.isPending} disabled={minor <= 0}>
            {above ? 'Ask for approval' : 'Give compensation'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
