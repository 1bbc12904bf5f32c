import type { SystemCtx, Workspace } from '@rapport/core';
import { AppError } from '@rapport/core/errors';

/**
 * The workspace a command acts in: the one named by `--workspace` (id or slug), else the only
 * one there is. None, or several without `--workspace`, is an error that says what to do.
 */
export async function resolveWorkspace(sys: SystemCtx, given: string | undefined): Promise<Workspace> {
  const { findWorkspace, listAllWorkspaces } = await import('@rapport/core');
  if (given) {
    const found = await findWorkspace(sys, given);
    if (found) return found;
    const all = await listAllWorkspaces(sys);
    const known = all.length ? `; the workspaces are: ${all.map((w) => w.slug).join(', ')}` : '';
    throw new AppError('not_found', `No workspace with id or slug "${given}"${known}.`, [
      { path: '--workspace', message: `${given} not found` },
    ]);
  }
  const all = await listAllWorkspaces(sys);
  if (all.length === 1) return all[0]!;
  if (all.length === 0) {
    throw new AppError('not_found', 'No workspace yet: run `rapport demo` or `rapport workspace create`.', [
      { path: '--workspace', message: 'no workspace exists' },
    ]);
  }
  throw new AppError(
    'validation_failed',
    `There are ${all.length} workspaces; choose one with --workspace <slug>: ${all.map((w) => w.slug).join(', ')}.`,
    [{ path: '--workspace', message: 'required when there are several workspaces' }],
  );
}
