import { queueAnswerFeelings } from '../feelings/feelings.service.ts';
import { membershipsOfPeople } from '../memberships/memberships.service.ts';
import { type Actor, type Ctx, inWorkspace, type SystemCtx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { tokenHash } from '../shared/tokens.ts';
import { checkAnswers } from './surveys.questions.ts';
import * as repo from './surveys.repo.ts';
import type { SurveyKind, SurveyQuestion } from './surveys.schema.ts';
import { requireSurvey } from './surveys.service.ts';
import { cachedSigningKey, verifyToken } from './surveys.token.ts';

/**
 * The public form's side of a survey: no sign-in, the link's token is the capability. Every
 * refusal is an AppError whose message is meant for the person who opened the link:
 * not_found (a forged, altered or replaced link), gone (expired, or the survey is closed),
 * conflict (answered already), validation_failed (field errors by question id).
 */

/** What the form shows. */
export interface AnswerForm {
  surveyName: string;
  kind: SurveyKind;
  intro: string | null;
  questions: SurveyQuestion[];
  firstName: string | null;
  expiresAt: string;
}

const unknownLink = () =>
  new AppError(
    'not_found',
    'This survey link is not valid. Check that it was copied whole, or ask the sender for a new one (a newer link replaces an older one).',
    [{ path: 'token', message: 'unknown link' }],
  );

const expired = () =>
  new AppError('gone', 'This survey link has expired. Thank you for your interest.', [
    { path: 'token', message: 'expired' },
  ]);

const closed = () =>
  new AppError('gone', 'This survey is closed and no longer takes answers. Thank you for your interest.', [
    { path: 'token', message: 'the survey is closed' },
  ]);

const answered = (at: Date) =>
  new AppError(
    'conflict',
    'You have already answered this survey. Thank you, your answers were recorded.',
    [{ path: 'token', message: 'answered already' }],
    { answeredAt: at.toISOString() },
  );

/** Runs `fn` in the workspace of the invitation a token names, as that invitation (for the audit log). */
async function withInvitation<T>(
  sys: SystemCtx,
  token: string,
  fn: (ctx: Ctx, invitation: NonNullable<Awaited<ReturnType<typeof repo.findInvitation>>>) => Promise<T>,
): Promise<T> {
  const check = verifyToken(await cachedSigningKey(sys.db.kysely), token, sys.clock.now());
  if (!check.ok) throw check.reason === 'expired' ? expired() : unknownLink();
  const hash = tokenHash(token);
  const workspaceId = await repo.invitationWorkspace(sys.db.kysely, hash);
  if (!workspaceId) throw unknownLink();
  const actor: Actor = { kind: 'system', id: check.invitationId, role: 'agent', userId: null };
  return inWorkspace(
    sys.db,
    workspaceId,
    actor,
    async (ctx) => {
      const invitation = await repo.findInvitation(ctx, check.invitationId);
      if (!invitation || invitation.token_hash !== hash) throw unknownLink();
      if (invitation.answered_at) throw answered(invitation.answered_at);
      if (invitation.expires_at.getTime() <= ctx.clock.now().getTime()) throw expired();
      return fn(ctx, invitation);
    },
    sys.clock,
  );
}

/** The form a link opens: the survey's questions, if the link is genuine, unanswered, unexpired and the survey active. */
export function openSurvey(sys: SystemCtx, token: string): Promise<AnswerForm> {
  return withInvitation(sys, token, async (ctx, invitation) => {
    const survey = await requireSurvey(ctx, invitation.survey_id);
    if (survey.status !== 'active') throw closed();
    return {
      surveyName: survey.name,
      kind: survey.kind,
      intro: survey.intro,
      questions: survey.questions as SurveyQuestion[],
      firstName: invitation.first_name,
      expiresAt: invitation.expires_at.toISOString(),
    };
  });
}

/**
 * Records the answers to the survey a link opens, once: the invitation is stamped answered
 * first (a concurrent second submit waits on that row and then finds it answered), then the
 * response is stored with the person's owner and primary company of this moment. Answers
 * the thank-you text.
 */
export function answerSurvey(
  sys: SystemCtx,
  token: string,
  raw: Record<string, unknown>,
): Promise<{ surveyName: string; thankYou: string | null }> {
  return withInvitation(sys, token, async (ctx, invitation) => {
    const survey = await requireSurvey(ctx, invitation.survey_id);
    if (survey.status !== 'active') throw closed();
    const { answers, errors } = checkAnswers(survey.questions as SurveyQuestion[], raw);
    if (errors.length) {
      const count = errors.length === 1 ? 'One answer needs' : `${errors.length} answers need`;
      throw new AppError('validation_failed', `${count} another look; nothing was recorded yet.`, errors);
    }
    const now = ctx.clock.now();
    if (!(await repo.markAnswered(ctx, invitation.id, now))) throw answered(now);
    const [membership] = await membershipsOfPeople(ctx, [invitation.person_id]);
    const standard = survey.kind !== 'custom';
    const responseId = newId('surveyResponse');
    await repo.insertResponse(ctx, {
      id: responseId,
      workspace_id: ctx.workspaceId,
      survey_id: survey.id,
      invitation_id: invitation.id,
      person_id: invitation.person_id,
      company_id: membership?.company_id ?? null,
      owner_id: invitation.person_owner_id,
      answers: JSON.stringify(answers),
      score: standard ? ((answers.score as number | undefined) ?? null) : null,
      comment: standard ? ((answers.comment as string | undefined) ?? null) : null,
      submitted_at: now,
    });
    if (standard && typeof answers.comment === 'string' && answers.comment.trim())
      await queueAnswerFeelings(ctx, [responseId]);
    return { surveyName: survey.name, thankYou: survey.thank_you };
  });
}
