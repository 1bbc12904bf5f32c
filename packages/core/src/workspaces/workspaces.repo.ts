import type { Role, WorkspacesTable } from '@rapport/db';
import type { Selectable } from 'kysely';
import type { Ctx, SystemCtx } from '../shared/context.ts';

export type WorkspaceRow = Selectable<WorkspacesTable>;

export function insertWorkspace(
  sys: SystemCtx,
  row: { id: string; name: string; slug: string },
): Promise<WorkspaceRow> {
  return sys.db.kysely
    .insertInto('workspaces')
    .values({ ...row, created_at: sys.clock.now() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findWorkspace(sys: SystemCtx, idOrSlug: string): Promise<WorkspaceRow | undefined> {
  return sys.db.kysely
    .selectFrom('workspaces')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst();
}

export function slugTaken(sys: SystemCtx, slug: string): Promise<boolean> {
  return sys.db.kysely
    .selectFrom('workspaces')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst()
    .then(Boolean);
}

export function workspacesOfUser(sys: SystemCtx, userId: string): Promise<(WorkspaceRow & { role: Role })[]> {
  return sys.db.kysely
    .selectFrom('workspaces as w')
    .innerJoin('workspace_members as m', 'm.workspace_id', 'w.id')
    .selectAll('w')
    .select('m.role')
    .where('m.user_id', '=', userId)
    .orderBy('w.name')
    .execute();
}

export function listAllWorkspaces(sys: SystemCtx): Promise<WorkspaceRow[]> {
  return sys.db.kysely.selectFrom('workspaces').selectAll().orderBy('created_at').execute();
}

/** The current workspace's name (row-level security answers only that workspace). */
export async function workspaceName(ctx: Ctx): Promise<string> {
  const row = await ctx.db
    .selectFrom('workspaces')
    .select('name')
    .where('id', '=', ctx.workspaceId)
    .executeTakeFirstOrThrow();
  return row.name;
}
