import type { BusinessCalendar } from '@rapport/models';
import { companiesByIds, requireCompany } from '../companies/companies.service.ts';
import { enqueueAt } from '../jobs/jobs.service.ts';
import { membershipsOfPeople } from '../memberships/memberships.service.ts';
import { requirePerson } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import { requireMember } from '../users/users.service.ts';
import { emitEvent } from '../webhooks/webhooks.service.ts';
import * as repo from './cases.repo.ts';
import {
  type Case,
  type CaseCreate,
  type CaseEvent,
  type CasesQuery,
  type CaseUpdate,
  caseCreate,
  casesQuery,
  caseUpdate,
} from './cases.schema.ts';
import * as settingsRepo from './cases.settings.repo.ts';
import { getCaseSettings, requireRootCause } from './cases.settings.ts';
import { calendarOf, deadlinesOf, SLA_JOB, slaAt } from './cases.sla.ts';
import { readSource } from './cases.source.ts';

const TIER_RANK = { standard: 0, gold: 1, platinum: 2 } as const;

export const referenceOf = (id: string) => `C-${id.slice(-6).toUpperCase()}`;

/** Compiled calendars for these cases' policies (one query). */
export async function calendarsFor(ctx: Ctx, ids: (string | null)[]): Promise<Map<string, BusinessCalendar>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = await settingsRepo.calendarsByIds(ctx, wanted);
  return new Map(rows.map((row) => [row.id, calendarOf(row)]));
}

export function presentCase(row: repo.CaseRow, calendars: Map<string, BusinessCalendar>, now: Date): Case {
  const cal = row.calendar_id ? calendars.get(row.calendar_id) : undefined;
  const sla =
    cal && row.sla_policy_id && row.acknowledge_minutes && row.resolve_minutes
      ? slaAt(
          cal,
          { policyId: row.sla_policy_id, calendarId: row.calendar_id! },
          { acknowledgeMinutes: row.acknowledge_minutes, resolveMinutes: row.resolve_minutes },
          row,
          now,
        )
      : null;
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  return {
    id: row.id,
    reference: referenceOf(row.id),
    type: row.type,
    category: row.category,
    severity: row.severity,
    subject: row.subject,
    description: row.description,
    status: row.status,
    personId: row.person_id,
    personName: row.person_name,
    companyId: row.company_id,
    companyName: row.company_name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    team: row.team,
    tier: row.tier,
    source: row.source_type && row.source_id ? { type: row.source_type, id: row.source_id } : null,
    sla,
    slaState: sla?.state ?? 'none',
    rootCauseId: row.root_cause_id,
    rootCauseName: row.root_cause_name,
    resolution: row.resolution,
    openedAt: row.opened_at.toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    reopenedCount: row.reopened_count,
    csatInvitationId: row.csat_invitation_id,
    statusLink: row.status_link_revoked_at ? 'revoked' : row.status_token_hash ? 'active' : 'none',
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function requireCaseRow(ctx: Ctx, id: string, path = 'id'): Promise<repo.CaseRow> {
  const row = await repo.findCase(ctx, id);
  if (!row) throw notFound('case', id, path);
  return row;
}

export async function getCase(ctx: Ctx, id: string): Promise<Case> {
  const row = await requireCaseRow(ctx, id);
  return presentCase(row, await calendarsFor(ctx, [row.calendar_id]), ctx.clock.now());
}

/** The customer of a case, for promises made in it. */
export async function caseCustomer(ctx: Ctx, id: string, path = 'caseId') {
  const row = await requireCaseRow(ctx, id, path);
  return { personId: row.person_id, companyId: row.company_id, team: row.team, ownerId: row.owner_id };
}

async function customerOf(ctx: Ctx, personId: string | null, companyId: string | null) {
  const person = personId ? await requirePerson(ctx, personId, 'personId') : null;
  if (companyId) await requireCompany(ctx, companyId, 'companyId');
  let company = companyId;
  if (!company && personId) company = (await membershipsOfPeople(ctx, [personId]))[0]?.company_id ?? null;
  const [account] = company ? await companiesByIds(ctx, [company]) : [];
  const tiers = [person?.service_tier, account?.serviceTier].filter((t) => t !== undefined);
  const tier = tiers.reduce<keyof typeof TIER_RANK>(
    (a, b) => (TIER_RANK[b] > TIER_RANK[a] ? b : a),
    'standard',
  );
  return { personId, companyId: company, tier };
}

/**
 * Opens a case, from nothing or from an interaction, survey answer or review (the customer is
 * copied from it). The policy matching its severity and the customer's tier sets its deadlines;
 * the SLA job is enqueued at its warnings and deadlines.
 */
export async function createCase(ctx: Ctx, input: CaseCreate): Promise<Case> {
  const value = parseInput(caseCreate, input);
  const source = value.source ? await readSource(ctx, value.source) : null;
  const personId = value.personId !== undefined ? value.personId : (source?.personId ?? null);
  const companyId = value.companyId !== undefined ? value.companyId : (source?.companyId ?? null);
  if (!personId && !companyId) {
    throw invalid(
      'personId',
      source ? 'the source has no customer: give personId or companyId' : 'give personId or companyId',
    );
  }
  const subject = value.subject ?? (source?.subject || source?.text?.slice(0, 120) || null);
  if (!subject) throw invalid('subject', 'required (the source has no subject or text to take it from)');
  const customer = await customerOf(ctx, personId, companyId);
  const ownerId = value.ownerId !== undefined ? value.ownerId : ctx.actor.userId;
  if (ownerId) await requireMember(ctx, ownerId, 'ownerId');
  const now = ctx.clock.now();
  const policy = await settingsRepo.matchPolicy(ctx, value.severity, customer.tier);
  const due = policy
    ? deadlinesOf(
        calendarOf((await settingsRepo.findCalendar(ctx, policy.calendar_id))!),
        now,
        { acknowledgeMinutes: policy.acknowledge_minutes, resolveMinutes: policy.resolve_minutes },
        (await getCaseSettings(ctx)).warnPercent,
      )
    : null;
  const id = newId('case');
  await repo.insertCase(ctx, {
    id,
    workspace_id: ctx.workspaceId,
    type: value.type,
    category: value.category,
    severity: value.severity,
    subject: subject.slice(0, 300),
    description: value.description,
    person_id: customer.personId,
    company_id: customer.companyId,
    owner_id: ownerId,
    team: value.team,
    tier: customer.tier,
    source_type: source?.type ?? null,
    source_id: source?.id ?? null,
    sla_policy_id: policy?.id ?? null,
    opened_at: now,
    ...due,
    created_by: ctx.actor.id,
    created_at: now,
    updated_at: now,
  });
  await repo.insertEvents(ctx, [
    caseEventRow(ctx, { id, person_id: customer.personId, company_id: customer.companyId }, 'opened', {
      to: 'new',
    }),
  ]);
  if (due) await enqueueAt(ctx, SLA_JOB, Object.values(due));
  const created = await getCase(ctx, id);
  await emitEvent(ctx, 'case.opened', created);
  return created;
}

export function caseEventRow(
  ctx: Ctx,
  c: { id: string; person_id: string | null; company_id: string | null },
  type: CaseEvent['type'],
  o: { from?: string | null; to?: string | null; detail?: Record<string, unknown> } = {},
) {
  return {
    id: newId('caseEvent'),
    workspace_id: ctx.workspaceId,
    case_id: c.id,
    type,
    from_status: o.from ?? null,
    to_status: o.to ?? null,
    detail: JSON.stringify(o.detail ?? {}),
    person_id: c.person_id,
    company_id: c.company_id,
    actor: ctx.actor.id,
    at: ctx.clock.now(),
  };
}

export async function listCases(ctx: Ctx, input: CasesQuery = {}): Promise<Page<Case>> {
  const q = parseInput(casesQuery, input);
  const now = ctx.clock.now();
  const statuses = q.status?.flatMap((s) =>
    s === 'open' ? ['new', 'acknowledged', 'in_progress', 'waiting_on_customer'] : [s],
  );
  const sort = {
    openedAt: { column: 'opened_at', direction: 'asc' as const },
    '-openedAt': { column: 'opened_at', direction: 'desc' as const },
    resolveDueAt: { column: 'resolve_due_at', direction: 'asc' as const },
  }[q.sort];
  const cursor = q.cursor ? decodeCursor(q.cursor, 2) : null;
  const ownerId = q.ownerId === 'me' ? (ctx.actor.userId ?? '') : q.ownerId === 'none' ? null : q.ownerId;
  const rows = await repo.listCases(
    ctx,
    {
      statuses,
      types: q.type,
      severities: q.severity,
      ownerId,
      team: q.team,
      personId: q.personId,
      companyId: q.companyId,
      slaStates: q.slaState,
      rootCauseId: q.rootCauseId,
      category: q.category,
      now,
    },
    sort,
    q.limit,
    cursor,
  );
  const calendars = await calendarsFor(
    ctx,
    rows.map((r) => r.calendar_id),
  );
  return toPage(
    rows,
    q.limit,
    (row) => row[sort.column as 'opened_at'],
    (row) => row.id,
    (row) => presentCase(row, calendars, now),
  );
}

/** Changes what a case says; a new severity applies its policy from the case's opening. */
export async function updateCase(ctx: Ctx, id: string, input: CaseUpdate): Promise<Case> {
  const patch = parseInput(caseUpdate, input);
  const current = await requireCaseRow(ctx, id);
  if (patch.ownerId) await requireMember(ctx, patch.ownerId, 'ownerId');
  if (patch.rootCauseId && patch.rootCauseId !== current.root_cause_id)
    await requireRootCause(ctx, patch.rootCauseId, 'rootCauseId');
  const set: Parameters<typeof repo.updateCase>[2] = {};
  if (patch.category !== undefined) set.category = patch.category;
  if (patch.subject !== undefined) set.subject = patch.subject;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.ownerId !== undefined) set.owner_id = patch.ownerId;
  if (patch.team !== undefined) set.team = patch.team;
  if (patch.rootCauseId !== undefined) set.root_cause_id = patch.rootCauseId;
  if (patch.resolution !== undefined) set.resolution = patch.resolution;
  if (patch.severity !== undefined && patch.severity !== current.severity) {
    set.severity = patch.severity;
    const policy = await settingsRepo.matchPolicy(ctx, patch.severity, current.tier);
    set.sla_policy_id = policy?.id ?? null;
    if (policy) {
      const cal = calendarOf((await settingsRepo.findCalendar(ctx, policy.calendar_id))!);
      const due = deadlinesOf(
        cal,
        current.opened_at,
        { acknowledgeMinutes: policy.acknowledge_minutes, resolveMinutes: policy.resolve_minutes },
        (await getCaseSettings(ctx)).warnPercent,
      );
      Object.assign(set, due);
      await enqueueAt(ctx, SLA_JOB, Object.values(due));
    } else {
      Object.assign(set, {
        acknowledge_due_at: null,
        acknowledge_warn_at: null,
        resolve_due_at: null,
        resolve_warn_at: null,
      });
    }
  }
  if (Object.keys(set).length) await repo.updateCase(ctx, id, { ...set, updated_at: ctx.clock.now() });
  return getCase(ctx, id);
}

/** A case's history, oldest first. */
export async function caseHistory(ctx: Ctx, id: string): Promise<{ data: CaseEvent[] }> {
  const row = await requireCaseRow(ctx, id);
  const events = await repo.eventsOfCase(ctx, id);
  return {
    data: events.map((e) => presentEvent({ ...e, case_subject: row.subject, case_type: row.type })),
  };
}

function presentEvent(e: Awaited<ReturnType<typeof repo.eventsByIds>>[number]): CaseEvent {
  return {
    id: e.id,
    caseId: e.case_id,
    caseSubject: e.case_subject,
    caseType: e.case_type,
    type: e.type,
    fromStatus: e.from_status as CaseEvent['fromStatus'],
    toStatus: e.to_status as CaseEvent['toStatus'],
    detail: e.detail,
    personId: e.person_id,
    companyId: e.company_id,
    actor: e.actor,
    at: e.at.toISOString(),
  };
}

/** For the timelines: case events by id. */
export async function caseEventsByIds(ctx: Ctx, ids: string[]): Promise<CaseEvent[]> {
  return (await repo.eventsByIds(ctx, ids)).map(presentEvent);
}

/** For merges: the loser's cases become the survivor's. */
/** For health scores: the open complaint cases (any status before resolved) of each person or company that has one. */
export async function openComplaintCases(ctx: Ctx, unit: 'person' | 'company'): Promise<Map<string, number>> {
  const rows = await repo.openComplaintCounts(ctx, unit === 'person' ? 'person_id' : 'company_id');
  return new Map(rows.map((row) => [row.id, Number(row.open)]));
}

export function moveCasesOfPerson(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveCustomer(ctx, 'person_id', fromId, toId);
}

export function moveCasesOfCompany(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveCustomer(ctx, 'company_id', fromId, toId);
}

export {
  addCompensation,
  decideCompensation,
  listApprovals,
  listCompensations,
} from './cases.compensation.ts';
export { draftAcknowledgement } from './cases.draft.ts';
export { evaluateSla, slaJobTypes, sweepSla } from './cases.job.ts';
export { type CaseStatusView, createStatusLink, openCaseStatus, revokeStatusLink } from './cases.link.ts';
export { emailCaseMessage } from './cases.message.ts';
export * from './cases.settings.ts';
export {
  compileCalendar as compileSlaCalendar,
  deadlinesOf,
  evaluateAt as evaluateSlaAt,
  marksDue,
  SLA_JOB,
  slaAt,
} from './cases.sla.ts';
export { type LinkBase, TRANSITIONS, transitionCase } from './cases.transitions.ts';
