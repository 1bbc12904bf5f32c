import { describe, expect, it } from 'vitest';
import { createCase, createStatusLink } from '../cases/cases.service.ts';
import { createPerson } from '../people/people.service.ts';
import { createSurvey, inviteToSurvey, updateSurvey } from '../surveys/surveys.service.ts';
import { appError } from '../testing.ts';
import {
  EMAIL_RETRY_SCHEDULE_MS,
  getEmail,
  getEmailSettings,
  listEmails,
  sendTestEmail,
  setEmailSettings,
} from './email.service.ts';
import { base, clock, env, run, runJobs, settingsFor, setupEmail, useSmtp } from './email.testing.ts';

setupEmail();

/** A case of a new person with this address, and its status link emailed. */
async function emailedStatusLink(firstName: string, email: string) {
  const person = await run((ctx) => createPerson(ctx, { firstName, email }));
  const c = await run((ctx) =>
    createCase(ctx, { type: 'issue', severity: 'normal', subject: 'Wrong size', personId: person.id }),
  );
  return run((ctx) => createStatusLink(ctx, c.id, base, { email: true }));
}

describe('email settings', () => {
  it('start unset, keep the password out of every answer and the audit log, and keep it when left out', async () => {
    expect(await run(getEmailSettings)).toMatchObject({ configured: false, enabled: false, host: null });
    const set = await run((ctx) =>
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
    const again = await run((ctx) =>
      setEmailSettings(ctx, {
        host: 'smtp.example.test',
        port: 465,
        security: 'tls',
        username: 'care',
        fromAddress: 'care@example.test',
      }),
    );
    expect(again).toMatchObject({ port: 465, passwordSet: true });
    const audit = await env.db.kysely
      .selectFrom('audit_log')
      .select('changes')
      .where('workspace_id', '=', env.ws.workspaceId)
      .where('entity', '=', 'email_settings')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('s3cret');
  });

  it('refuse bad input with the field at fault', async () => {
    const bad = await appError(
      run((ctx) =>
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
    const smtp = await useSmtp({
      refuse: { address: 'gone@example.test', code: 550, message: 'No such user' },
    });
    const ok = await run((ctx) => sendTestEmail(ctx, { to: 'ada@example.test' }));
    expect(ok.ok).toBe(true);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['ada@example.test']);
    expect(mail!.header('From')).toBe('"Bean & Leaf Care" <care@bean-and-leaf.test>');
    const refused = await appError(run((ctx) => sendTestEmail(ctx, { to: 'gone@example.test' })));
    expect(refused).toMatchObject({ code: 'validation_failed', details: [{ path: 'smtp' }] });
    expect(refused.message).toMatch(/No such user/);
    const tests = await run((ctx) => listEmails(ctx, { kind: 'test' }));
    expect(tests.data.map((e) => [e.toAddress, e.status])).toEqual([['ada@example.test', 'sent']]);
  });

  it('retries what the server refuses for now, and gives up on a 5xx answer', async () => {
    await useSmtp({ refuse: { address: 'full@example.test', code: 452, message: 'Mailbox full' } });
    const link = await emailedStatusLink('Ida', 'full@example.test');
    await runJobs();
    const later = await run((ctx) => getEmail(ctx, link.emailId!));
    expect(later).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(later.error).toMatch(/Mailbox full/);
    expect(new Date(later.nextAttemptAt!).getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(
      EMAIL_RETRY_SCHEDULE_MS[0] * 0.9,
    );
    const smtp = await useSmtp({
      refuse: { address: 'full@example.test', code: 550, message: 'No such user here' },
    });
    clock.advance(EMAIL_RETRY_SCHEDULE_MS[0] * 2);
    await runJobs();
    const failed = await run((ctx) => getEmail(ctx, link.emailId!));
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: null });
    expect(failed.error).toMatch(/No such user here/);
    expect(smtp.mails).toHaveLength(0);
    const row = await env.db.kysely
      .selectFrom('emails')
      .select('body')
      .where('id', '=', link.emailId!)
      .executeTakeFirst();
    expect(row!.body).toBeNull(); // given up: the personal link is not kept
  });

  it('cancels what waits when sending is switched off', async () => {
    const smtp = await useSmtp();
    const link = await emailedStatusLink('Eli', 'eli@example.test');
    await run((ctx) => setEmailSettings(ctx, { ...settingsFor(smtp), enabled: false }));
    await runJobs();
    expect(await run((ctx) => getEmail(ctx, link.emailId!))).toMatchObject({
      status: 'cancelled',
      error: 'sending was switched off',
    });
    expect(smtp.mails).toHaveLength(0);
  });

  it('emails survey invitations when asked, and refuses to when it cannot', async () => {
    const survey = await run((ctx) =>
      createSurvey(ctx, {
        name: 'Quarterly check-in',
        kind: 'nps',
        intro: 'How likely are you to recommend us?',
      }),
    );
    await run((ctx) => updateSurvey(ctx, survey.id, { status: 'active' }));
    const ana = await run((ctx) => createPerson(ctx, { firstName: 'Ana', email: 'ana@example.test' }));
    const tom = await run((ctx) => createPerson(ctx, { firstName: 'Tom', email: 'tom@example.test' }));
    await useSmtp({}, { enabled: false });
    const off = await appError(
      run((ctx) => inviteToSurvey(ctx, survey.id, { personIds: [ana.id], send: true }, base)),
    );
    expect(off).toMatchObject({ code: 'conflict', details: [{ path: 'send' }] });
    const byPhone = await appError(
      run((ctx) => inviteToSurvey(ctx, survey.id, { personIds: [ana.id], channel: 'sms', send: true }, base)),
    );
    expect(byPhone.details[0]!.path).toBe('send');
    const smtp = await useSmtp();
    const outcome = await run((ctx) =>
      inviteToSurvey(ctx, survey.id, { personIds: [ana.id, tom.id], send: true }, base),
    );
    expect(outcome.created.map((c) => c.emailId)).toEqual([
      expect.stringMatching(/^eml_/),
      expect.stringMatching(/^eml_/),
    ]);
    expect(await runJobs()).toBe(2);
    const mails = await smtp.waitFor(2);
    const toAna = mails.find((m) => m.to[0] === 'ana@example.test')!;
    expect(toAna.header('Subject')).toMatch(/: Quarterly check-in$/);
    expect(toAna.text).toContain('How likely are you to recommend us?');
    expect(toAna.text).toContain(outcome.created.find((c) => c.personId === ana.id)!.link);
  });
});
