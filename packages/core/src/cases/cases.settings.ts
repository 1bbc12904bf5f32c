import type { Ctx } from '../shared/context.ts';
import { conflict, invalid, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { parseInput } from '../shared/validate.ts';
import { getSurvey } from '../surveys/surveys.service.ts';
import {
  type Calendar,
  type CalendarCreate,
  type CalendarUpdate,
  type CaseSettings,
  type CaseSettingsUpdate,
  type CompensationLimits,
  type CompensationLimitsInput,
  calendarCreate,
  calendarUpdate,
  caseSettingsUpdate,
  compensationLimitsInput,
  type RootCause,
  type RootCauseCreate,
  type RootCauseUpdate,
  rootCauseCreate,
  rootCauseUpdate,
  type SlaPolicy,
  type SlaPolicyCreate,
  type SlaPolicyUpdate,
  slaPolicyCreate,
  slaPolicyUpdate,
} from './cases.schema.ts';
import * as repo from './cases.settings.repo.ts';
import { calendarOf, compileCalendar } from './cases.sla.ts';

/** Business calendars, SLA policies, root causes, compensation limits and the workspace's case settings. */

function presentCalendar(row: repo.CalendarRow): Calendar {
  const cal = calendarOf(row);
  // A week without holidays: from a Monday far from any DST change, in the calendar's own zone.
  const monday = Date.UTC(2001, 0, 8);
  const weekly = cal.minutesBetween(
    monday - cal.offset(monday),
    monday - cal.offset(monday) + 7 * 86_400_000,
  );
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    hours: row.hours,
    holidays: row.holidays,
    weeklyMinutes: Math.round(weekly),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listCalendars(ctx: Ctx): Promise<{ data: Calendar[] }> {
  return { data: (await repo.listCalendars(ctx)).map(presentCalendar) };
}

export async function requireCalendar(ctx: Ctx, id: string, path = 'id'): Promise<repo.CalendarRow> {
  const row = await repo.findCalendar(ctx, id);
  if (!row) throw notFound('business calendar', id, path);
  return row;
}

export async function getCalendar(ctx: Ctx, id: string): Promise<Calendar> {
  return presentCalendar(await requireCalendar(ctx, id));
}

function checkHolidays(holidays: { date: string }[]) {
  const seen = new Set<string>();
  holidays.forEach((h, i) => {
    if (seen.has(h.date)) throw invalid(`holidays.${i}.date`, `${h.date} is listed twice`);
    seen.add(h.date);
  });
}

export async function createCalendar(ctx: Ctx, input: CalendarCreate): Promise<Calendar> {
  const value = parseInput(calendarCreate, input);
  checkHolidays(value.holidays);
  compileCalendar({ time_zone: value.timeZone, hours: value.hours, holidays: value.holidays });
  const id = newId('calendar');
  const now = ctx.clock.now();
  await repo.insertCalendar(ctx, {
    id,
    workspace_id: ctx.workspaceId,
    name: value.name,
    time_zone: value.timeZone,
    hours: JSON.stringify(value.hours),
    holidays: JSON.stringify(value.holidays),
    created_at: now,
    updated_at: now,
  });
  return getCalendar(ctx, id);
}

export async function updateCalendar(ctx: Ctx, id: string, input: CalendarUpdate): Promise<Calendar> {
  const patch = parseInput(calendarUpdate, input);
  const current = await requireCalendar(ctx, id);
  const next = {
    time_zone: patch.timeZone ?? current.time_zone,
    hours: patch.hours ?? current.hours,
    holidays: patch.holidays ?? current.holidays,
  };
  checkHolidays(next.holidays);
  compileCalendar(next);
  await repo.updateCalendar(ctx, id, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    time_zone: next.time_zone,
    hours: JSON.stringify(next.hours),
    holidays: JSON.stringify(next.holidays),
    updated_at: ctx.clock.now(),
  });
  return getCalendar(ctx, id);
}

export async function deleteCalendar(ctx: Ctx, id: string): Promise<void> {
  await requireCalendar(ctx, id);
  const { n } = await repo.policyCountOfCalendar(ctx, id);
  if (Number(n) > 0) throw conflict('id', `${n} SLA policies count in this calendar; change them first`);
  await repo.deleteCalendar(ctx, id);
}

function presentPolicy(row: repo.PolicyRow): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    severity: row.severity,
    tier: row.tier,
    calendarId: row.calendar_id,
    calendarName: row.calendar_name,
    acknowledgeMinutes: row.acknowledge_minutes,
    resolveMinutes: row.resolve_minutes,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listSlaPolicies(ctx: Ctx): Promise<{ data: SlaPolicy[] }> {
  return { data: (await repo.listPolicies(ctx)).map(presentPolicy) };
}

export async function getSlaPolicy(ctx: Ctx, id: string): Promise<SlaPolicy> {
  const row = await repo.findPolicy(ctx, id);
  if (!row) throw notFound('SLA policy', id);
  return presentPolicy(row);
}

/** A policy counts business minutes: its calendar must exist (and a calendar always has hours). */
async function checkCalendar(ctx: Ctx, calendarId: string) {
  const row = await repo.findCalendar(ctx, calendarId);
  if (!row) {
    throw invalid(
      'calendarId',
      `no business calendar ${calendarId}: a policy needs business hours; create one with POST /api/v1/business-calendars`,
    );
  }
  calendarOf(row);
}

function checkOrder(ack: number, resolve: number) {
  if (ack > resolve) throw invalid('acknowledgeMinutes', 'must not be longer than resolveMinutes');
}

export async function createSlaPolicy(ctx: Ctx, input: SlaPolicyCreate): Promise<SlaPolicy> {
  const value = parseInput(slaPolicyCreate, input);
  await checkCalendar(ctx, value.calendarId);
  checkOrder(value.acknowledgeMinutes, value.resolveMinutes);
  const match = await repo.matchPolicy(ctx, value.severity, value.tier ?? '*');
  if (match && match.tier === value.tier) {
    throw conflict(
      'severity',
      `"${match.name}" is already the ${value.severity} policy for ${value.tier ?? 'every tier'}`,
    );
  }
  const id = newId('slaPolicy');
  const now = ctx.clock.now();
  await repo.insertPolicy(ctx, {
    id,
    workspace_id: ctx.workspaceId,
    name: value.name,
    severity: value.severity,
    tier: value.tier,
    calendar_id: value.calendarId,
    acknowledge_minutes: value.acknowledgeMinutes,
    resolve_minutes: value.resolveMinutes,
    created_at: now,
    updated_at: now,
  });
  return getSlaPolicy(ctx, id);
}

export async function updateSlaPolicy(ctx: Ctx, id: string, input: SlaPolicyUpdate): Promise<SlaPolicy> {
  const patch = parseInput(slaPolicyUpdate, input);
  const current = await repo.findPolicy(ctx, id);
  if (!current) throw notFound('SLA policy', id);
  if (patch.calendarId) await checkCalendar(ctx, patch.calendarId);
  checkOrder(
    patch.acknowledgeMinutes ?? current.acknowledge_minutes,
    patch.resolveMinutes ?? current.resolve_minutes,
  );
  await repo.updatePolicy(ctx, id, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.calendarId !== undefined ? { calendar_id: patch.calendarId } : {}),
    ...(patch.acknowledgeMinutes !== undefined ? { acknowledge_minutes: patch.acknowledgeMinutes } : {}),
    ...(patch.resolveMinutes !== undefined ? { resolve_minutes: patch.resolveMinutes } : {}),
    updated_at: ctx.clock.now(),
  });
  return getSlaPolicy(ctx, id);
}

export async function deleteSlaPolicy(ctx: Ctx, id: string): Promise<void> {
  if (!(await repo.deletePolicy(ctx, id))) throw notFound('SLA policy', id);
}

const presentRootCause = (row: repo.RootCauseRow): RootCause => ({
  id: row.id,
  name: row.name,
  description: row.description,
  archived: row.archived_at !== null,
  cases: Number(row.cases),
  createdAt: row.created_at.toISOString(),
});

export async function listRootCauses(ctx: Ctx): Promise<{ data: RootCause[] }> {
  return { data: (await repo.listRootCauses(ctx)).map(presentRootCause) };
}

export async function createRootCause(ctx: Ctx, input: RootCauseCreate): Promise<RootCause> {
  const value = parseInput(rootCauseCreate, input);
  const id = newId('rootCause');
  const now = ctx.clock.now();
  await repo.insertRootCause(ctx, {
    id,
    workspace_id: ctx.workspaceId,
    name: value.name,
    description: value.description,
    created_at: now,
    updated_at: now,
  });
  return presentRootCause((await repo.findRootCause(ctx, id))!);
}

export async function updateRootCause(ctx: Ctx, id: string, input: RootCauseUpdate): Promise<RootCause> {
  const patch = parseInput(rootCauseUpdate, input);
  const current = await repo.findRootCause(ctx, id);
  if (!current) throw notFound('root cause', id);
  await repo.updateRootCause(ctx, id, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.archived !== undefined
      ? { archived_at: patch.archived ? (current.archived_at ?? ctx.clock.now()) : null }
      : {}),
    updated_at: ctx.clock.now(),
  });
  return presentRootCause((await repo.findRootCause(ctx, id))!);
}

/** A root cause that may be chosen now (exists, not archived). */
export async function requireRootCause(ctx: Ctx, id: string, path: string): Promise<void> {
  const row = await repo.findRootCause(ctx, id);
  if (!row) throw invalid(path, `no root cause ${id} in this workspace's taxonomy (GET /api/v1/root-causes)`);
  if (row.archived_at) throw invalid(path, `the root cause "${row.name}" is archived`);
}

export async function getCompensationLimits(ctx: Ctx): Promise<CompensationLimits> {
  return {
    data: (await repo.listLimits(ctx)).map((row) => ({
      role: row.role,
      currency: row.currency,
      maxAmountMinor: Number(row.max_amount_minor),
      updatedAt: row.updated_at.toISOString(),
    })),
  };
}

export async function setCompensationLimits(
  ctx: Ctx,
  input: CompensationLimitsInput,
): Promise<CompensationLimits> {
  const value = parseInput(compensationLimitsInput, input);
  const seen = new Set<string>();
  value.limits.forEach((limit, i) => {
    const key = `${limit.role}/${limit.currency}`;
    if (seen.has(key)) throw invalid(`limits.${i}`, `${limit.role} in ${limit.currency} is listed twice`);
    seen.add(key);
  });
  const now = ctx.clock.now();
  await repo.replaceLimits(
    ctx,
    value.limits.map((limit) => ({
      id: newId('compensationLimit'),
      workspace_id: ctx.workspaceId,
      role: limit.role,
      currency: limit.currency,
      max_amount_minor: limit.maxAmountMinor,
      updated_at: now,
    })),
  );
  return getCompensationLimits(ctx);
}

/** How much a role may grant alone in a currency: its limit; without one, none (an admin: no bound). */
export async function limitOf(ctx: Ctx, role: string, currency: string): Promise<number> {
  const row = await repo.findLimit(ctx, role, currency);
  if (row) return Number(row.max_amount_minor);
  return role === 'admin' ? Number.POSITIVE_INFINITY : 0;
}

const DEFAULTS: CaseSettings = {
  csatSurveyId: null,
  warnPercent: 80,
  promiseReminderMinutes: 1440,
  statusLinkDays: 30,
};

export async function getCaseSettings(ctx: Ctx): Promise<CaseSettings> {
  const row = await repo.findSettings(ctx);
  if (!row) return { ...DEFAULTS };
  return {
    csatSurveyId: row.csat_survey_id,
    warnPercent: row.warn_percent,
    promiseReminderMinutes: row.promise_reminder_minutes,
    statusLinkDays: row.status_link_days,
  };
}

export async function updateCaseSettings(ctx: Ctx, input: CaseSettingsUpdate): Promise<CaseSettings> {
  const patch = parseInput(caseSettingsUpdate, input);
  if (patch.csatSurveyId) {
    const survey = await getSurvey(ctx, patch.csatSurveyId).catch(() => null);
    if (!survey) throw invalid('csatSurveyId', `no survey ${patch.csatSurveyId} in this workspace`);
    if (survey.kind !== 'csat')
      throw invalid('csatSurveyId', `"${survey.name}" is a ${survey.kind} survey, not CSAT`);
  }
  const next = { ...(await getCaseSettings(ctx)), ...patch };
  await repo.upsertSettings(ctx, {
    workspace_id: ctx.workspaceId,
    csat_survey_id: next.csatSurveyId,
    warn_percent: next.warnPercent,
    promise_reminder_minutes: next.promiseReminderMinutes,
    status_link_days: next.statusLinkDays,
    updated_at: ctx.clock.now(),
  });
  return next;
}
