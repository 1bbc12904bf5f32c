import type { Db } from '@rapport/db';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJobWorker } from '../background.ts';
import { createCase, createStatusLink, transitionCase, updateCaseSettings } from '../cases/cases.service.ts';
import { createCompany } from '../companies/companies.service.ts';
import { createPerson } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { systemCtx } from '../shared/context.ts';
import { createSurvey, inviteToSurvey, updateSurvey } from '../surveys/surveys.service.ts';
import {
  appError,
  openTestDb,
  type SmtpReceiver,
  startSmtpReceiver,
  type TestWorkspace,
  testWorkspace,
} from '../testing.ts';
import type { EmailSettingsInput } from './email.schema.ts';
import {
  EMAIL_RETRY_SCHEDULE_MS,
  getEmail,
  getEmailSettings,
  listEmails,
  sendTestEmail,
  setEmailSettings,
} from './email.service.ts';

let db: Db;
let ws: TestWorkspace;
let smtp: SmtpReceiver | undefined;
const clock = fixedClock('2026-11-25T10:00:00Z');
const base = { baseUrl: 'https://crm.example.test' };

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
});
afterAll(() => db.close());
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

const worker = () =>
  createJobWorker(systemCtx(db, clock), {
    clock,
    workspaceId: ws.workspaceId,
    random: () => 0.5,
    onError: (error) => {
      throw error;
    },
  });

const settingsFor = (receiver: SmtpReceiver, more: Partial<EmailSettingsInput> = {}): EmailSettingsInput => ({
  host: receiver.host,
  port: receiver.port,
  security: 'none',
  fromAddress: 'care@bean-and-leaf.test',
  fromName: 'Bean & Leaf Care',
  ...more,
});

const headerOf = (raw: string, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'im').exec(raw)?.[1]?.trim() ?? null;
/** The text of a plain message, quoted-printable soft breaks joined. */
const bodyOf = (raw: string) =>
  raw
    .slice(raw.indexOf('\r\n\r\n') + 4)
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

async function resolvedCaseWithCsat(email: string | null) {
  const survey = await ws.run((ctx) => createSurvey(ctx, { name: `CSAT ${Math.random()}`, kind: 'csat' }));
  await ws.run((ctx) => updateSurvey(ctx, survey.id, { status: 'active' }));
  await ws.run((ctx) => updateCaseSettings(ctx, { csatSurveyId: survey.id }));
  const person = await ws.run((ctx) =>
    createPerson(ctx, { firstName: 'Mia', lastName: 'Keller', ...(email ? { email } : {}) }),
  );
  const c = await ws.run((ctx) =>
    createCase(ctx, { type: 'complaint', severity: 'high', subject: 'Late parcel', personId: person.id }),
  );
  await ws.run((ctx) => transitionCase(ctx, c.id, { to: 'in_progress' }, base));
  return ws.run((ctx) =>
    transitionCase(ctx, c.id, { to: 'resolved', resolution: 'Resent by express' }, base),
  );
}

describe('email settings', () => {
  it('start unset, keep the password out of every answer, and keep it when left out', async () => {
    expect(await ws.run(getEmailSettings)).toMatchObject({ configured: false, enabled: false, host: null });
    const set = await ws.run((ctx) =>
      setEmailSettings(ctx, {
        host: 'smtp.example.test',
        port: 587,
        security: 'starttls',
        username: 'care',
        password: 's3cret',
        fromAddress: 'Care@Example.test',
      }),
    );
    expect(set).toMatchObject({
      configured: true,
      enabled: true,
      passwordSet: true,
      fromAddress: 'care@example.test',
    });
    expect(JSON.stringify(set)).not.toContain('s3cret');
    const again = await ws.run((ctx) =>
      setEmailSettings(ctx, {
        host: 'smtp.example.test',
        port: 465,
        security: 'tls',
        username: 'care',
        fromAddress: 'care@example.test',
      }),
    );
    expect(again).toMatchObject({ port: 465, passwordSet: true });
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select('changes')
      .where('workspace_id', '=', ws.workspaceId)
      .where('entity', '=', 'email_settings')
      .execute();
    expect(JSON.stringify(audit)).not.toContain('s3cret');
  });

  it('refuse bad input with the field at fault', async () => {
    const bad = await appError(
      ws.run((ctx) =>
        setEmailSettings(ctx, {
          host: 'smtp example',
          port: 70000,
          security: 'ssl' as 'tls',
          fromAddress: 'nobody',
        }),
      ),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.details.map((d) => d.path).sort()).toEqual(['fromAddress', 'host', 'port', 'security']);
  });
});

describe('sending', () => {
  it('sends a test email at once and reports what the server said when it refuses', async () => {
    smtp = await startSmtpReceiver({
      refuse: { address: 'gone@example.test', code: 550, message: 'No such user' },
    });
    await ws.run((ctx) => setEmailSettings(ctx, settingsFor(smtp!)));
    const ok = await ws.run((ctx) => sendTestEmail(ctx, { to: 'ada@example.test' }));
    expect(ok.ok).toBe(true);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['ada@example.test']);
    expect(headerOf(mail!.raw, 'From')).toBe('"Bean & Leaf Care" <care@bean-and-leaf.test>');
    const refused = await appError(ws.run((ctx) => sendTestEmail(ctx, { to: 'gone@example.test' })));
    expect(refused.code).toBe('validation_failed');
    expect(refused.message).toMatch(/No such user/);
    const tests = await ws.run((ctx) => listEmails(ctx, { kind: 'test' }));
    expect(tests.data.map((e) => [e.toAddress, e.status])).toEqual([['ada@example.test', 'sent']]);
  });

  it('emails the CSAT invitation on resolution, through the job, and drops its text once sent', async () => {
    smtp = await startSmtpReceiver();
    await ws.run((ctx) => setEmailSettings(ctx, settingsFor(smtp!)));
    const resolved = await resolvedCaseWithCsat('mia@example.test');
    expect(resolved.followUp!.message).toBe('CSAT invitation emailed to Mia Keller <mia@example.test>.');
    const emailId = resolved.followUp!.emailId!;
    expect(await ws.run((ctx) => getEmail(ctx, emailId))).toMatchObject({ status: 'queued', kind: 'csat' });
    expect(smtp.mails).toHaveLength(0); // nothing leaves before the job runs (after the commit)
    expect(await worker().runDue()).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['mia@example.test']);
    expect(headerOf(mail!.raw, 'Subject')).toBe('How did we do? Late parcel');
    expect(bodyOf(mail!.raw)).toContain(resolved.followUp!.link!);
    const sent = await ws.run((ctx) => getEmail(ctx, emailId));
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, caseId: resolved.id, error: null });
    const row = await db.kysely
      .selectFrom('emails')
      .select('body')
      .where('id', '=', emailId)
      .executeTakeFirst();
    expect(row!.body).toBeNull();
  });

  it('makes the invitation link for the agent when the person has no email or nothing is sent', async () => {
    const noAddress = await resolvedCaseWithCsat(null);
    expect(noAddress.followUp).toMatchObject({ emailId: null });
    expect(noAddress.followUp!.message).toMatch(/they have no email address/);
    await ws.run((ctx) =>
      setEmailSettings(ctx, {
        ...settingsFor({ host: '127.0.0.1', port: 2525 } as SmtpReceiver),
        enabled: false,
      }),
    );
    const off = await resolvedCaseWithCsat('leo@example.test');
    expect(off.followUp!.emailId).toBeNull();
    expect(off.followUp!.message).toMatch(/sends no email/);
  });

  it('emails a status link on request, and says why it cannot', async () => {
    smtp = await startSmtpReceiver();
    const person = await ws.run((ctx) =>
      createPerson(ctx, { firstName: 'Noah', email: 'noah@example.test' }),
    );
    const c = await ws.run((ctx) =>
      createCase(ctx, { type: 'issue', severity: 'normal', subject: 'Grinder noise', personId: person.id }),
    );
    const off = await appError(ws.run((ctx) => createStatusLink(ctx, c.id, base, { email: true })));
    expect(off.code).toBe('conflict');
    expect(off.message).toMatch(/sending email is switched off/);
    await ws.run((ctx) => setEmailSettings(ctx, settingsFor(smtp!)));
    const link = await ws.run((ctx) => createStatusLink(ctx, c.id, base, { email: true }));
    expect(link.emailId).toMatch(/^eml_/);
    await worker().runDue();
    const [mail] = await smtp.waitFor(1);
    expect(headerOf(mail!.raw, 'Subject')).toMatch(/^Your case C-[0-9A-Z]{6}: Grinder noise$/);
    expect(bodyOf(mail!.raw)).toContain(link.link);
    const company = await ws.run((ctx) => createCompany(ctx, { name: 'Acme Cafés' }));
    const nobody = await ws.run((ctx) =>
      createCase(ctx, { type: 'question', severity: 'low', subject: 'Hours?', companyId: company.id }),
    );
    const noPerson = await appError(ws.run((ctx) => createStatusLink(ctx, nobody.id, base, { email: true })));
    expect(noPerson.message).toMatch(/no person to send/);
    const byCase = await ws.run((ctx) => listEmails(ctx, { caseId: c.id }));
    expect(byCase.data.map((e) => [e.kind, e.status])).toEqual([['status_link', 'sent']]);
  });

  it('retries what the server or the network refuses for now, and gives up on a 5xx answer', async () => {
    smtp = await startSmtpReceiver({
      refuse: { address: 'full@example.test', code: 452, message: 'Mailbox full' },
    });
    await ws.run((ctx) => setEmailSettings(ctx, settingsFor(smtp!)));
    const person = await ws.run((ctx) => createPerson(ctx, { firstName: 'Ida', email: 'full@example.test' }));
    const c = await ws.run((ctx) =>
      createCase(ctx, { type: 'issue', severity: 'normal', subject: 'Wrong size', personId: person.id }),
    );
    const link = await ws.run((ctx) => createStatusLink(ctx, c.id, base, { email: true }));
    await worker().runDue();
    const later = await ws.run((ctx) => getEmail(ctx, link.emailId!));
    expect(later).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(later.error).toMatch(/Mailbox full/);
    expect(new Date(later.nextAttemptAt!).getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(
      EMAIL_RETRY_SCHEDULE_MS[0] * 0.9,
    );
    await smtp.close();
    smtp = await startSmtpReceiver({
      refuse: { address: 'full@example.test', code: 550, message: 'No such user here' },
    });
    await ws.run((ctx) => setEmailSettings(ctx, settingsFor(smtp!)));
    clock.advance(EMAIL_RETRY_SCHEDULE_MS[0] * 2);
    await worker().runDue();
    const failed = await ws.run((ctx) => getEmail(ctx, link.emailId!));
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: null });
    expect(failed.error).toMatch(/No such user here/);
    expect(smtp.mails).toHaveLength(0);
  });

  it('cancels what waits when sending is switched off', async () => {
    smtp = await startSmtpReceiver();
    await ws.run((ctx) => setEmailSettings(ctx, settingsFor(smtp!)));
    const person = await ws.run((ctx) => createPerson(ctx, { firstName: 'Eli', email: 'eli@example.test' }));
    const c = await ws.run((ctx) =>
      createCase(ctx, { type: 'issue', severity: 'normal', subject: 'Lost voucher', personId: person.id }),
    );
    const link = await ws.run((ctx) => createStatusLink(ctx, c.id, base, { email: true }));
    await ws.run((ctx) => setEmailSettings(ctx, { ...settingsFor(smtp!), enabled: false }));
    await worker().runDue();
    expect(await ws.run((ctx) => getEmail(ctx, link.emailId!))).toMatchObject({
      status: 'cancelled',
      error: 'sending was switched off',
    });
    expect(smtp.mails).toHaveLength(0);
  });

  it('emails survey invitations when asked, and refuses to when it cannot', async () => {
    smtp = await startSmtpReceiver();
    const survey = await ws.run((ctx) =>
      createSurvey(ctx, {
        name: 'Quarterly check-in',
        kind: 'nps',
        intro: 'How likely are you to recommend us?',
      }),
    );
    await ws.run((ctx) => updateSurvey(ctx, survey.id, { status: 'active' }));
    const ana = await ws.run((ctx) => createPerson(ctx, { firstName: 'Ana', email: 'ana@example.test' }));
    const tom = await ws.run((ctx) => createPerson(ctx, { firstName: 'Tom', email: 'tom@example.test' }));
    await ws.run((ctx) => setEmailSettings(ctx, { ...settingsFor(smtp!), enabled: false }));
    const off = await appError(
      ws.run((ctx) => inviteToSurvey(ctx, survey.id, { personIds: [ana.id], send: true }, base)),
    );
    expect(off).toMatchObject({ code: 'conflict', details: [{ path: 'send' }] });
    const byPhone = await appError(
      ws.run((ctx) =>
        inviteToSurvey(ctx, survey.id, { personIds: [ana.id], channel: 'sms', send: true }, base),
      ),
    );
    expect(byPhone.details[0]!.path).toBe('send');
    await ws.run((ctx) => setEmailSettings(ctx, settingsFor(smtp!)));
    const outcome = await ws.run((ctx) =>
      inviteToSurvey(ctx, survey.id, { personIds: [ana.id, tom.id], send: true }, base),
    );
    expect(outcome.created.map((c) => c.emailId)).toEqual([
      expect.stringMatching(/^eml_/),
      expect.stringMatching(/^eml_/),
    ]);
    expect(await worker().runDue()).toBe(2);
    const mails = await smtp.waitFor(2);
    const toAna = mails.find((m) => m.to[0] === 'ana@example.test')!;
    expect(headerOf(toAna.raw, 'Subject')).toMatch(/: Quarterly check-in$/);
    const body = bodyOf(toAna.raw);
    expect(body).toContain('How likely are you to recommend us?');
    expect(body).toContain(outcome.created.find((c) => c.personId === ana.id)!.link);
  });
});
