import { enqueueJob, enqueueJobs, type JobRun, type JobType, scheduleBackoff } from '../jobs/jobs.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './email.repo.ts';
import {
  type EmailSettings,
  type EmailSettingsInput,
  type EmailsQuery,
  emailSettingsInput,
  emailsQuery,
  emailTestInput,
  type SentEmail,
} from './email.schema.ts';
import { deliver, type Outgoing } from './email.transport.ts';

export const EMAIL_SEND_JOB = 'email.send';
/** After a failed attempt: 1 min, 5 min, 30 min, 2 h, 6 h, then given up (six attempts in ~9 h). */
export const EMAIL_RETRY_SCHEDULE_MS = [6e4, 3e5, 18e5, 72e5, 216e5] as const;
export const EMAIL_MAX_ATTEMPTS = EMAIL_RETRY_SCHEDULE_MS.length + 1;

function presentSettings(row: repo.SettingsRow | undefined): EmailSettings {
  return {
    configured: Boolean(row),
    enabled: row?.enabled ?? false,
    host: row?.smtp_host ?? null,
    port: row?.smtp_port ?? null,
    security: row?.smtp_security ?? null,
    username: row?.smtp_username ?? null,
    passwordSet: Boolean(row?.smtp_password),
    fromAddress: row?.from_address ?? null,
    fromName: row?.from_name ?? null,
    replyTo: row?.reply_to ?? null,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}

export function presentEmail(row: repo.EmailRow): SentEmail {
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id,
    kind: row.kind,
    toAddress: row.to_address,
    toName: row.to_name,
    personId: row.person_id,
    caseId: row.case_id,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    lastAttemptAt: iso(row.last_attempt_at),
    nextAttemptAt: iso(row.next_attempt_at),
    sentAt: iso(row.sent_at),
  };
}

export async function getEmailSettings(ctx: Ctx): Promise<EmailSettings> {
  return presentSettings(await repo.findSettings(ctx));
}

/** Sets the SMTP server; a password left out stays as it was. Switching off cancels what waits. */
export async function setEmailSettings(ctx: Ctx, input: EmailSettingsInput): Promise<EmailSettings> {
  const value = parseInput(emailSettingsInput, input);
  const before = await repo.findSettings(ctx);
  const row = await repo.saveSettings(ctx, {
    workspace_id: ctx.workspaceId,
    enabled: value.enabled,
    smtp_host: value.host,
    smtp_port: value.port,
    smtp_security: value.security,
    smtp_username: value.username,
    smtp_password: value.password === undefined ? (before?.smtp_password ?? null) : value.password || null,
    from_address: value.fromAddress,
    from_name: value.fromName,
    reply_to: value.replyTo,
    updated_at: ctx.clock.now(),
  });
  if (!row.enabled) await repo.cancelWaiting(ctx);
  return presentSettings(row);
}

/** The settings that send now, or a 409 saying what is missing. */
async function sendingSettings(ctx: Ctx): Promise<repo.SettingsRow> {
  const row = await repo.findSettings(ctx);
  if (!row)
    throw conflict('email', 'no SMTP server is set: set one in Admin > Email (PUT /api/v1/email-settings)');
  if (!row.enabled) throw conflict('email', 'sending email is switched off in Admin > Email');
  return row;
}

/** Whether the workspace sends email now (settings present and switched on). */
export async function canSendEmail(ctx: Ctx): Promise<boolean> {
  return Boolean((await repo.findSettings(ctx))?.enabled);
}

export interface EmailDraft extends Outgoing {
  kind: repo.EmailRow['kind'];
  personId?: string | null;
  caseId?: string | null;
}

/**
 * Queues an email: stored in this transaction, sent by the job `email.send` once it commits
 * (a change that rolls back sends nothing). 409 when the workspace does not send email.
 */
export async function queueEmail(ctx: Ctx, draft: EmailDraft): Promise<SentEmail> {
  await sendingSettings(ctx);
  const row = await repo.insertEmail(ctx, emailRow(ctx, draft));
  await enqueueJob(ctx, {
    type: EMAIL_SEND_JOB,
    payload: { emailId: row.id },
    maxAttempts: EMAIL_MAX_ATTEMPTS,
  });
  return presentEmail(row);
}

/** As queueEmail for many (a survey's invitations): their ids, in the drafts' order. */
export async function queueEmails(ctx: Ctx, drafts: EmailDraft[]): Promise<string[]> {
  if (!drafts.length) return [];
  await sendingSettings(ctx);
  const rows = drafts.map((draft) => emailRow(ctx, draft));
  await repo.insertEmails(ctx, rows);
  await enqueueJobs(
    ctx,
    rows.map((row) => ({
      type: EMAIL_SEND_JOB,
      payload: { emailId: row.id },
      maxAttempts: EMAIL_MAX_ATTEMPTS,
    })),
  );
  return rows.map((row) => row.id);
}

function emailRow(ctx: Ctx, draft: EmailDraft) {
  const now = ctx.clock.now();
  return {
    id: newId('email'),
    workspace_id: ctx.workspaceId,
    kind: draft.kind,
    to_address: draft.to.address,
    to_name: draft.to.name,
    person_id: draft.personId ?? null,
    case_id: draft.caseId ?? null,
    subject: draft.subject,
    body: draft.text,
    status: 'queued' as const,
    created_by: ctx.actor.id,
    created_at: now,
    next_attempt_at: now,
  };
}

/**
 * Sends a test message at once, in the request, through the settings as stored, and answers
 * what the server said: 200 when it took the message (listed among the sent emails), else 400
 * with its answer (wrong password, refused sender, nothing listening…).
 */
export async function sendTestEmail(ctx: Ctx, input: { to: string }) {
  const { to } = parseInput(emailTestInput, input);
  const settings = await sendingSettings(ctx);
  const message: Outgoing = {
    to: { address: to, name: null },
    subject: 'Rapport test email',
    text: `This is a test from Rapport: email from this workspace goes out through ${settings.smtp_host}:${settings.smtp_port}.\n`,
  };
  const outcome = await deliver(settings, message);
  if (!outcome.ok) {
    throw new AppError(
      'validation_failed',
      `The SMTP server did not take the test email: ${outcome.response}`,
      [{ path: 'smtp', message: outcome.response ?? 'not sent' }],
    );
  }
  const now = ctx.clock.now();
  await repo.insertEmail(ctx, {
    id: newId('email'),
    workspace_id: ctx.workspaceId,
    kind: 'test',
    to_address: to,
    to_name: null,
    subject: message.subject,
    body: null,
    status: 'sent',
    attempts: 1,
    smtp_message_id: outcome.messageId,
    created_by: ctx.actor.id,
    created_at: now,
    last_attempt_at: now,
    sent_at: now,
  });
  return { ok: true as const, messageId: outcome.messageId, response: outcome.response };
}

export async function listEmails(ctx: Ctx, input: EmailsQuery): Promise<Page<SentEmail>> {
  const q = parseInput(emailsQuery, input);
  const rows = await repo.listEmails(ctx, {
    status: q.status,
    kind: q.kind,
    caseId: q.caseId,
    personId: q.personId,
    after: q.cursor ? decodeCursor(q.cursor, 2) : undefined,
    limit: q.limit,
  });
  return toPage(
    rows,
    q.limit,
    (r) => r.created_at,
    (r) => r.id,
    presentEmail,
  );
}

export async function getEmail(ctx: Ctx, id: string): Promise<SentEmail> {
  const row = await repo.findEmail(ctx, id);
  if (!row) throw notFound('email', id);
  return presentEmail(row);
}

/** One attempt of `email.send`: sent, retried later (network, 4xx, login), or failed for good (5xx). */
async function attempt(job: JobRun): Promise<void> {
  const emailId = String(job.payload.emailId);
  const found = await job.inWorkspace(async (ctx) => ({
    email: await repo.findEmail(ctx, emailId),
    settings: await repo.findSettings(ctx),
  }));
  const { email, settings } = found;
  if (!email || email.body === null || email.status === 'sent' || email.status === 'cancelled') return;
  if (!settings?.enabled) {
    await job.inWorkspace((ctx) =>
      repo.updateEmail(ctx, emailId, {
        status: 'cancelled',
        body: null,
        error: 'sending was switched off',
        next_attempt_at: null,
      }),
    );
    return;
  }
  const at = job.clock.now();
  const outcome = await deliver(settings, {
    to: { address: email.to_address, name: email.to_name },
    subject: email.subject,
    text: email.body,
  });
  const retryAt = outcome.ok || outcome.permanent ? null : job.retryAt();
  const done = outcome.ok || !retryAt;
  await job.inWorkspace((ctx) =>
    repo.updateEmail(ctx, emailId, {
      status: outcome.ok ? 'sent' : retryAt ? 'retrying' : 'failed',
      attempts: job.attempt,
      error: outcome.ok ? null : outcome.response,
      smtp_message_id: outcome.messageId,
      last_attempt_at: at,
      next_attempt_at: retryAt,
      // The text carries a personal link: kept only while it may still be sent.
      ...(done ? { body: null } : {}),
      ...(outcome.ok ? { sent_at: job.clock.now() } : {}),
    }),
  );
  if (!outcome.ok && retryAt) throw new Error(outcome.response ?? 'not sent');
}

/** The job types of outgoing email, for the worker. */
export const emailJobTypes: Record<string, JobType> = {
  [EMAIL_SEND_JOB]: { run: attempt, backoff: scheduleBackoff(EMAIL_RETRY_SCHEDULE_MS) },
};
