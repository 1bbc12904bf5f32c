import type { BusinessCalendarsTable } from '@rapport/db';
import { BusinessCalendar, CalendarError, minutesOfDay } from '@rapport/models';
import type { Selectable } from 'kysely';
import { invalid } from '../shared/errors.ts';
import type { CaseSla, SlaState } from './cases.schema.ts';
import { WEEKDAYS } from './cases.settings.schema.ts';

/**
 * The SLA rules, pure (time and calendars come in): deadlines when a case opens, the pause while
 * waiting on the customer, and a case's state at an instant. Business minutes are counted by
 * models' BusinessCalendar in the calendar's time zone, holidays excluded.
 *
 * - Acknowledge: due `acknowledgeMinutes` business minutes after opening; met when the case leaves
 *   `new` in time. Not paused (a case is acknowledged before it waits on anyone).
 * - Resolve: due `resolveMinutes` business minutes after opening; while waiting on the customer
 *   the clock stands still: on resuming, the deadline moves on by the business minutes that were
 *   left when it paused. A reopened case resumes the same way from its resolution.
 * - Warning at `warnPercent` of a stage's time, breach at its deadline; a breach stays.
 */

/** The job that marks SLA warnings and breaches (cases.job.ts). */
export const SLA_JOB = 'cases.sla';

export type CalendarRow = Selectable<BusinessCalendarsTable>;

/** The engine's calendar from a stored row (hours as HH:MM intervals per weekday name). */
export function compileCalendar(
  row: Pick<CalendarRow, 'time_zone' | 'hours' | 'holidays'>,
): BusinessCalendar {
  const week = WEEKDAYS.map((day) =>
    (row.hours[day] ?? []).map((i) => [minutesOfDay(i.from) ?? 0, minutesOfDay(i.to) ?? 0] as const),
  );
  try {
    return new BusinessCalendar({ timeZone: row.time_zone, week, holidays: row.holidays.map((h) => h.date) });
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
    const path = error.path.replace(/^hours\.(\d)/, (_, d: string) => `hours.${WEEKDAYS[Number(d)]}`);
    throw invalid(path, error.message);
  }
}

const compiled = new Map<string, BusinessCalendar>();

/** Compiled calendars are kept per id and version (their offsets and days are cached inside). */
export function calendarOf(row: CalendarRow): BusinessCalendar {
  const key = `${row.workspace_id}/${row.id}/${row.updated_at.getTime()}`;
  let calendar = compiled.get(key);
  if (!calendar) {
    if (compiled.size >= 1000) compiled.clear();
    calendar = compileCalendar(row);
    compiled.set(key, calendar);
  }
  return calendar;
}

export interface Targets {
  acknowledgeMinutes: number;
  resolveMinutes: number;
}

export interface Deadlines {
  acknowledge_due_at: Date;
  acknowledge_warn_at: Date;
  resolve_due_at: Date;
  resolve_warn_at: Date;
}

export function deadlinesOf(
  cal: BusinessCalendar,
  openedAt: Date,
  t: Targets,
  warnPercent: number,
): Deadlines {
  const at = (minutes: number) => new Date(cal.addMinutes(openedAt.getTime(), minutes));
  return {
    acknowledge_due_at: at(t.acknowledgeMinutes),
    acknowledge_warn_at: at((t.acknowledgeMinutes * warnPercent) / 100),
    resolve_due_at: at(t.resolveMinutes),
    resolve_warn_at: at((t.resolveMinutes * warnPercent) / 100),
  };
}

/** The resolve deadline and warning after a pause from `pausedAt` until `now`. */
export function resumed(
  cal: BusinessCalendar,
  due: { resolve_due_at: Date; resolve_warn_at: Date | null },
  pausedAt: Date,
  now: Date,
): { resolve_due_at: Date; resolve_warn_at: Date | null } {
  const shift = (at: Date) => {
    const left = cal.minutesBetween(pausedAt.getTime(), at.getTime());
    return left > 0 ? new Date(cal.addMinutes(now.getTime(), left)) : at;
  };
  return {
    resolve_due_at: shift(due.resolve_due_at),
    resolve_warn_at: due.resolve_warn_at ? shift(due.resolve_warn_at) : null,
  };
}

/** What the state of a case needs. */
export interface SlaFacts {
  status: string;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  sla_paused_at: Date | null;
  acknowledge_due_at: Date | null;
  acknowledge_warn_at: Date | null;
  resolve_due_at: Date | null;
  resolve_warn_at: Date | null;
  acknowledge_breached_at: Date | null;
  resolve_breached_at: Date | null;
}

type StageState = CaseSla['acknowledge']['state'];

/** One stage at an instant: business minutes left (null once done) and its state. */
export interface StageAt {
  remainingMinutes: number | null;
  state: StageState;
}

function stageAt(
  cal: BusinessCalendar,
  due: Date,
  warn: Date | null,
  doneAt: Date | null,
  breachedAt: Date | null,
  clockAt: number,
): StageAt {
  if (doneAt) {
    const late = breachedAt !== null || doneAt.getTime() > due.getTime();
    return { remainingMinutes: null, state: late ? 'missed' : 'met' };
  }
  const remaining = Math.round(cal.minutesBetween(clockAt, due.getTime()) * 10) / 10;
  const state =
    breachedAt || clockAt >= due.getTime()
      ? 'breached'
      : warn && clockAt >= warn.getTime()
        ? 'warning'
        : 'ok';
  return { remainingMinutes: remaining, state };
}

/**
 * The evaluation of a case at `now` (what the SLA job and the benchmark compute): per stage the
 * business minutes left and its state, the worst of them, and whether the resolve clock is paused.
 */
export function evaluateAt(
  cal: BusinessCalendar,
  c: SlaFacts,
  now: Date,
): { acknowledge: StageAt; resolve: StageAt; state: SlaState; paused: boolean } | null {
  if (!c.acknowledge_due_at || !c.resolve_due_at) return null;
  const open = c.status !== 'resolved' && c.status !== 'closed';
  const paused = open && c.sla_paused_at !== null;
  const acknowledge = stageAt(
    cal,
    c.acknowledge_due_at,
    c.acknowledge_warn_at,
    c.acknowledged_at ?? (open ? null : c.resolved_at),
    c.acknowledge_breached_at,
    now.getTime(),
  );
  const resolve = stageAt(
    cal,
    c.resolve_due_at,
    c.resolve_warn_at,
    open ? null : (c.resolved_at ?? now),
    c.resolve_breached_at,
    paused ? c.sla_paused_at!.getTime() : now.getTime(),
  );
  const states = [acknowledge.state, resolve.state];
  const state: SlaState = states.some((s) => s === 'breached' || s === 'missed')
    ? 'breached'
    : states.includes('warning')
      ? 'warning'
      : 'ok';
  return { acknowledge, resolve, state, paused };
}

/** A case's SLA at `now` as the API shows it: each stage's deadline, business minutes left and state. */
export function slaAt(
  cal: BusinessCalendar,
  ids: { policyId: string; calendarId: string },
  t: Targets,
  c: SlaFacts,
  now: Date,
): CaseSla | null {
  const at = evaluateAt(cal, c, now);
  if (!at) return null;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const open = c.status !== 'resolved' && c.status !== 'closed';
  return {
    policyId: ids.policyId,
    calendarId: ids.calendarId,
    state: at.state,
    paused: at.paused,
    acknowledge: {
      targetMinutes: t.acknowledgeMinutes,
      dueAt: c.acknowledge_due_at!.toISOString(),
      warnAt: iso(c.acknowledge_warn_at),
      doneAt: iso(c.acknowledged_at ?? (open ? null : c.resolved_at)),
      ...at.acknowledge,
    },
    resolve: {
      targetMinutes: t.resolveMinutes,
      dueAt: c.resolve_due_at!.toISOString(),
      warnAt: iso(c.resolve_warn_at),
      doneAt: iso(open ? null : c.resolved_at),
      ...at.resolve,
    },
  };
}

/** Which marks a case needs now (what the SLA job writes): newly warned or breached stages. */
export function marksDue(
  c: SlaFacts & { acknowledge_warned_at: Date | null; resolve_warned_at: Date | null },
  now: Date,
) {
  const t = now.getTime();
  const reached = (at: Date | null) => at !== null && at.getTime() <= t;
  const open = c.status !== 'resolved' && c.status !== 'closed';
  const ackOpen = open && c.acknowledged_at === null;
  const resolveOpen = open && c.status !== 'waiting_on_customer';
  return {
    acknowledgeWarning:
      ackOpen && !c.acknowledge_warned_at && reached(c.acknowledge_warn_at) && !reached(c.acknowledge_due_at),
    acknowledgeBreach: ackOpen && !c.acknowledge_breached_at && reached(c.acknowledge_due_at),
    resolveWarning:
      resolveOpen && !c.resolve_warned_at && reached(c.resolve_warn_at) && !reached(c.resolve_due_at),
    resolveBreach: resolveOpen && !c.resolve_breached_at && reached(c.resolve_due_at),
  };
}

/** Business minutes between two instants, rounded to the minute (for events and messages). */
export function wholeMinutes(cal: BusinessCalendar, from: Date, to: Date): number {
  return Math.round(cal.minutesBetween(from.getTime(), to.getTime()));
}

export const minutesText = (minutes: number) => {
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = Math.round(abs % 60);
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
};
