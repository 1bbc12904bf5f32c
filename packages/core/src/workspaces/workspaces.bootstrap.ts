import { sql } from 'kysely';
import { z } from 'zod';
import type { SystemCtx } from '../shared/context.ts';
import { email } from '../shared/fields.ts';
import { parseInput } from '../shared/validate.ts';
import { password } from '../users/users.schema.ts';
import { createUser, hasUsers } from '../users/users.service.ts';
import * as repo from './workspaces.repo.ts';
import type { Workspace } from './workspaces.schema.ts';
import { createWorkspace, getWorkspace } from './workspaces.service.ts';

export const firstAdminInput = z.strictObject({
  email,
  password,
  name: z.string().trim().min(1).max(200).default('Admin'),
  workspaceName: z.string().trim().min(1).max(100).default('My workspace'),
});

export type FirstAdminInput = z.input<typeof firstAdminInput>;

export interface FirstAdmin {
  userId: string;
  email: string;
  workspace: Workspace;
  /** False when the admin joined the one workspace that already existed. */
  createdWorkspace: boolean;
}

// Any constant works; it only has to differ from the other advisory locks (migrations: 7261123).
const BOOTSTRAP_LOCK = 7261124;

/**
 * The first admin of a new installation (`RAPPORT_ADMIN_EMAIL` / `RAPPORT_ADMIN_PASSWORD` on
 * the first start). Does nothing and returns null once any user exists. The admin joins the
 * workspace if exactly one exists (e.g. made by `rapport workspace create`), else a new
 * workspace named `workspaceName`. API processes that start together on one PostgreSQL server
 * take turns through an advisory lock, so there is only ever one first admin.
 */
export async function bootstrapFirstAdmin(
  sys: SystemCtx,
  input: FirstAdminInput,
): Promise<FirstAdmin | null> {
  const value = parseInput(firstAdminInput, input);
  // The session lock needs one connection for the whole step; the services below run on it.
  return sys.db.kysely.connection().execute(async (connection) => {
    const own: SystemCtx = { ...sys, db: { ...sys.db, kysely: connection } };
    await sql`select pg_advisory_lock(${BOOTSTRAP_LOCK})`.execute(connection);
    try {
      if (await hasUsers(own)) return null;
      const existing = await repo.listAllWorkspaces(own);
      const only = existing.length === 1 ? existing[0]! : undefined;
      const workspace = only
        ? await getWorkspace(own, only.id)
        : await createWorkspace(own, { name: value.workspaceName });
      const user = await createUser(own, workspace.id, {
        email: value.email,
        name: value.name,
        password: value.password,
        role: 'admin',
      });
      return { userId: user.id, email: user.email, workspace, createdWorkspace: !only };
    } finally {
      await sql`select pg_advisory_unlock(${BOOTSTRAP_LOCK})`.execute(connection);
    }
  });
}
