import { enqueueJob, type JobRun, type JobType, unfinishedJob } from '../jobs/jobs.service.ts';
import type { Ctx } from '../shared/context.ts';
import { recomputeValue } from './value.recompute.ts';
import { currentSettings } from './value.settings.ts';

// `value.recompute` recomputes a workspace's figures. It is enqueued:
// - after orders are written (create, batch, import, refund, tracking): debounced, at most one
//   waiting per workspace, DEBOUNCE_MS later, so a burst of orders costs one recompute; orders
//   written while one runs queue one more after it (key 'orders:next');
// - nightly: every run schedules the next 02:00 UTC (one per day, key 'nightly:<date>'), and
//   `rapport serve` schedules it at start when none is pending;
// - after the settings change (at once).
// POST /value/recompute runs it in the request instead (value.service.ts).

export const RECOMPUTE_JOB = 'value.recompute';
/** How long after an order write the recompute runs. */
export const DEBOUNCE_MS = 60_000;
const NIGHTLY_HOUR = 2;

export function nextNightly(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), NIGHTLY_HOUR));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Schedules the next nightly recompute of the caller's workspace (nothing if it is scheduled). */
export async function scheduleNightly(ctx: Ctx): Promise<void> {
  const runAt = nextNightly(ctx.clock.now());
  await enqueueJob(ctx, {
    type: RECOMPUTE_JOB,
    key: `nightly:${runAt.toISOString().slice(0, 10)}`,
    runAt,
    payload: { trigger: 'nightly' },
  });
}

/** In the transaction of an order write: a recompute a little later, at most one waiting. */
export async function queueAfterOrders(ctx: Ctx): Promise<void> {
  const job = {
    type: RECOMPUTE_JOB,
    runAt: new Date(ctx.clock.now().getTime() + DEBOUNCE_MS),
    payload: { trigger: 'orders' },
  };
  if (await enqueueJob(ctx, { ...job, key: 'orders' })) return;
  // One is waiting: it will see these orders. One is running: it may not, so one more after it.
  if ((await unfinishedJob(ctx, RECOMPUTE_JOB, 'orders')) === 'running')
    await enqueueJob(ctx, { ...job, key: 'orders:next' });
}

/** After a settings change: at once. */
export async function queueNow(ctx: Ctx): Promise<void> {
  await enqueueJob(ctx, { type: RECOMPUTE_JOB, key: 'settings', payload: { trigger: 'settings' } });
}

async function run(job: JobRun): Promise<void> {
  const settings = await job.inWorkspace(currentSettings);
  const trigger = typeof job.payload.trigger === 'string' ? job.payload.trigger : 'job';
  await recomputeValue((fn) => job.inWorkspace(fn), settings, job.clock.now(), trigger);
  await job.inWorkspace(scheduleNightly);
}

export const valueJobTypes: Record<string, JobType> = { [RECOMPUTE_JOB]: { run } };
