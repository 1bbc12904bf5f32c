import { getCaseSettings } from '../cases/cases.service.ts';
import { enqueueAt, enqueueInWorkspaces, type JobRun, type JobType } from '../jobs/jobs.service.ts';
import type { Ctx, SystemCtx } from '../shared/context.ts';
import { createTask } from '../tasks/tasks.service.ts';
import { emitEvent } from '../webhooks/webhooks.service.ts';
import * as repo from './promises.repo.ts';
import { eventRow } from './promises.service.ts';

// The promises job: reminds owners of promises coming due (a task each, due at the promise's
// date) and breaks the promises still open at their due date (a `promise.broken` webhook event
// each), then enqueues itself at the next reminder or due date. Promises enqueue it at theirs
// when made or renegotiated; `rapport serve` enqueues one per workspace at start.

export const PROMISES_JOB = 'promises.due';

const when = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Reminds and breaks what is due at the clock's now; the counts. */
export async function runPromisesDue(ctx: Ctx): Promise<{ reminded: number; broken: number }> {
  await repo.lockDueRun(ctx);
  const now = ctx.clock.now();
  const { promiseReminderMinutes: minutes } = await getCaseSettings(ctx);
  const events = [];
  const remind = await repo.toRemind(ctx, now, minutes);
  for (const p of remind) {
    await createTask(ctx, {
      title: `Promise due ${when(p.due_at)}: ${p.what}`.slice(0, 300),
      description:
        'Keep it, or tell the customer upfront and renegotiate (the promise has a draft message for that).',
      dueAt: p.due_at.toISOString(),
      assigneeId: p.owner_id,
      personId: p.person_id,
      companyId: p.company_id,
    });
    await repo.updatePromise(ctx, p.id, { reminded_at: now });
    events.push(eventRow(ctx, p, 'reminded', { to: p.due_at }));
  }
  const broken = await repo.breakOverdue(ctx, now);
  for (const p of broken) {
    events.push(eventRow(ctx, p, 'broken', { reason: 'not kept by its due date', at: p.due_at }));
    await emitEvent(ctx, 'promise.broken', {
      id: p.id,
      what: p.what,
      dueAt: p.due_at.toISOString(),
      ownerId: p.owner_id,
      team: p.team,
      personId: p.person_id,
      companyId: p.company_id,
      caseId: p.case_id,
      renegotiations: p.renegotiations,
    });
  }
  await repo.insertEvents(ctx, events);
  await enqueueAt(ctx, PROMISES_JOB, [await repo.nextInstant(ctx, now, minutes)]);
  return { reminded: remind.length, broken: broken.length };
}

async function run(job: JobRun): Promise<void> {
  await job.inWorkspace((ctx) => runPromisesDue(ctx));
}

export const promiseJobTypes: Record<string, JobType> = { [PROMISES_JOB]: { run } };

/** Enqueues the promises job now in every workspace (or these): `rapport serve` at start. */
export async function sweepPromises(sys: SystemCtx, workspaceIds?: string[]): Promise<number> {
  return enqueueInWorkspaces(sys, PROMISES_JOB, 'sweep', workspaceIds);
}
