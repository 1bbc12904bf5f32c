import { canSendEmail, type EmailDraft, queueEmails } from '../email/email.service.ts';
import { membershipsOfPeople } from '../memberships/memberships.service.ts';
import type { Person } from '../people/people.schema.ts';
import { peopleByIds, peoplePage, segmentOf } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, conflict, invalid } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { tokenHash } from '../shared/tokens.ts';
import { parseInput } from '../shared/validate.ts';
import { currentWorkspaceName } from '../workspaces/workspaces.service.ts';
import { invitationEmail } from './surveys.email.ts';
import * as repo from './surveys.repo.ts';
import {
  type Invitation,
  type InvitationCreate,
  type InvitationLink,
  type InvitationLinksInput,
  type InvitationOutcome,
  type InvitationsQuery,
  invitationCreate,
  invitationLinksInput,
  invitationsQuery,
  type SkipReason,
} from './surveys.schema.ts';
import { requireSurvey } from './surveys.service.ts';
import { signingKey, signToken } from './surveys.token.ts';

/** A saved view invites at most this many people at once. */
export const MAX_INVITES = 5000;
const DAY = 86_400_000;

/** Where the links point: the server's public origin, e.g. https://crm.example.com. */
export interface LinkBase {
  baseUrl: string;
}

async function requireActive(ctx: Ctx, surveyId: string) {
  const survey = await requireSurvey(ctx, surveyId);
  if (survey.status !== 'active') {
    throw new AppError(
      'conflict',
      survey.status === 'draft'
        ? 'This survey is a draft: activate it before inviting people.'
        : 'This survey is closed: reopen it before inviting people.',
      [{ path: 'status', message: `the survey is ${survey.status}` }],
    );
  }
  return survey;
}

/** The people of a saved view of people, as its filters match them now. */
async function peopleOfView(ctx: Ctx, viewId: string): Promise<Person[]> {
  const { selection } = await segmentOf(ctx, viewId);
  const people = await peoplePage(ctx, null, MAX_INVITES + 1, selection);
  if (people.length > MAX_INVITES) {
    throw invalid('viewId', `matches more than ${MAX_INVITES.toLocaleString('en')} people; narrow the view`);
  }
  return people;
}

async function peopleOfIds(ctx: Ctx, ids: string[]): Promise<Person[]> {
  const found = await peopleByIds(ctx, [...new Set(ids)]);
  const known = new Set(found.map((person) => person.id));
  const missing = ids.flatMap((id, index) => (known.has(id) ? [] : [index]));
  if (missing.length) {
    throw new AppError(
      'validation_failed',
      `${missing.length} of the people are not in this workspace; nobody was invited.`,
      missing.map((index) => ({
        path: `personIds.${index}`,
        message: `no person ${ids[index]} in this workspace`,
      })),
    );
  }
  return found;
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/** Why a person is not invited, or null. */
function skipReason(
  person: Person,
  channel: string,
  pending: Set<string>,
  last: Map<string, Date>,
  minDays: number,
): { reason: SkipReason; message: string } | null {
  if (person.mergedIntoId) return { reason: 'merged', message: `merged into ${person.mergedIntoId}` };
  if (person.doNotContact) return { reason: 'do_not_contact', message: 'marked "do not contact"' };
  const consent = (person.consent as Record<string, { status?: string } | undefined>)[channel];
  if (consent?.status === 'denied')
    return { reason: 'no_consent', message: `declined contact by ${channel}` };
  if (channel === 'email' && !person.email) return { reason: 'no_email', message: 'has no email address' };
  if ((channel === 'sms' || channel === 'phone') && !person.phone) {
    return { reason: 'no_phone', message: 'has no phone number' };
  }
  if (pending.has(person.id)) {
    return { reason: 'already_invited', message: 'has an unanswered invitation to this survey' };
  }
  const at = last.get(person.id);
  if (at) {
    return {
      reason: 'recently_surveyed',
      message: `surveyed on ${day(at)}; this survey leaves ${minDays} days between surveys of a person`,
    };
  }
  return null;
}

function expiryIn(ctx: Ctx, days: number): Date {
  // Whole seconds: the token carries the expiry in seconds, the row must say the same.
  return new Date(Math.floor((ctx.clock.now().getTime() + days * DAY) / 1000) * 1000);
}

/**
 * Invites people (by id, or everyone a saved view of people matches now) to an active survey:
 * one invitation with its own link each. Skipped, with the reason: merged people, people marked
 * "do not contact" or who declined the channel, people the channel cannot reach, people with an
 * unanswered invitation to this survey, and people invited to or answering any survey within the
 * survey's `minDaysBetween`. The links are in this answer only: Rapport keeps their hashes.
 */
export async function inviteToSurvey(
  ctx: Ctx,
  surveyId: string,
  input: InvitationCreate,
  base: LinkBase,
): Promise<InvitationOutcome> {
  const value = parseInput(invitationCreate, input);
  const survey = await requireActive(ctx, surveyId);
  if (value.send && !(await canSendEmail(ctx)))
    throw conflict(
      'send',
      'this workspace sends no email: set an SMTP server in Admin > Email, or send the links yourself',
    );
  const people = value.viewId
    ? await peopleOfView(ctx, value.viewId)
    : await peopleOfIds(ctx, value.personIds!);
  const ids = people.map((person) => person.id);
  const now = ctx.clock.now();
  const [pending, last] = await Promise.all([
    repo.pendingInvitees(ctx, surveyId, ids, now),
    survey.min_days_between > 0
      ? repo.lastSurveyed(ctx, ids, new Date(now.getTime() - survey.min_days_between * DAY))
      : new Map<string, Date>(),
  ]);
  const outcome: InvitationOutcome = { created: [], skipped: [] };
  const invited: Person[] = [];
  for (const person of people) {
    const skip = skipReason(person, value.channel, pending, last, survey.min_days_between);
    if (skip) outcome.skipped.push({ personId: person.id, name: person.name, ...skip });
    else invited.push(person);
  }
  const companyOf = new Map<string, string>();
  for (const m of await membershipsOfPeople(
    ctx,
    invited.map((p) => p.id),
  )) {
    if (!companyOf.has(m.person_id)) companyOf.set(m.person_id, m.company_id);
  }
  const key = await signingKey(ctx.db);
  const expiresAt = expiryIn(ctx, value.expiresInDays);
  const rows = invited.map((person) => {
    const id = newId('surveyInvitation');
    const token = signToken(key, id, expiresAt);
    outcome.created.push(linkOf(base, token, { id, person_id: person.id, expires_at: expiresAt }, person));
    return {
      id,
      workspace_id: ctx.workspaceId,
      survey_id: surveyId,
      person_id: person.id,
      token_hash: tokenHash(token),
      channel: value.channel,
      sent_at: now,
      expires_at: expiresAt,
      owner_id: person.ownerId,
      company_id: companyOf.get(person.id) ?? null,
      created_by: ctx.actor.userId,
    };
  });
  await repo.insertInvitations(ctx, rows);
  if (value.send) await emailLinks(ctx, survey, outcome.created);
  return outcome;
}

/** Queues one email per new link (each person the email channel could reach has an address). */
async function emailLinks(ctx: Ctx, survey: { name: string; intro: string | null }, links: InvitationLink[]) {
  const team = await currentWorkspaceName(ctx);
  const drafts = links.map((link) => invitationEmail(survey, team, link));
  const ids = await queueEmails(
    ctx,
    drafts.filter((d): d is EmailDraft => d !== null),
  );
  let next = 0;
  for (const [i, draft] of drafts.entries()) links[i]!.emailId = draft ? ids[next++]! : null;
}

function linkOf(
  base: LinkBase,
  token: string,
  invitation: { id: string; person_id: string; expires_at: Date },
  person: { name: string; email: string | null; phone: string | null },
): InvitationLink {
  return {
    invitationId: invitation.id,
    personId: invitation.person_id,
    name: person.name,
    email: person.email,
    phone: person.phone,
    link: `${base.baseUrl.replace(/\/+$/, '')}/s/${token}`,
    expiresAt: invitation.expires_at.toISOString(),
  };
}

/**
 * New links for unanswered invitations (these, or all whose link still works), e.g. for a mail
 * merge after the first answer is gone or for someone who lost theirs: each gets a new token and
 * expiry, and its earlier link stops working.
 */
export async function issueLinks(
  ctx: Ctx,
  surveyId: string,
  input: InvitationLinksInput,
  base: LinkBase,
): Promise<{ data: InvitationLink[] }> {
  const value = parseInput(invitationLinksInput, input);
  await requireActive(ctx, surveyId);
  const now = ctx.clock.now();
  const rows = await repo.unansweredInvitations(ctx, surveyId, value.invitationIds, now, MAX_INVITES);
  if (value.invitationIds) {
    const byId = new Map(rows.map((row) => [row.id, row]));
    const problems = value.invitationIds.flatMap((id, index) => {
      const row = byId.get(id);
      const message = !row
        ? `no invitation ${id} to this survey`
        : row.answered_at
          ? 'is answered already'
          : null;
      return message ? [{ path: `invitationIds.${index}`, message }] : [];
    });
    if (problems.length) {
      throw new AppError(
        'validation_failed',
        `invitationIds: ${problems[0]!.message}; no link was changed.`,
        problems,
      );
    }
  }
  const key = await signingKey(ctx.db);
  const expiresAt = expiryIn(ctx, value.expiresInDays);
  const data: InvitationLink[] = [];
  const tokens = rows.map((row) => {
    const token = signToken(key, row.id, expiresAt);
    data.push(linkOf(base, token, { ...row, expires_at: expiresAt }, { ...row, name: row.person_name }));
    return { id: row.id, hash: tokenHash(token), expiresAt };
  });
  await repo.setTokens(ctx, tokens);
  return { data };
}

function statusOf(row: repo.InvitationListRow, now: Date): Invitation['status'] {
  if (row.answered_at) return 'answered';
  return row.expires_at.getTime() > now.getTime() ? 'pending' : 'expired';
}

/** A survey's invitations, newest first (without links: Rapport keeps only their hashes). */
export async function listInvitations(
  ctx: Ctx,
  surveyId: string,
  input: InvitationsQuery = {},
): Promise<Page<Invitation>> {
  const query = parseInput(invitationsQuery, input);
  await requireSurvey(ctx, surveyId);
  const now = ctx.clock.now();
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await repo.listInvitations(ctx, surveyId, { status: query.status, now }, query.limit, cursor);
  return toPage(
    rows,
    query.limit,
    (row) => row.sent_at,
    (row) => row.id,
    (row) => ({
      id: row.id,
      surveyId: row.survey_id,
      personId: row.person_id,
      personName: row.person_name,
      email: row.email,
      channel: row.channel as Invitation['channel'],
      status: statusOf(row, now),
      sentAt: row.sent_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      answeredAt: row.answered_at?.toISOString() ?? null,
      createdBy: row.created_by,
    }),
  );
}
