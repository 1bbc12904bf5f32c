import { ActionIcon, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorFor, fieldErrors } from '../../api/client';
import { WEEKDAYS } from '../../api/enums';
import { FormAlert } from '../admin/FormAlert';
import { type Calendar, type CalendarCreate, useSaveCalendar } from './service';

type Day = (typeof WEEKDAYS)[number];
type Hours = Record<Day, { from: string; to: string }[]>;
type Holiday = { date: string; name: string | null };

const DAY_NAMES: Record<Day, string> = {
  sun: 'Sunday',
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
};
const WORKDAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const OFFICE = Object.fromEntries(
  WEEKDAYS.map((d) => [d, WORKDAYS.includes(d) ? [{ from: '09:00', to: '17:00' }] : []]),
) as Hours;

/**
 * A business calendar: name, IANA time zone, the week's hours (several intervals a day for split
 * hours) and holidays. The API's messages show at their field (an interval, a holiday's date).
 */
export function CalendarForm({ calendar, onDone }: { calendar: Calendar | null; onDone: () => void }) {
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(
    calendar?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
  );
  const [hours, setHours] = useState<Hours>(
    calendar ? ({ ...OFFICE, ...calendar.hours } as Hours) : structuredClone(OFFICE),
  );
  const [holidays, setHolidays] = useState<Holiday[]>(calendar?.holidays ?? []);
  const save = useSaveCalendar();
  const errors = fieldErrors(save.error);
  const setSpan = (day: Day, i: number, key: 'from' | 'to', value: string) =>
    setHours((h) => ({ ...h, [day]: h[day].map((iv, k) => (k === i ? { ...iv, [key]: value } : iv)) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CalendarCreate = { name, timeZone, hours, holidays };
    save.mutate({ id: calendar?.id ?? null, body }, { onSuccess: onDone });
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={calendar ? `Edit ${calendar.name}` : 'New business calendar'}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          {calendar ? `Edit ${calendar.name}` : 'New business calendar'}
        </Title>
        <FormAlert error={save.error} fields={['name', 'timeZone', 'hours', 'holidays']} />
        <Group grow align="start">
          <TextInput
            label="Name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label="Time zone"
            description="IANA name, e.g. Europe/Berlin"
            value={timeZone}
            onChange={(e) => setTimeZone(e.currentTarget.value)}
            error={errors.timeZone}
          />
        </Group>
        {errors.hours && (
          <Text size="sm" c="red" role="alert">
            {errors.hours}
          </Text>
        )}
        <Table aria-label="Weekly hours">
          <Table.Tbody>
            {WEEKDAYS.map((day) => (
              <Table.Tr key={day}>
                <Table.Th w={110}>{DAY_NAMES[day]}</Table.Th>
                <Table.Td>
                  <Stack gap={4}>
                    {hours[day].length === 0 && (
                      <Text size="sm" c="dimmed">
                        Closed
                      </Text>
                    )}
                    {hours[day].map((iv, i) => (
                      <Group key={`${day}-${i}`} gap={4} align="start" wrap="nowrap">
                        {(['from', 'to'] as const).map((key) => (
                          <TextInput
                            key={key}
                            size="xs"
                            w={90}
                            aria-label={`${DAY_NAMES[day]} ${i + 1} ${key}`}
                            placeholder="HH:MM"
                            value={iv[key]}
                            onChange={(e) => setSpan(day, i, key, e.currentTarget.value)}
                            error={
                              errorFor(errors, `hours.${day}.${i}.${key}`) ??
                              errorFor(errors, `hours.${day}.${i}`)
                            }
                          />
                        ))}
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${DAY_NAMES[day]} interval ${i + 1}`}
                          onClick={() => setHours((h) => ({ ...h, [day]: h[day].filter((_, k) => k !== i) }))}
                        >
                          ×
                        </ActionIcon>
                      </Group>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td w={120}>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={`Add hours on ${DAY_NAMES[day]}`}
                    onClick={() =>
                      setHours((h) => ({ ...h, [day]: [...h[day], { from: '13:00', to: '17:00' }] }))
                    }
                  >
                    Add hours
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" fw={600}>
          Holidays
        </Text>
        {holidays.map((h, i) => (
          <Group key={`holiday-${i}`} gap={4} align="start">
            <TextInput
              size="xs"
              type="date"
              aria-label={`Holiday ${i + 1} date`}
              value={h.date}
              onChange={(e) => {
                const date = e.currentTarget.value;
                setHolidays((all) => all.map((x, k) => (k === i ? { ...x, date } : x)));
              }}
              error={errorFor(errors, `holidays.${i}`)}
            />
            <TextInput
              size="xs"
              aria-label={`Holiday ${i + 1} name`}
              placeholder="Name"
              value={h.name ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setHolidays((all) => all.map((x, k) => (k === i ? { ...x, name: value || null } : x)));
              }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove holiday ${i + 1}`}
              onClick={() => setHolidays((all) => all.filter((_, k) => k !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setHolidays((all) => [...all, { date: '', name: null }])}
          >
            Add a holiday
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save calendar
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
