import type { MembershipsTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import { requireCompany } from '../companies/companies.service.ts';
import { peopleContactedSince } from '../interactions/interactions.service.ts';
import { requirePerson } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { conflict, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './memberships.repo.ts';
import {
  type Membership,
  type MembershipCreate,
  type MembershipUpdate,
  membershipCreate,
  membershipUpdate,
} from './memberships.schema.ts';

function present(row: repo.MembershipRow): Membership {
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    companyId: row.company_id,
    companyName: row.company_name,
    role: row.role,
    level: row.level,
    function: row.function as Membership['function'],
    isPrimary: row.is_primary,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listMembershipsOfPerson(ctx: Ctx, personId: string): Promise<Membership[]> {
  return (await repo.membershipsOfPerson(ctx, personId)).map(present);
}

export async function listMembershipsOfCompany(ctx: Ctx, companyId: string): Promise<Membership[]> {
  return (await repo.membershipsOfCompany(ctx, companyId)).map(present);
}

export async function getMembership(ctx: Ctx, id: string): Promise<Membership> {
  const row = await repo.findMembership(ctx, id);
  if (!row) throw notFound('membership', id);
  return present(row);
}

export async function createMembership(ctx: Ctx, input: MembershipCreate): Promise<Membership> {
  const value = parseInput(membershipCreate, input);
  if (value.startedOn && value.endedOn && value.endedOn < value.startedOn) {
    throw conflict('endedOn', 'must not be before startedOn');
  }
  await requirePerson(ctx, value.personId, 'personId');
  await requireCompany(ctx, value.companyId, 'companyId');
  const id = newId('membership');
  const now = ctx.clock.now();
  await repo.insertMembership(ctx, {
    id,
    workspace_id: ctx.workspaceId,
    person_id: value.personId,
    company_id: value.companyId,
    role: value.role ?? null,
    level: value.level ?? null,
    function: value.function ?? null,
    is_primary: value.isPrimary,
    started_on: value.startedOn ?? null,
    ended_on: value.endedOn ?? null,
    created_at: now,
    updated_at: now,
  });
  if (value.isPrimary) await repo.clearOtherPrimaries(ctx, value.personId, id);
  return getMembership(ctx, id);
}

export async function updateMembership(ctx: Ctx, id: string, input: MembershipUpdate): Promise<Membership> {
  const patch = parseInput(membershipUpdate, input);
  const current = await repo.findMembership(ctx, id);
  if (!current) throw notFound('membership', id);
  const set: Updateable<MembershipsTable> = {};
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.level !== undefined) set.level = patch.level;
  if (patch.function !== undefined) set.function = patch.function;
  if (patch.isPrimary !== undefined) set.is_primary = patch.isPrimary;
  if (patch.startedOn !== undefined) set.started_on = patch.startedOn;
  if (patch.endedOn !== undefined) set.ended_on = patch.endedOn;
  const started = set.started_on !== undefined ? set.started_on : current.started_on;
  const ended = set.ended_on !== undefined ? set.ended_on : current.ended_on;
  if (started && ended && ended < started) throw conflict('endedOn', 'must not be before startedOn');
  if (Object.keys(set).length) await repo.updateMembership(ctx, id, set);
  if (patch.isPrimary) await repo.clearOtherPrimaries(ctx, current.person_id, id);
  return getMembership(ctx, id);
}

export async function deleteMembership(ctx: Ctx, id: string): Promise<void> {
  if (!(await repo.deleteMembership(ctx, id))) throw notFound('membership', id);
}

/** For merges: the loser's memberships become the survivor's. */
export function moveMembershipsOfPerson(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  return repo.movePersonMemberships(ctx, fromId, toId);
}

export function moveMembershipsOfCompany(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  return repo.moveCompanyMemberships(ctx, fromId, toId);
}

/** For imports: memberships named by person and company rows, deduplicated by pair. */
export function upsertMemberships(ctx: Ctx, rows: repo.MembershipUpsert[]): Promise<number> {
  const byPair = new Map<string, repo.MembershipUpsert>();
  for (const row of rows) {
    const key = `${row.personId}|${row.companyId}`;
    const earlier = byPair.get(key);
    byPair.set(
      key,
      earlier ? { ...earlier, ...Object.fromEntries(Object.entries(row).filter(([, v]) => v != null)) } : row,
    );
  }
  return repo.upsertMemberships(ctx, [...byPair.values()]);
}

/** For exports: the memberships of many people, with their companies' keys. */
export function membershipsOfPeople(ctx: Ctx, personIds: string[]) {
  return repo.membershipsOfPeople(ctx, personIds);
}

/**
 * For health scores: per company, the levels (executive, functional lead, end user) it has people
 * at, and those of them contacted since `since`.
 */
export async function levelCoverage(
  ctx: Ctx,
  since: Date,
): Promise<Map<string, { levels: string[]; contacted: string[] }>> {
  const rows = await repo.levelCoverage(ctx, peopleContactedSince(ctx, since));
  const out = new Map<string, { levels: string[]; contacted: string[] }>();
  for (const row of rows) {
    const entry = out.get(row.company_id) ?? { levels: [], contacted: [] };
    entry.levels.push(row.level);
    if (row.contacted) entry.contacted.push(row.level);
    out.set(row.company_id, entry);
  }
  return out;
}
