import type { Role, SessionsTable } from '@rapport/db';
import type { Selectable } from 'kysely';
import type { SystemCtx } from '../shared/context.ts';

export type SessionRow = Selectable<SessionsTable>;

export async function insertSession(sys: SystemCtx, row: Omit<SessionRow, 'last_seen_at'>): Promise<void> {
  await sys.db.kysely
    .insertInto('sessions')
    .values({ ...row, last_seen_at: row.created_at })
    .execute();
}

export function findSessionWithRole(
  sys: SystemCtx,
  id: string,
): Promise<(SessionRow & { role: Role | null; disabled_at: Date | null }) | undefined> {
  return sys.db.kysely
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('workspace_members as m', (join) =>
      join.onRef('m.workspace_id', '=', 's.workspace_id').onRef('m.user_id', '=', 's.user_id'),
    )
    .selectAll('s')
    .select(['m.role', 'u.disabled_at'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(sys: SystemCtx, id: string, seenAt: Date, expiresAt: Date): Promise<void> {
  await sys.db.kysely
    .updateTable('sessions')
    .set({ last_seen_at: seenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function setSessionWorkspace(sys: SystemCtx, id: string, workspaceId: string): Promise<void> {
  await sys.db.kysely
    .updateTable('sessions')
    .set({ workspace_id: workspaceId })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(sys: SystemCtx, id: string): Promise<void> {
  await sys.db.kysely.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpired(sys: SystemCtx, now: Date): Promise<void> {
  await sys.db.kysely.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

/** The workspace the user worked in last, to open it again at the next sign-in. */
export async function lastWorkspaceOf(sys: SystemCtx, userId: string): Promise<string | undefined> {
  const row = await sys.db.kysely
    .selectFrom('sessions')
    .select('workspace_id')
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.workspace_id;
}
