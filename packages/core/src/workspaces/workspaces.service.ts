import type { Role } from '@rapport/db';
import type { Ctx, SystemCtx } from '../shared/context.ts';
import { conflict, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { parseInput } from '../shared/validate.ts';
import { addMember } from '../users/users.service.ts';
import * as repo from './workspaces.repo.ts';
import {
  type Workspace,
  type WorkspaceCreate,
  type WorkspaceWithRole,
  workspaceCreate,
} from './workspaces.schema.ts';

function present(row: repo.WorkspaceRow): Workspace {
  return { id: row.id, name: row.name, slug: row.slug, createdAt: row.created_at.toISOString() };
}

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base || 'workspace';
}

/** Creates a workspace; `adminUserId` becomes its first admin. A free slug is derived from the name. */
export async function createWorkspace(
  sys: SystemCtx,
  input: WorkspaceCreate,
  adminUserId?: string,
): Promise<Workspace> {
  const value = parseInput(workspaceCreate, input);
  let slug = value.slug ?? slugify(value.name);
  if (value.slug && (await repo.slugTaken(sys, slug))) throw conflict('slug', `"${slug}" is taken`);
  for (let n = 2; !value.slug && (await repo.slugTaken(sys, slug)); n++) slug = `${slugify(value.name)}-${n}`;
  const row = await repo.insertWorkspace(sys, { id: newId('workspace'), name: value.name, slug });
  if (adminUserId) await addMember(sys, row.id, adminUserId, 'admin');
  return present(row);
}

export async function getWorkspace(sys: SystemCtx, idOrSlug: string): Promise<Workspace> {
  const row = await repo.findWorkspace(sys, idOrSlug);
  if (!row) throw notFound('workspace', idOrSlug, 'workspace');
  return present(row);
}

export async function findWorkspace(sys: SystemCtx, idOrSlug: string): Promise<Workspace | null> {
  const row = await repo.findWorkspace(sys, idOrSlug);
  return row ? present(row) : null;
}

export async function listWorkspacesOfUser(sys: SystemCtx, userId: string): Promise<WorkspaceWithRole[]> {
  return (await repo.workspacesOfUser(sys, userId)).map((row) => ({
    ...present(row),
    role: row.role as Role,
  }));
}

export async function listAllWorkspaces(sys: SystemCtx): Promise<Workspace[]> {
  return (await repo.listAllWorkspaces(sys)).map(present);
}

/** The name of the workspace a request works in (e.g. "recommend Bean & Leaf" in a survey). */
export async function currentWorkspaceName(ctx: Ctx): Promise<string> {
  return repo.workspaceName(ctx);
}
