import { peopleByIds } from '../people/people.service.ts';
import { promisesOfCase } from '../promises/promises.service.ts';
import type { Ctx } from '../shared/context.ts';
import { type Actor, inWorkspace, type SystemCtx } from '../shared/context.ts';
import { AppError, conflict } from '../shared/errors.ts';
import { cachedSigningKey, signingKey, signLink, verifyLink } from '../shared/signed-links.ts';
import { tokenHash } from '../shared/tokens.ts';
import { parseInput } from '../shared/validate.ts';
import { emailStatusLink } from './cases.email.ts';
import * as repo from './cases.repo.ts';
import { type CaseStatus, type StatusLink, type StatusLinkCreate, statusLinkCreate } from './cases.schema.ts';
import { referenceOf, requireCaseRow } from './cases.service.ts';
import { getCaseSettings } from './cases.settings.ts';
import type { LinkBase } from './cases.transitions.ts';

/**
 * The customer's status page of a case, `/c/<token>`: a signed link like a survey invitation's
 * (shared/signed-links.ts; only its hash is stored), no sign-in. It shows the honest state: the
 * status in plain words, when it was opened, the target date and whether it is late, the status
 * history and the promises made in the case with their dates. Never the description, internal
 * notes, compensation or the agent's full name. A forged link answers 404; a revoked one, or one
 * of a case closed longer ago than the workspace's `statusLinkDays`, 410.
 */

const DAY = 86_400_000;
/** The signed expiry; in practice the case's closing ends a link's life first. */
const LINK_DAYS = 730;

/** Makes the status link (a new one replaces the old), and emails it to the case's person when asked. */
export async function createStatusLink(
  ctx: Ctx,
  caseId: string,
  base: LinkBase,
  input: StatusLinkCreate = {},
): Promise<StatusLink> {
  const { email } = parseInput(statusLinkCreate, input);
  const c = await requireCaseRow(ctx, caseId);
  if (c.status === 'closed') throw conflict('status', 'the case is closed: reopen it to share its status');
  const expiresAt = new Date(Math.floor((ctx.clock.now().getTime() + LINK_DAYS * DAY) / 1000) * 1000);
  const token = signLink(await signingKey(ctx.db), caseId, expiresAt);
  await repo.updateCase(ctx, caseId, {
    status_token_hash: tokenHash(token),
    status_link_revoked_at: null,
    updated_at: ctx.clock.now(),
  });
  const link = `${base.baseUrl.replace(/\/+$/, '')}/c/${token}`;
  let emailId: string | null = null;
  if (email) {
    const [person] = c.person_id ? await peopleByIds(ctx, [c.person_id]) : [];
    const to = person ? { personId: person.id, name: person.name, email: person.email } : null;
    emailId = (await emailStatusLink(ctx, caseId, referenceOf(caseId), c.subject, to, link)).id;
  }
  return { link, expiresAt: expiresAt.toISOString(), emailId };
}

export async function revokeStatusLink(ctx: Ctx, caseId: string): Promise<void> {
  const c = await requireCaseRow(ctx, caseId);
  if (!c.status_token_hash) throw conflict('statusLink', 'the case has no status link');
  if (!c.status_link_revoked_at)
    await repo.updateCase(ctx, caseId, {
      status_link_revoked_at: ctx.clock.now(),
      updated_at: ctx.clock.now(),
    });
}

/** What the status page shows; nothing internal. */
export interface CaseStatusView {
  reference: string;
  type: string;
  category: string | null;
  status: CaseStatus;
  headline: string;
  explanation: string;
  openedAt: string;
  targetAt: string | null;
  late: boolean;
  agentFirstName: string | null;
  history: { at: string; status: CaseStatus; headline: string }[];
  promises: {
    what: string;
    dueAt: string;
    originalDueAt: string;
    status: string;
    doneAt: string | null;
  }[];
}

const HEADLINES: Record<CaseStatus, [string, string]> = {
  new: ['We have received your request', 'Nobody has looked at it yet; we will soon.'],
  acknowledged: ['We are on it', 'Someone has read your request and is taking care of it.'],
  in_progress: ['We are working on it', 'We are working on a solution.'],
  waiting_on_customer: [
    'We are waiting for your reply',
    'We need something from you before we can go on; please check our last message.',
  ],
  resolved: [
    'Resolved',
    'We believe this is solved. If it is not, reply to our last message and we will reopen it.',
  ],
  closed: ['Closed', 'This case is closed.'],
};

const unknownLink = () =>
  new AppError(
    'not_found',
    'This status link is not valid. Check that it was copied whole, or ask us for a new one.',
    [{ path: 'token', message: 'unknown link' }],
  );
const gone = (message: string) => new AppError('gone', message, [{ path: 'token', message }]);

export async function openCaseStatus(sys: SystemCtx, token: string): Promise<CaseStatusView> {
  const now = sys.clock.now();
  const check = verifyLink(await cachedSigningKey(sys.db.kysely), token, now, 'case');
  if (!check.ok) {
    if (check.reason === 'expired') throw gone('This status link has expired. Ask us for a new one.');
    throw unknownLink();
  }
  const hash = tokenHash(token);
  const found = await sys.db.kysely
    .selectFrom('cases')
    .select(['workspace_id', 'id'])
    .where('status_token_hash', '=', hash)
    .executeTakeFirst();
  if (!found || found.id !== check.id) throw unknownLink();
  const actor: Actor = { kind: 'system', id: check.id, role: 'viewer', userId: null };
  return inWorkspace(
    sys.db,
    found.workspace_id,
    actor,
    async (ctx) => {
      const c = await requireCaseRow(ctx, check.id);
      if (c.status_link_revoked_at)
        throw gone('This status link has been turned off. Ask us for a new one if you need it.');
      const { statusLinkDays } = await getCaseSettings(ctx);
      if (c.closed_at && c.closed_at.getTime() + statusLinkDays * DAY < now.getTime()) {
        throw gone(
          `This case was closed on ${c.closed_at.toISOString().slice(0, 10)}; its status page is no longer available.`,
        );
      }
      const events = await repo.eventsOfCase(ctx, c.id);
      const open = c.status !== 'resolved' && c.status !== 'closed';
      const target = c.sla_paused_at ? null : c.resolve_due_at;
      const promises = await promisesOfCase(ctx, c.id);
      const [headline, explanation] = HEADLINES[c.status];
      return {
        reference: referenceOf(c.id),
        type: c.type,
        category: c.category,
        status: c.status,
        headline,
        explanation,
        openedAt: c.opened_at.toISOString(),
        targetAt: open && target ? target.toISOString() : null,
        late: open && target !== null && target.getTime() < now.getTime(),
        agentFirstName: c.owner_name?.split(' ')[0] ?? null,
        history: events
          .filter((e) => e.to_status && (e.type === 'opened' || e.type === 'status_changed'))
          .map((e) => ({
            at: e.at.toISOString(),
            status: e.to_status as CaseStatus,
            headline: HEADLINES[e.to_status as CaseStatus][0],
          })),
        promises: promises.map((p) => ({
          what: p.what,
          dueAt: p.dueAt,
          originalDueAt: p.originalDueAt,
          status: p.status,
          doneAt: p.keptAt ?? p.brokenAt,
        })),
      };
    },
    sys.clock,
  );
}
