import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorFor, fieldErrors } from '../../api/client';
import { formatMoney } from '../../shared/format';
import { FormAlert } from '../admin/FormAlert';
import { PanelStatus } from '../admin/PanelStatus';
import { digitsOf } from '../cases/CaseCompensation';
import { useCompensationLimits, useRootCauses } from '../cases/cases';
import { useSurveys } from '../surveys/surveys';
import { SettingsTable } from './SettingsTable';
import {
  type Limit,
  useCaseSettings,
  useCreateRootCause,
  useSetLimits,
  useUpdateCaseSettings,
  useUpdateRootCause,
} from './service';

/** The root-cause taxonomy: add causes, archive those no longer chosen (they stay on their cases). */
export function RootCausesPanel({ canManage }: { canManage: boolean }) {
  const list = useRootCauses();
  const create = useCreateRootCause();
  const update = useUpdateRootCause();
  const [name, setName] = useState('');
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, description: null }, { onSuccess: () => setName('') });
  };
  return (
    <Stack>
      <SettingsTable
        label="Root causes"
        rows={list.data}
        error={list.error ?? update.error}
        pending={list.isPending}
        empty="No root cause yet."
        head={
          <>
            <Table.Th>Root cause</Table.Th>
            <Table.Th ta="right">Cases</Table.Th>
            <Table.Th>Archived</Table.Th>
          </>
        }
        cells={(r) => (
          <>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td ta="right">{r.cases}</Table.Td>
            <Table.Td>
              <Checkbox
                aria-label={`Archive ${r.name}`}
                checked={r.archived}
                disabled={!canManage}
                onChange={(e) => update.mutate({ id: r.id, archived: e.currentTarget.checked })}
              />
            </Table.Td>
          </>
        )}
      />
      {canManage && (
        <form onSubmit={submit} noValidate aria-label="New root cause">
          <Group align="start">
            <TextInput
              label="New root cause"
              placeholder="e.g. Carrier delay"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name ?? (create.error && !errors.name ? create.error.message : undefined)}
            />
            <Button type="submit" mt={25} loading={create.isPending}>
              Add
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

const ROLES = ['agent', 'manager', 'admin'] as const;

/** How much compensation each role grants alone, per currency (admins change them). */
export function LimitsPanel({ isAdmin }: { isAdmin: boolean }) {
  const list = useCompensationLimits();
  const save = useSetLimits();
  const [draft, setDraft] = useState<
    { role: Limit['role']; currency: string; amount: number | string }[] | null
  >(null);
  const errors = fieldErrors(save.error);
  const rows =
    draft ??
    (list.data ?? []).map((l) => ({
      role: l.role,
      currency: l.currency,
      amount: l.maxAmountMinor / 10 ** digitsOf(l.currency),
    }));
  const edit = (i: number, patch: Partial<(typeof rows)[number]>) =>
    setDraft(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const limits = rows.map((r) => ({
      role: r.role,
      currency: r.currency.toUpperCase(),
      maxAmountMinor: Math.round(Number(r.amount) * 10 ** digitsOf(r.currency.toUpperCase())),
    }));
    save.mutate(limits, { onSuccess: () => setDraft(null) });
  };
  if (!isAdmin)
    return (
      <Stack gap="xs">
        <PanelStatus error={list.error} pending={list.isPending} />
        {(list.data ?? []).map((l) => (
          <Text key={`${l.role}-${l.currency}`} size="sm">
            {l.role}: {formatMoney(l.maxAmountMinor, l.currency)}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          Only admins change the limits.
        </Text>
      </Stack>
    );
  return (
    <form onSubmit={submit} noValidate aria-label="Compensation limits">
      <Stack gap="xs">
        <PanelStatus error={list.error} pending={list.isPending} />
        <FormAlert error={save.error} fields={['limits']} />
        <Text size="sm" c="dimmed">
          Above its limit a role asks a manager or an admin to approve. Without a limit in a currency, agents
          and managers need approval for any amount; admins never do.
        </Text>
        {rows.map((r, i) => (
          <Group key={`limit-${i}`} align="start" gap="xs">
            <Select
              aria-label={`Limit ${i + 1} role`}
              allowDeselect={false}
              data={ROLES.map((role) => ({ value: role, label: role }))}
              value={r.role}
              onChange={(v) => v && edit(i, { role: v as Limit['role'] })}
              w={130}
              error={errorFor(errors, `limits.${i}.role`)}
            />
            <TextInput
              aria-label={`Limit ${i + 1} currency`}
              value={r.currency}
              maxLength={3}
              onChange={(e) => edit(i, { currency: e.currentTarget.value })}
              w={80}
              error={errorFor(errors, `limits.${i}.currency`)}
            />
            <NumberInput
              aria-label={`Limit ${i + 1} amount`}
              min={0}
              value={r.amount}
              onChange={(amount) => edit(i, { amount })}
              w={140}
              error={errorFor(errors, `limits.${i}.maxAmountMinor`) ?? errorFor(errors, `limits.${i}`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={4}
              aria-label={`Remove limit ${i + 1}`}
              onClick={() => setDraft(rows.filter((_, k) => k !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setDraft([...rows, { role: 'agent', currency: 'EUR', amount: 0 }])}
          >
            Add a limit
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!draft}>
            Save limits
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The CSAT survey sent on resolution, the SLA warning share, promise reminders, status link life. */
export function CaseSettingsPanel({ canManage }: { canManage: boolean }) {
  const settings = useCaseSettings();
  const surveys = useSurveys();
  const save = useUpdateCaseSettings();
  const s = settings.data;
  const errors = fieldErrors(save.error);
  const [draft, setDraft] = useState<Partial<NonNullable<typeof s>>>({});
  if (!s) return <PanelStatus error={settings.error} pending={settings.isPending} />;
  const value = { ...s, ...draft };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: () => setDraft({}) });
  };
  const csat = (surveys.data?.data ?? []).filter((x) => x.kind === 'csat');
  return (
    <form onSubmit={submit} noValidate aria-label="Case settings">
      <Stack gap="xs" maw={520}>
        <FormAlert error={save.error} fields={Object.keys(s)} />
        <Select
          label="CSAT survey sent when a case is resolved"
          placeholder="None"
          clearable
          readOnly={!canManage}
          data={csat.map((x) => ({ value: x.id, label: `${x.name} (${x.status})` }))}
          value={value.csatSurveyId}
          onChange={(v) => setDraft((d) => ({ ...d, csatSurveyId: v }))}
          error={errors.csatSurveyId}
        />
        <NumberInput
          label="SLA warning when this share of the time is used (%)"
          readOnly={!canManage}
          value={value.warnPercent}
          onChange={(v) => setDraft((d) => ({ ...d, warnPercent: Number(v) }))}
          error={errors.warnPercent}
        />
        <NumberInput
          label="Remind a promise's owner this many minutes before it is due"
          readOnly={!canManage}
          value={value.promiseReminderMinutes}
          onChange={(v) => setDraft((d) => ({ ...d, promiseReminderMinutes: Number(v) }))}
          error={errors.promiseReminderMinutes}
        />
        <NumberInput
          label="Status links keep working this many days after the case closed"
          readOnly={!canManage}
          value={value.statusLinkDays}
          onChange={(v) => setDraft((d) => ({ ...d, statusLinkDays: Number(v) }))}
          error={errors.statusLinkDays}
        />
        {canManage && (
          <Group justify="end">
            <Button type="submit" loading={save.isPending} disabled={Object.keys(draft).length === 0}>
              Save settings
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
