import { enqueueAt } from '../jobs/jobs.service.ts';
import { peopleByIds } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { parseInput } from '../shared/validate.ts';
import { getSurvey, inviteToSurvey } from '../surveys/surveys.service.ts';
import { emitEvent } from '../webhooks/webhooks.service.ts';
import { emailCsat } from './cases.email.ts';
import * as repo from './cases.repo.ts';
import {
  type CaseStatus,
  type CaseTransition,
  type CaseTransitionResult,
  caseTransition,
  type FollowUp,
} from './cases.schema.ts';
import { caseEventRow, getCase, requireCaseRow } from './cases.service.ts';
import * as settingsRepo from './cases.settings.repo.ts';
import { getCaseSettings, requireRootCause } from './cases.settings.ts';
import { calendarOf, resumed, SLA_JOB } from './cases.sla.ts';

/** Where links point: the server's public origin. */
export interface LinkBase {
  baseUrl: string;
}

/**
 * The status flow: new → acknowledged → in_progress ⇄ waiting_on_customer → resolved → closed,
 * and reopen (resolved or closed → in_progress). A case may skip ahead (new → in_progress counts
 * as acknowledging it; any open status may be resolved). Anything else is refused with a 409
 * that names both statuses and the way on.
 */
export const TRANSITIONS: Record<CaseStatus, CaseStatus[]> = {
  new: ['acknowledged', 'in_progress', 'resolved'],
  acknowledged: ['in_progress', 'waiting_on_customer', 'resolved'],
  in_progress: ['waiting_on_customer', 'resolved'],
  waiting_on_customer: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

function illegal(from: CaseStatus, to: CaseStatus): AppError {
  const ways = TRANSITIONS[from].map((s) =>
    s === 'in_progress' && (from === 'resolved' || from === 'closed') ? 'in_progress (reopen)' : s,
  );
  const message =
    from === to
      ? `the case is already ${from}`
      : `a case cannot go from ${from} to ${to}; from ${from} it can go to ${ways.join(', ')}`;
  return new AppError('conflict', `to: ${message}.`, [{ path: 'to', message }], { from, to });
}

/** The CSAT follow-up of a resolution: an invitation with a personal link, or why there is none. */
async function followUpOf(
  ctx: Ctx,
  c: { id: string; subject: string; person_id: string | null },
  base: LinkBase | undefined,
): Promise<FollowUp> {
  const personId = c.person_id;
  const { csatSurveyId } = await getCaseSettings(ctx);
  const none = (message: string): FollowUp => ({
    surveyId: csatSurveyId,
    invitationId: null,
    link: null,
    emailId: null,
    message,
  });
  if (!csatSurveyId)
    return none('No CSAT survey is set for cases (PATCH /api/v1/case-settings csatSurveyId): none was sent.');
  const survey = await getSurvey(ctx, csatSurveyId);
  if (survey.status !== 'active')
    return none(`The CSAT survey "${survey.name}" is ${survey.status}: no invitation was made.`);
  if (!personId) return none('The case has no person to ask: no CSAT invitation was made.');
  const [person] = await peopleByIds(ctx, [personId]);
  const outcome = await inviteToSurvey(
    ctx,
    csatSurveyId,
    { personIds: [personId], channel: person?.email ? 'email' : 'web' },
    base ?? { baseUrl: '' },
  );
  const made = outcome.created[0];
  if (made) {
    const sent =
      made.link && person
        ? await emailCsat(ctx, c.id, c.subject, { personId, name: made.name, email: person.email }, made.link)
        : null;
    return {
      surveyId: csatSurveyId,
      invitationId: made.invitationId,
      link: made.link,
      emailId: sent?.id ?? null,
      message: sent
        ? `CSAT invitation emailed to ${made.name} <${sent.toAddress}>.`
        : `CSAT invitation made for ${made.name}: send them the link (${
            person?.email ? 'this workspace sends no email: Admin > Email' : 'they have no email address'
          }).`,
    };
  }
  return none(
    `No CSAT invitation: ${outcome.skipped[0]?.name ?? 'the person'} ${outcome.skipped[0]?.message ?? 'was skipped'}.`,
  );
}

/**
 * Moves a case to another status, with the SLA's effects: leaving `new` acknowledges it, waiting
 * on the customer pauses the resolve clock and leaving it resumes the clock (the deadline moves
 * on by the business time paused), resolving stops it and sends the CSAT follow-up (`base` is
 * where its link points), reopening resumes it from the resolution. A stage done after its
 * deadline is marked breached at once (the job may not have run yet).
 */
export async function transitionCase(
  ctx: Ctx,
  id: string,
  input: CaseTransition,
  base?: LinkBase,
): Promise<CaseTransitionResult> {
  const value = parseInput(caseTransition, input);
  await requireCaseRow(ctx, id);
  const c = (await repo.lockCase(ctx, id))!;
  const from = c.status;
  const to = value.to;
  if (!TRANSITIONS[from].includes(to)) throw illegal(from, to);
  const now = ctx.clock.now();
  const set: Parameters<typeof repo.updateCase>[2] = { status: to, updated_at: now };
  const events = [caseEventRow(ctx, c, 'status_changed', { from, to })];
  const breach = (stage: 'acknowledge' | 'resolve', dueAt: Date, at: Date) => {
    events.push(
      caseEventRow(ctx, c, 'sla_breached', {
        detail: { stage, dueAt: dueAt.toISOString(), at: at.toISOString() },
      }),
    );
    return dueAt;
  };
  if (from === 'new') {
    set.acknowledged_at = now;
    if (c.acknowledge_due_at && !c.acknowledge_breached_at && now > c.acknowledge_due_at)
      set.acknowledge_breached_at = breach('acknowledge', c.acknowledge_due_at, now);
  }
  const policy = c.sla_policy_id ? await settingsRepo.findPolicy(ctx, c.sla_policy_id) : undefined;
  const cal = policy ? calendarOf((await settingsRepo.findCalendar(ctx, policy.calendar_id))!) : null;
  const reopening = (from === 'resolved' || from === 'closed') && to === 'in_progress';
  const pausedSince = from === 'waiting_on_customer' ? c.sla_paused_at : reopening ? c.resolved_at : null;
  if (to === 'waiting_on_customer') set.sla_paused_at = now;
  if (pausedSince && cal && c.resolve_due_at && to !== 'resolved') {
    Object.assign(
      set,
      resumed(
        cal,
        { resolve_due_at: c.resolve_due_at, resolve_warn_at: c.resolve_warn_at },
        pausedSince,
        now,
      ),
    );
    await enqueueAt(ctx, SLA_JOB, [set.resolve_due_at as Date, (set.resolve_warn_at as Date | null) ?? null]);
  }
  if (from === 'waiting_on_customer' || to === 'resolved') set.sla_paused_at = null;
  if (to === 'resolved') {
    const resolution = value.resolution ?? c.resolution;
    if (!resolution) throw invalid('resolution', 'say how the case was resolved (it is required to resolve)');
    if (value.rootCauseId && value.rootCauseId !== c.root_cause_id)
      await requireRootCause(ctx, value.rootCauseId, 'rootCauseId');
    set.resolution = resolution;
    if (value.rootCauseId) set.root_cause_id = value.rootCauseId;
    set.resolved_at = now;
    const clockAt = c.sla_paused_at ?? now;
    if (c.resolve_due_at && !c.resolve_breached_at && clockAt > c.resolve_due_at)
      set.resolve_breached_at = breach('resolve', c.resolve_due_at, clockAt);
  } else if (value.resolution !== undefined || value.rootCauseId !== undefined) {
    throw invalid(
      value.resolution !== undefined ? 'resolution' : 'rootCauseId',
      'is given only when resolving',
    );
  }
  if (to === 'closed') set.closed_at = now;
  if (reopening) {
    set.resolved_at = null;
    set.closed_at = null;
    set.reopened_count = c.reopened_count + 1;
  }
  await repo.updateCase(ctx, id, set);
  await repo.insertEvents(ctx, events);
  const followUp = to === 'resolved' ? await followUpOf(ctx, c, base) : null;
  if (followUp?.invitationId) await repo.updateCase(ctx, id, { csat_invitation_id: followUp.invitationId });
  const changed = await getCase(ctx, id);
  await emitEvent(ctx, 'case.status_changed', { from, to, case: changed });
  return { ...changed, followUp };
}
