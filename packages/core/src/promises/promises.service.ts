import { caseCustomer, getCaseSettings } from '../cases/cases.service.ts';
import { requireCompany } from '../companies/companies.service.ts';
import { getInteractions } from '../interactions/interactions.service.ts';
import { enqueueAt } from '../jobs/jobs.service.ts';
import { membershipsOfPeople } from '../memberships/memberships.service.ts';
import { requirePerson } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { conflict, invalid, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import { requireMember } from '../users/users.service.ts';
import { emitEvent } from '../webhooks/webhooks.service.ts';
import { PROMISES_JOB } from './promises.job.ts';
import * as repo from './promises.repo.ts';
import {
  type CustomerPromise,
  type PromiseCreate,
  type PromiseDetail,
  type PromiseEvent,
  type PromiseOutcome,
  type PromiseRenegotiation,
  type PromisesQuery,
  promiseCreate,
  promiseOutcome,
  promiseRenegotiation,
  promisesQuery,
} from './promises.schema.ts';

/**
 * The promise ledger: what was promised, to whom, by whom, by when, from which conversation or
 * case. A promise is open until it is kept or broken; renegotiating moves its date (a reason is
 * required, and whether the customer was told). The promises job reminds the owner before the due
 * date and breaks what is still open at it. Every step is a promise event, on the timelines.
 */

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function presentPromise(row: repo.PromiseRow, now: Date, reminderMinutes: number): CustomerPromise {
  const pending = row.status === 'open' || row.status === 'renegotiated';
  return {
    id: row.id,
    what: row.what,
    personId: row.person_id,
    personName: row.person_name,
    companyId: row.company_id,
    companyName: row.company_name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    team: row.team,
    interactionId: row.interaction_id,
    caseId: row.case_id,
    dueAt: row.due_at.toISOString(),
    originalDueAt: row.original_due_at.toISOString(),
    status: row.status,
    atRisk: pending && row.due_at.getTime() - reminderMinutes * 60_000 <= now.getTime(),
    keptAt: iso(row.kept_at),
    keptLate: row.kept_at !== null && row.kept_at > row.due_at,
    brokenAt: iso(row.broken_at),
    remindedAt: iso(row.reminded_at),
    renegotiations: row.renegotiations,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function eventRow(
  ctx: Ctx,
  p: { id: string; person_id: string | null; company_id: string | null },
  type: PromiseEvent['type'],
  o: { from?: Date | null; to?: Date | null; reason?: string | null; told?: boolean | null; at?: Date } = {},
) {
  return {
    id: newId('promiseEvent'),
    workspace_id: ctx.workspaceId,
    promise_id: p.id,
    type,
    from_due_at: o.from ?? null,
    to_due_at: o.to ?? null,
    reason: o.reason ?? null,
    told_customer: o.told ?? null,
    person_id: p.person_id,
    company_id: p.company_id,
    actor: ctx.actor.id,
    at: o.at ?? ctx.clock.now(),
  };
}

const presentEvent = (e: Awaited<ReturnType<typeof repo.eventsByIds>>[number]): PromiseEvent => ({
  id: e.id,
  promiseId: e.promise_id,
  what: e.what,
  type: e.type,
  fromDueAt: iso(e.from_due_at),
  toDueAt: iso(e.to_due_at),
  reason: e.reason,
  toldCustomer: e.told_customer,
  personId: e.person_id,
  companyId: e.company_id,
  actor: e.actor,
  at: e.at.toISOString(),
});

async function reminderMinutes(ctx: Ctx): Promise<number> {
  return (await getCaseSettings(ctx)).promiseReminderMinutes;
}

async function requireRow(ctx: Ctx, id: string): Promise<repo.PromiseRow> {
  const row = await repo.findPromise(ctx, id);
  if (!row) throw notFound('promise', id);
  return row;
}

export async function getPromise(ctx: Ctx, id: string): Promise<PromiseDetail> {
  const row = await requireRow(ctx, id);
  const events = await repo.eventsOfPromise(ctx, id);
  return {
    ...presentPromise(row, ctx.clock.now(), await reminderMinutes(ctx)),
    history: events.map((e) => presentEvent({ ...e, what: row.what })),
  };
}

/** Records a promise; the customer comes from the case or the conversation when not given. */
export async function createPromise(ctx: Ctx, input: PromiseCreate): Promise<PromiseDetail> {
  const value = parseInput(promiseCreate, input);
  const fromCase = value.caseId ? await caseCustomer(ctx, value.caseId) : null;
  let personId = value.personId !== undefined ? value.personId : (fromCase?.personId ?? null);
  let companyId = value.companyId !== undefined ? value.companyId : (fromCase?.companyId ?? null);
  if (value.interactionId) {
    const [talk] = await getInteractions(ctx, [value.interactionId]);
    if (!talk) throw invalid('interactionId', `no interaction ${value.interactionId} in this workspace`);
    if (value.personId === undefined && !personId) personId = talk.people[0]?.id ?? null;
    if (value.companyId === undefined && !companyId) companyId = talk.companyId;
  }
  if (!personId && !companyId)
    throw invalid('personId', 'say to whom it was promised: personId or companyId');
  if (personId) await requirePerson(ctx, personId, 'personId');
  if (companyId) await requireCompany(ctx, companyId, 'companyId');
  if (!companyId && personId) companyId = (await membershipsOfPeople(ctx, [personId]))[0]?.company_id ?? null;
  const ownerId = value.ownerId !== undefined ? value.ownerId : ctx.actor.userId;
  if (ownerId) await requireMember(ctx, ownerId, 'ownerId');
  const now = ctx.clock.now();
  const due = new Date(value.dueAt);
  const id = newId('promise');
  await repo.insertPromise(ctx, {
    id,
    workspace_id: ctx.workspaceId,
    what: value.what,
    person_id: personId,
    company_id: companyId,
    owner_id: ownerId,
    team: value.team !== undefined ? value.team : (fromCase?.team ?? null),
    interaction_id: value.interactionId ?? null,
    case_id: value.caseId ?? null,
    due_at: due,
    original_due_at: due,
    created_by: ctx.actor.id,
    created_at: now,
    updated_at: now,
  });
  await repo.insertEvents(ctx, [
    eventRow(ctx, { id, person_id: personId, company_id: companyId }, 'made', { to: due }),
  ]);
  await schedule(ctx, due);
  return getPromise(ctx, id);
}

async function schedule(ctx: Ctx, due: Date) {
  const before = (await reminderMinutes(ctx)) * 60_000;
  await enqueueAt(ctx, PROMISES_JOB, [new Date(due.getTime() - before), due]);
}

export async function listPromises(ctx: Ctx, input: PromisesQuery = {}): Promise<Page<CustomerPromise>> {
  const q = parseInput(promisesQuery, input);
  const sort =
    q.sort === 'dueAt'
      ? { column: 'due_at' as const, direction: 'asc' as const }
      : { column: 'created_at' as const, direction: 'desc' as const };
  const rows = await repo.listPromises(
    ctx,
    {
      statuses: q.status,
      ownerId: q.ownerId === 'me' ? (ctx.actor.userId ?? '') : q.ownerId,
      team: q.team,
      personId: q.personId,
      companyId: q.companyId,
      caseId: q.caseId,
      interactionId: q.interactionId,
      dueBefore: q.dueBefore,
      dueAfter: q.dueAfter,
    },
    sort,
    q.limit,
    q.cursor ? decodeCursor(q.cursor, 2) : null,
  );
  const now = ctx.clock.now();
  const minutes = await reminderMinutes(ctx);
  return toPage(
    rows,
    q.limit,
    (row) => row[sort.column],
    (row) => row.id,
    (row) => presentPromise(row, now, minutes),
  );
}

async function pending(ctx: Ctx, id: string, path: string) {
  await requireRow(ctx, id);
  const row = (await repo.lockPromise(ctx, id))!;
  if (row.status === 'kept' || row.status === 'broken') {
    const at = (row.kept_at ?? row.broken_at)!.toISOString().slice(0, 16).replace('T', ' ');
    throw conflict(path, `this promise was ${row.status} on ${at} UTC; it cannot change any more`);
  }
  return row;
}

/** The promise is kept (after its due date it counts as kept late). */
export async function keepPromise(ctx: Ctx, id: string, input: PromiseOutcome = {}): Promise<PromiseDetail> {
  const value = parseInput(promiseOutcome, input);
  const row = await pending(ctx, id, 'status');
  const now = ctx.clock.now();
  await repo.updatePromise(ctx, id, { status: 'kept', kept_at: now, updated_at: now });
  await repo.insertEvents(ctx, [eventRow(ctx, row, 'kept', { reason: value.note })]);
  const kept = await getPromise(ctx, id);
  await emitEvent(ctx, 'promise.kept', kept);
  return kept;
}

/** The promise is broken now (before the job would break it at its due date). */
export async function breakPromise(ctx: Ctx, id: string, input: PromiseOutcome = {}): Promise<PromiseDetail> {
  const value = parseInput(promiseOutcome, input);
  const row = await pending(ctx, id, 'status');
  const now = ctx.clock.now();
  await repo.updatePromise(ctx, id, { status: 'broken', broken_at: now, updated_at: now });
  await repo.insertEvents(ctx, [eventRow(ctx, row, 'broken', { reason: value.note })]);
  const broken = await getPromise(ctx, id);
  await emitEvent(ctx, 'promise.broken', broken);
  return broken;
}

/** A new due date, with the reason and whether the customer was told; the owner is reminded again. */
export async function renegotiatePromise(
  ctx: Ctx,
  id: string,
  input: PromiseRenegotiation,
): Promise<PromiseDetail> {
  const value = parseInput(promiseRenegotiation, input);
  const row = await pending(ctx, id, 'dueAt');
  const now = ctx.clock.now();
  const due = new Date(value.dueAt);
  if (due.getTime() <= now.getTime()) throw invalid('dueAt', 'the new date must be in the future');
  if (due.getTime() === row.due_at.getTime()) throw invalid('dueAt', 'is the current due date');
  await repo.updatePromise(ctx, id, {
    status: 'renegotiated',
    due_at: due,
    reminded_at: null,
    renegotiations: row.renegotiations + 1,
    updated_at: now,
  });
  await repo.insertEvents(ctx, [
    eventRow(ctx, row, 'renegotiated', {
      from: row.due_at,
      to: due,
      reason: value.reason,
      told: value.toldCustomer,
    }),
  ]);
  await schedule(ctx, due);
  return getPromise(ctx, id);
}

/** The promises made in a case (its status page shows them), by due date. */
export async function promisesOfCase(ctx: Ctx, caseId: string): Promise<CustomerPromise[]> {
  return (await listPromises(ctx, { caseId, limit: 200 })).data;
}

/** For the timelines: promise events by id. */
export async function promiseEventsByIds(ctx: Ctx, ids: string[]): Promise<PromiseEvent[]> {
  return (await repo.eventsByIds(ctx, ids)).map(presentEvent);
}

const HALF_YEAR = 180 * 86_400_000;

/**
 * For the health score (issue 6): each person's or company's broken, kept and open promises due
 * in the last 180 days (open ones due later are counted too). One grouped query. Every id asked
 * for is in the map, with zeros when there is nothing; without ids (the nightly recompute of every
 * customer), only the customers with a promise are.
 */
export async function brokenPromisesOf(
  ctx: Ctx,
  subjectType: 'person' | 'company',
  ids?: string[],
): Promise<Map<string, { broken: number; kept: number; open: number }>> {
  const since = new Date(ctx.clock.now().getTime() - HALF_YEAR);
  const rows = await repo.countsOf(
    ctx,
    subjectType === 'person' ? 'person_id' : 'company_id',
    ids ? [...new Set(ids)] : null,
    since,
  );
  const map = new Map((ids ?? []).map((id) => [id, { broken: 0, kept: 0, open: 0 }]));
  for (const row of rows) map.set(row.id, { broken: row.broken, kept: row.kept, open: row.open });
  return map;
}

export function movePromisesOfPerson(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveCustomer(ctx, 'person_id', fromId, toId);
}

export function movePromisesOfCompany(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveCustomer(ctx, 'company_id', fromId, toId);
}

export { draftPromiseMessage } from './promises.draft.ts';
export { PROMISES_JOB, promiseJobTypes, runPromisesDue, sweepPromises } from './promises.job.ts';
export { emailPromiseMessage } from './promises.message.ts';
export { promiseKeptRate } from './promises.stats.ts';
