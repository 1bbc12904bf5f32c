import { enqueueAt, enqueueInWorkspaces, type JobRun, type JobType } from '../jobs/jobs.service.ts';
import type { Ctx, SystemCtx } from '../shared/context.ts';
import { createTask } from '../tasks/tasks.service.ts';
import { emitEvent } from '../webhooks/webhooks.service.ts';
import * as repo from './cases.repo.ts';
import { caseEventRow, referenceOf } from './cases.service.ts';
import { marksDue, SLA_JOB } from './cases.sla.ts';

// The SLA job: marks the open cases whose warning time or deadline has come (once per stage),
// with a task for the owner and a `case.sla_warning` / `case.sla_breached` webhook event each,
// then enqueues itself at the next warning or deadline. Cases enqueue it at theirs when they open
// or move; `rapport serve` enqueues one per workspace at start, for what fell due while it was down.

const PAGE = 500;

type Stage = 'acknowledge' | 'resolve';
type Kind = 'warning' | 'breached';

async function raise(
  ctx: Ctx,
  c: Awaited<ReturnType<typeof repo.casesDue>>[number],
  stage: Stage,
  kind: Kind,
) {
  const due = stage === 'acknowledge' ? c.acknowledge_due_at! : c.resolve_due_at!;
  const verb = stage === 'acknowledge' ? 'acknowledge' : 'resolve';
  const title =
    kind === 'warning'
      ? `SLA warning: ${verb} ${referenceOf(c.id)} by ${due.toISOString().slice(0, 16).replace('T', ' ')} UTC`
      : `SLA breached: ${referenceOf(c.id)} was due to be ${verb}d by ${due.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const task = await createTask(ctx, {
    title: `${title} (${c.subject})`.slice(0, 300),
    description: `Case ${c.id} (${c.severity}, ${c.tier} customer). ${
      kind === 'warning'
        ? 'Most of the time allowed is used.'
        : 'The deadline has passed; tell the customer where things stand.'
    }`,
    dueAt: (kind === 'warning' ? due : ctx.clock.now()).toISOString(),
    assigneeId: c.owner_id,
    personId: c.person_id,
    companyId: c.company_id,
  });
  await emitEvent(ctx, kind === 'warning' ? 'case.sla_warning' : 'case.sla_breached', {
    caseId: c.id,
    reference: referenceOf(c.id),
    stage,
    dueAt: due.toISOString(),
    subject: c.subject,
    severity: c.severity,
    tier: c.tier,
    ownerId: c.owner_id,
    team: c.team,
    personId: c.person_id,
    companyId: c.company_id,
    taskId: task.id,
  });
  return caseEventRow(ctx, c, kind === 'warning' ? 'sla_warning' : 'sla_breached', {
    detail: { stage, dueAt: due.toISOString(), taskId: task.id },
  });
}

/** Marks every open case of the workspace whose warning or deadline has come; schedules the next run. */
export async function evaluateSla(ctx: Ctx): Promise<{ warnings: number; breaches: number }> {
  await repo.lockSlaEvaluation(ctx);
  const now = ctx.clock.now();
  const counts = { warnings: 0, breaches: 0 };
  for (let more = true; more; ) {
    const rows = await repo.casesDue(ctx, now, PAGE);
    more = rows.length === PAGE;
    const events = [];
    for (const c of rows) {
      const m = marksDue(c, now);
      const set: Parameters<typeof repo.updateCase>[2] = {};
      // A breach also counts as the warning (no warning after the fact), so a case leaves the query.
      if (m.acknowledgeBreach) {
        set.acknowledge_breached_at = c.acknowledge_due_at;
        set.acknowledge_warned_at = c.acknowledge_warned_at ?? now;
        events.push(await raise(ctx, c, 'acknowledge', 'breached'));
        counts.breaches++;
      } else if (m.acknowledgeWarning) {
        set.acknowledge_warned_at = now;
        events.push(await raise(ctx, c, 'acknowledge', 'warning'));
        counts.warnings++;
      }
      if (m.resolveBreach) {
        set.resolve_breached_at = c.resolve_due_at;
        set.resolve_warned_at = c.resolve_warned_at ?? now;
        events.push(await raise(ctx, c, 'resolve', 'breached'));
        counts.breaches++;
      } else if (m.resolveWarning) {
        set.resolve_warned_at = now;
        events.push(await raise(ctx, c, 'resolve', 'warning'));
        counts.warnings++;
      }
      if (!Object.keys(set).length) {
        // Reached but nothing to raise (a warning whose deadline passed too is raised as the breach above):
        // mark what is reached so that the case leaves the query.
        if (c.acknowledge_warn_at && c.acknowledge_warn_at <= now)
          set.acknowledge_warned_at = c.acknowledge_warned_at ?? now;
        if (c.resolve_warn_at && c.resolve_warn_at <= now) set.resolve_warned_at = c.resolve_warned_at ?? now;
      }
      await repo.updateCase(ctx, c.id, set);
    }
    await repo.insertEvents(ctx, events);
  }
  await enqueueAt(ctx, SLA_JOB, [await repo.nextSlaInstant(ctx, now)]);
  return counts;
}

async function run(job: JobRun): Promise<void> {
  await job.inWorkspace((ctx) => evaluateSla(ctx));
}

export const slaJobTypes: Record<string, JobType> = { [SLA_JOB]: { run } };

/** Enqueues the SLA job now in every workspace (or these): `rapport serve` at start. */
export async function sweepSla(sys: SystemCtx, workspaceIds?: string[]): Promise<number> {
  return enqueueInWorkspaces(sys, SLA_JOB, 'sweep', workspaceIds);
}
