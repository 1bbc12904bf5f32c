import type { Database, Role, UsersTable } from '@rapport/db';
import { type Kysely, type Selectable, sql } from 'kysely';

export type UserRow = Selectable<UsersTable>;
export type MemberRow = Pick<UserRow, 'id' | 'email' | 'name' | 'created_at' | 'disabled_at'> & {
  role: Role;
};

export function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function anyUser(db: Kysely<Database>): Promise<boolean> {
  return Boolean(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

export function findUser(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertUser(
  db: Kysely<Database>,
  row: { id: string; email: string; name: string; password_hash: string; created_at: Date },
): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({ ...row, updated_at: row.created_at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setPasswordHash(
  db: Kysely<Database>,
  id: string,
  hash: string,
  at: Date,
): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash, updated_at: at }).where('id', '=', id).execute();
}

export async function upsertMember(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await db
    .insertInto('workspace_members')
    .values({ workspace_id: workspaceId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ role }))
    .execute();
}

export async function deleteMember(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('workspace_members')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function listMembers(db: Kysely<Database>, workspaceId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('workspace_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.created_at', 'u.disabled_at', 'm.role'])
    .where('m.workspace_id', '=', workspaceId)
    .orderBy('u.name')
    .execute();
}

export function findMember(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('workspace_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.created_at', 'u.disabled_at', 'm.role'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
}

export async function countAdmins(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('workspace_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Members of the scoped workspace by lowercased email (for owner columns in imports). */
export async function memberIdsByEmail(db: Kysely<Database>, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .selectFrom('workspace_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', sql<string>`lower(u.email)`.as('email')])
    .where(sql`lower(u.email)`, 'in', emails)
    .execute();
  return new Map(rows.map((row) => [row.email, row.id]));
}

/** Emails of users by id (for owner columns in exports). */
export async function emailsOfUsers(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'email']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.email]));
}
