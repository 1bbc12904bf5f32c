import { hash, verify } from '@node-rs/argon2';
import type { Role } from '@rapport/db';
import type { Ctx, SystemCtx } from '../shared/context.ts';
import { AppError, conflict, invalid, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './users.repo.ts';
import { password as passwordSchema, type User, type UserCreate, userCreate } from './users.schema.ts';

/** argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's recommendation). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the email is unknown, so that a missing user costs the same time.
const DECOY = hash('decoy password that never matches');

function present(row: repo.MemberRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    disabled: row.disabled_at !== null,
  };
}

/** The user with this email and password, or null; never says which of the two was wrong. */
export async function authenticate(
  sys: SystemCtx,
  email: string,
  password: string,
): Promise<repo.UserRow | null> {
  const row = await repo.findUserByEmail(sys.db.kysely, email);
  if (!row?.password_hash || row.disabled_at) {
    await verify(await DECOY, password).catch(() => false);
    return null;
  }
  return (await verify(row.password_hash, password).catch(() => false)) ? row : null;
}

/** Whether anyone has an account yet (a new installation has none). */
export function hasUsers(sys: SystemCtx): Promise<boolean> {
  return repo.anyUser(sys.db.kysely);
}

export function findUser(sys: SystemCtx, id: string): Promise<repo.UserRow | undefined> {
  return repo.findUser(sys.db.kysely, id);
}

/**
 * Creates a user with a password and makes them a member of `workspaceId` with their role,
 * in one transaction. An existing user (same email) is added to the workspace instead, if
 * the password matches theirs.
 */
export async function createUser(sys: SystemCtx, workspaceId: string, input: UserCreate): Promise<User> {
  const value = parseInput(userCreate, input);
  return sys.db.kysely.transaction().execute(async (trx) => {
    let row = await repo.findUserByEmail(trx, value.email);
    if (row) {
      if (await repo.findMember(trx, workspaceId, row.id)) {
        throw conflict('email', 'this user is already a member of this workspace');
      }
      if (!row.password_hash || !(await verify(row.password_hash, value.password).catch(() => false))) {
        throw conflict(
          'email',
          'a user with this email exists; give their current password to add them here',
        );
      }
    } else {
      row = await repo.insertUser(trx, {
        id: newId('user'),
        email: value.email,
        name: value.name,
        password_hash: await hashPassword(value.password),
        created_at: sys.clock.now(),
      });
    }
    await repo.upsertMember(trx, workspaceId, row.id, value.role);
    const member = await repo.findMember(trx, workspaceId, row.id);
    return present(member!);
  });
}

export async function addMember(
  sys: SystemCtx,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await repo.upsertMember(sys.db.kysely, workspaceId, userId, role);
}

export async function listMembers(sys: SystemCtx, workspaceId: string): Promise<User[]> {
  return (await repo.listMembers(sys.db.kysely, workspaceId)).map(present);
}

export async function getMember(sys: SystemCtx, workspaceId: string, userId: string): Promise<User> {
  const row = await repo.findMember(sys.db.kysely, workspaceId, userId);
  if (!row) throw notFound('user', userId);
  return present(row);
}

async function keepAnAdmin(db: SystemCtx['db']['kysely'], workspaceId: string, userId: string) {
  const member = await repo.findMember(db, workspaceId, userId);
  if (!member) throw notFound('user', userId);
  if (member.role === 'admin' && (await repo.countAdmins(db, workspaceId)) <= 1) {
    throw new AppError('conflict', 'A workspace needs at least one admin; make someone else admin first.', [
      { path: 'role', message: 'last admin' },
    ]);
  }
}

export async function setMemberRole(
  sys: SystemCtx,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<User> {
  return sys.db.kysely.transaction().execute(async (trx) => {
    if (role !== 'admin') await keepAnAdmin(trx, workspaceId, userId);
    else if (!(await repo.findMember(trx, workspaceId, userId))) throw notFound('user', userId);
    await repo.upsertMember(trx, workspaceId, userId, role);
    return present((await repo.findMember(trx, workspaceId, userId))!);
  });
}

export async function removeMember(sys: SystemCtx, workspaceId: string, userId: string): Promise<void> {
  await sys.db.kysely.transaction().execute(async (trx) => {
    await keepAnAdmin(trx, workspaceId, userId);
    await repo.deleteMember(trx, workspaceId, userId);
  });
}

export async function setPassword(sys: SystemCtx, userId: string, password: string): Promise<void> {
  const value = parseInput(passwordSchema, password, 'password');
  await repo.setPasswordHash(sys.db.kysely, userId, await hashPassword(value), sys.clock.now());
}

export function findUserByEmail(sys: SystemCtx, email: string): Promise<repo.UserRow | undefined> {
  return repo.findUserByEmail(sys.db.kysely, email);
}

/** Workspace members by email, inside a workspace transaction (imports name owners by email). */
export function memberIdsByEmail(ctx: Ctx, emails: string[]): Promise<Map<string, string>> {
  return repo.memberIdsByEmail(ctx.db, [...new Set(emails.map((e) => e.trim().toLowerCase()))]);
}

export function emailsOfUsers(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  return repo.emailsOfUsers(ctx.db, [...new Set(ids)]);
}

/** Checks, inside a workspace transaction, that a user belongs to it (an owner to assign, …). */
export async function requireMember(ctx: Ctx, userId: string, path: string): Promise<void> {
  const member = await repo.findMember(ctx.db, ctx.workspaceId, userId);
  if (!member) throw invalid(path, `no user ${userId} in this workspace`);
}
