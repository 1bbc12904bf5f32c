import {
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
import { SERVICE_TIERS, SEVERITIES } from '../../api/enums';
import { label } from '../../shared/format';
import { ConfirmButton } from '../admin/ConfirmButton';
import { FormAlert } from '../admin/FormAlert';
import { CalendarForm } from './CalendarForm';
import { SettingsTable } from './SettingsTable';
import {
  type Calendar,
  type SlaPolicyCreate,
  useCalendars,
  useCreateSlaPolicy,
  useDeleteCalendar,
  useDeleteSlaPolicy,
  useSlaPolicies,
} from './service';

const hours = (minutes: number) => `${Math.round(minutes / 6) / 10} h`;

/** Business calendars: each with its time zone and weekly business minutes; edit or add one. */
export function CalendarsPanel({ canManage }: { canManage: boolean }) {
  const list = useCalendars();
  const remove = useDeleteCalendar();
  const [editing, setEditing] = useState<Calendar | 'new' | null>(null);
  return (
    <Stack>
      <SettingsTable
        label="Business calendars"
        rows={list.data}
        error={list.error ?? remove.error}
        pending={list.isPending}
        empty="No business calendar yet: an SLA policy needs one."
        head={
          <>
            <Table.Th>Name</Table.Th>
            <Table.Th>Time zone</Table.Th>
            <Table.Th ta="right">Hours a week</Table.Th>
            <Table.Th ta="right">Holidays</Table.Th>
            {canManage && <Table.Th>Actions</Table.Th>}
          </>
        }
        cells={(c) => (
          <>
            <Table.Td>{c.name}</Table.Td>
            <Table.Td>{c.timeZone}</Table.Td>
            <Table.Td ta="right">{hours(c.weeklyMinutes)}</Table.Td>
            <Table.Td ta="right">{c.holidays.length}</Table.Td>
            {canManage && (
              <Table.Td>
                <Group gap={4}>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setEditing(c)}
                    aria-label={`Edit ${c.name}`}
                  >
                    Edit
                  </Button>
                  <ConfirmButton
                    label="Delete"
                    title={`Delete ${c.name}`}
                    question="Only a calendar no SLA policy uses can be deleted."
                    loading={remove.isPending}
                    onConfirm={(done) => remove.mutate(c.id, { onSettled: done })}
                  />
                </Group>
              </Table.Td>
            )}
          </>
        )}
      />
      {canManage &&
        (editing ? (
          <Card withBorder>
            <CalendarForm
              key={editing === 'new' ? 'new' : editing.id}
              calendar={editing === 'new' ? null : editing}
              onDone={() => setEditing(null)}
            />
          </Card>
        ) : (
          <Group>
            <Button onClick={() => setEditing('new')}>New business calendar</Button>
          </Group>
        ))}
    </Stack>
  );
}

/** SLA policies per severity and tier: the time to acknowledge and to resolve in business hours. */
export function SlaPoliciesPanel({ canManage }: { canManage: boolean }) {
  const list = useSlaPolicies();
  const remove = useDeleteSlaPolicy();
  return (
    <Stack>
      <SettingsTable
        label="SLA policies"
        rows={list.data}
        error={list.error ?? remove.error}
        pending={list.isPending}
        empty="No SLA policy yet: cases have no deadlines."
        head={
          <>
            <Table.Th>Name</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Tier</Table.Th>
            <Table.Th>Calendar</Table.Th>
            <Table.Th ta="right">Acknowledge</Table.Th>
            <Table.Th ta="right">Resolve</Table.Th>
            {canManage && <Table.Th>Actions</Table.Th>}
          </>
        }
        cells={(p) => (
          <>
            <Table.Td>{p.name}</Table.Td>
            <Table.Td>{label(p.severity)}</Table.Td>
            <Table.Td>{p.tier ? label(p.tier) : 'Every tier'}</Table.Td>
            <Table.Td>{p.calendarName}</Table.Td>
            <Table.Td ta="right">{hours(p.acknowledgeMinutes)}</Table.Td>
            <Table.Td ta="right">{hours(p.resolveMinutes)}</Table.Td>
            {canManage && (
              <Table.Td>
                <ConfirmButton
                  label="Delete"
                  title={`Delete ${p.name}`}
                  question="Its cases keep their deadlines; new cases of this severity and tier get none."
                  loading={remove.isPending}
                  onConfirm={(done) => remove.mutate(p.id, { onSettled: done })}
                />
              </Table.Td>
            )}
          </>
        )}
      />
      {canManage && <SlaPolicyForm />}
    </Stack>
  );
}

function SlaPolicyForm() {
  const calendars = useCalendars();
  const create = useCreateSlaPolicy();
  const empty = {
    name: '',
    severity: 'normal',
    tier: null,
    calendarId: '',
    acknowledgeMinutes: 60,
    resolveMinutes: 480,
  };
  const [draft, setDraft] = useState<SlaPolicyCreate>(empty as SlaPolicyCreate);
  const [ack, setAck] = useState<number | string>(1);
  const [resolve, setResolve] = useState<number | string>(8);
  const errors = fieldErrors(create.error);
  const set = <K extends keyof SlaPolicyCreate>(key: K, value: SlaPolicyCreate[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const minutes = (h: number | string) => Math.round(Number(h) * 60);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ...draft, acknowledgeMinutes: minutes(ack), resolveMinutes: minutes(resolve) },
      { onSuccess: () => setDraft(empty as SlaPolicyCreate) },
    );
  };
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label="New SLA policy">
        <Stack gap="xs">
          <Title order={3} size="h5">
            New SLA policy
          </Title>
          <FormAlert error={create.error} fields={Object.keys(empty)} />
          <Group grow align="start">
            <TextInput
              label="Name"
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
            />
            <Select
              label="Calendar"
              placeholder="Pick one"
              data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={draft.calendarId || null}
              onChange={(v) => set('calendarId', v ?? '')}
              error={errors.calendarId}
            />
          </Group>
          <Group grow align="start">
            <Select
              label="Severity"
              allowDeselect={false}
              data={SEVERITIES.map((s) => ({ value: s, label: label(s) }))}
              value={draft.severity}
              onChange={(v) => v && set('severity', v as SlaPolicyCreate['severity'])}
              error={errors.severity}
            />
            <Select
              label="Customer tier"
              data={[
                { value: 'any', label: 'Every tier' },
                ...SERVICE_TIERS.map((t) => ({ value: t, label: label(t) })),
              ]}
              allowDeselect={false}
              value={draft.tier ?? 'any'}
              onChange={(v) => set('tier', v === 'any' || !v ? null : (v as SlaPolicyCreate['tier']))}
              error={errors.tier}
            />
            <NumberInput
              label="Acknowledge within (business hours)"
              min={0}
              decimalScale={2}
              value={ack}
              onChange={setAck}
              error={errors.acknowledgeMinutes}
            />
            <NumberInput
              label="Resolve within (business hours)"
              min={0}
              decimalScale={2}
              value={resolve}
              onChange={setResolve}
              error={errors.resolveMinutes}
            />
          </Group>
          <Text size="xs" c="dimmed">
            A policy for every tier applies to tiers without a policy of their own.
          </Text>
          <Group justify="end">
            <Button type="submit" loading={create.isPending}>
              Add policy
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
