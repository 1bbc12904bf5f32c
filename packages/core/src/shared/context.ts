import type { Db, Role, Tx } from '@rapport/db';
import { type Clock, systemClock } from './clock.ts';
import { fromDbError } from './db-errors.ts';

/** Who acts: a signed-in user, an API key, a tracking source, or Rapport itself (CLI, migrations, demo). */
export interface Actor {
  kind: 'user' | 'api_key' | 'source' | 'system';
  /** `usr_…`, `key_…`, `src_…` or `system`; written to the audit log. */
  id: string;
  role: Role;
  /** The user behind the action, when there is one (an API key's creator is not it). */
  userId: string | null;
}

/** What every service function gets first: the scoped database, the workspace, the actor, the time. */
export interface Ctx {
  db: Tx['db'];
  tx: Tx;
  workspaceId: string;
  actor: Actor;
  clock: Clock;
}

export const systemActor: Actor = { kind: 'system', id: 'system', role: 'admin', userId: null };

/**
 * Runs `fn` in one transaction in which PostgreSQL's row-level security limits every query
 * to `workspaceId`. A flow that crosses domains runs inside one call, so it commits or fails whole.
 */
export function inWorkspace<T>(
  db: Db,
  workspaceId: string,
  actor: Actor,
  fn: (ctx: Ctx) => Promise<T>,
  clock: Clock = systemClock,
): Promise<T> {
  return db
    .scoped({ workspaceId, actor: actor.id }, (tx) => fn({ db: tx.db, tx, workspaceId, actor, clock }))
    .catch((error: unknown) => {
      throw fromDbError(error) ?? error;
    });
}

/** For platform work that is not inside one workspace yet: sign-in, key lookup, creating workspaces. */
export interface SystemCtx {
  db: Db;
  clock: Clock;
}

export function systemCtx(db: Db, clock: Clock = systemClock): SystemCtx {
  return { db, clock };
}
