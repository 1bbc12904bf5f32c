import type { Ctx, SystemCtx } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { chunks } from '../shared/transfer.ts';
import { parseInput } from '../shared/validate.ts';
import { listAllWorkspaces } from '../workspaces/workspaces.service.ts';
import * as repo from './jobs.repo.ts';
import { type JobEnqueue, jobEnqueue } from './jobs.schema.ts';

export { exponentialBackoff, scheduleBackoff } from './jobs.backoff.ts';
export {
  createWorker,
  type JobRun,
  type JobType,
  type Worker,
  type WorkerOptions,
} from './jobs.worker.ts';

/**
 * Enqueues a job in the caller's transaction and workspace: it exists only if the transaction
 * commits, so a change that rolls back leaves no job behind. Returns the job id, or null when
 * `key` names an unfinished job of the same type.
 */
export async function enqueueJob(ctx: Ctx, input: JobEnqueue): Promise<string | null> {
  return (await enqueueJobs(ctx, [input]))[0] ?? null;
}

/** As enqueueJob, for several jobs in one statement; the ids of those enqueued. */
export async function enqueueJobs(ctx: Ctx, inputs: JobEnqueue[]): Promise<string[]> {
  const now = ctx.clock.now();
  return repo.insertJobs(
    ctx.db,
    inputs.map((input) => {
      const value = parseInput(jobEnqueue, input);
      return {
        id: newId('job'),
        workspace_id: ctx.workspaceId,
        type: value.type,
        payload: JSON.stringify(value.payload),
        key: value.key ?? null,
        run_at: value.runAt ?? now,
        max_attempts: value.maxAttempts,
        created_at: now,
        updated_at: now,
      };
    }),
  );
}

/** Whether the unfinished job of this type and key (in the caller's workspace) waits, runs, or none is. */
export async function unfinishedJob(
  ctx: Ctx,
  type: string,
  key: string,
): Promise<'waiting' | 'running' | null> {
  const state = await repo.unfinishedState(ctx.db, type, key);
  return state === null ? null : state === 'running' ? 'running' : 'waiting';
}

const MINUTE = 60_000;

/**
 * Enqueues `type` to run at each of these instants, for work that falls due at known times (SLA
 * deadlines, promise due dates): a future instant is rounded up to its minute, a past one runs
 * now, and one job per minute is kept (the key), so many deadlines in one minute make one job.
 */
export async function enqueueAt(ctx: Ctx, type: string, instants: (Date | null)[]): Promise<void> {
  const now = ctx.clock.now().getTime();
  const due = new Map<string, Date>();
  for (const at of instants) {
    if (!at) continue;
    const ms = at.getTime() > now ? Math.ceil(at.getTime() / MINUTE) * MINUTE : now;
    due.set(`at:${new Date(Math.floor(ms / MINUTE) * MINUTE).toISOString()}`, new Date(ms));
  }
  if (due.size)
    await enqueueJobs(
      ctx,
      [...due].map(([key, runAt]) => ({ type, key, runAt })),
    );
}

/**
 * Enqueues a keyed job of `type` in every workspace (or these), 1,000 workspaces per statement,
 * as the connecting user (like the workers that claim them): the sweeps `rapport serve` starts
 * (feelings, SLA, promises). A workspace with such a job unfinished keeps it. Answers how many
 * workspaces.
 */
export async function enqueueInWorkspaces(
  sys: SystemCtx,
  type: string,
  key: string,
  workspaceIds?: string[],
): Promise<number> {
  const ids = workspaceIds ?? (await listAllWorkspaces(sys)).map((w) => w.id);
  const now = sys.clock.now();
  for (const part of chunks(ids, 1000)) {
    await repo.insertJobs(
      sys.db.kysely,
      part.map((workspaceId) => ({
        id: newId('job'),
        workspace_id: workspaceId,
        type,
        payload: '{}',
        key,
        run_at: now,
        created_at: now,
        updated_at: now,
      })),
    );
  }
  return ids.length;
}
