import { describe, expect, it } from 'vitest';
import { createCompany } from '../companies/companies.service.ts';
import { getEmail, listEmails, setEmailSettings } from '../email/email.service.ts';
import { base, env, run, runJobs, settingsFor, setupEmail, useSmtp } from '../email/email.testing.ts';
import { getInteraction } from '../interactions/interactions.service.ts';
import { createPerson } from '../people/people.service.ts';
import { createPromise, emailPromiseMessage } from '../promises/promises.service.ts';
import { createSurvey, updateSurvey } from '../surveys/surveys.service.ts';
import { appError } from '../testing.ts';
import {
  createCase,
  createStatusLink,
  emailCaseMessage,
  getCase,
  transitionCase,
  updateCaseSettings,
} from './cases.service.ts';

setupEmail();

async function resolvedCaseWithCsat(email: string | null) {
  const survey = await run((ctx) => createSurvey(ctx, { name: `CSAT ${Math.random()}`, kind: 'csat' }));
  await run((ctx) => updateSurvey(ctx, survey.id, { status: 'active' }));
  await run((ctx) => updateCaseSettings(ctx, { csatSurveyId: survey.id }));
  const person = await run((ctx) =>
    createPerson(ctx, { firstName: 'Mia', lastName: 'Keller', ...(email ? { email } : {}) }),
  );
  const c = await run((ctx) =>
    createCase(ctx, { type: 'complaint', severity: 'high', subject: 'Late parcel', personId: person.id }),
  );
  await run((ctx) => transitionCase(ctx, c.id, { to: 'in_progress' }, base));
  return run((ctx) => transitionCase(ctx, c.id, { to: 'resolved', resolution: 'Resent by express' }, base));
}

describe('cases by email', () => {
  it('email the CSAT invitation on resolution, through the job, and drop its text once sent', async () => {
    const smtp = await useSmtp();
    const resolved = await resolvedCaseWithCsat('mia@example.test');
    expect(resolved.followUp!.message).toBe('CSAT invitation emailed to Mia Keller <mia@example.test>.');
    const emailId = resolved.followUp!.emailId!;
    expect(await run((ctx) => getEmail(ctx, emailId))).toMatchObject({ status: 'queued', kind: 'csat' });
    expect(smtp.mails).toHaveLength(0); // nothing leaves before the job runs (after the commit)
    expect(await runJobs()).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['mia@example.test']);
    expect(mail!.header('Subject')).toBe('How did we do? Late parcel');
    expect(mail!.text).toContain(resolved.followUp!.link!);
    expect(await run((ctx) => getEmail(ctx, emailId))).toMatchObject({
      status: 'sent',
      attempts: 1,
      caseId: resolved.id,
      error: null,
    });
    const row = await env.db.kysely
      .selectFrom('emails')
      .select('body')
      .where('id', '=', emailId)
      .executeTakeFirst();
    expect(row!.body).toBeNull();
  });

  it('leave the invitation link to the agent when the person has no address or nothing is sent', async () => {
    const noAddress = await resolvedCaseWithCsat(null);
    expect(noAddress.followUp).toMatchObject({ emailId: null });
    expect(noAddress.followUp!.message).toMatch(/they have no email address/);
    await run((ctx) =>
      setEmailSettings(ctx, { ...settingsFor({ host: '127.0.0.1', port: 2525 }), enabled: false }),
    );
    const off = await resolvedCaseWithCsat('leo@example.test');
    expect(off.followUp!.emailId).toBeNull();
    expect(off.followUp!.message).toMatch(/sends no email/);
  });

  it('email a status link on request, and say why they cannot', async () => {
    const person = await run((ctx) => createPerson(ctx, { firstName: 'Noah', email: 'noah@example.test' }));
    const c = await run((ctx) =>
      createCase(ctx, { type: 'issue', severity: 'normal', subject: 'Grinder noise', personId: person.id }),
    );
    await useSmtp({}, { enabled: false });
    const off = await appError(run((ctx) => createStatusLink(ctx, c.id, base, { email: true })));
    expect(off.code).toBe('conflict');
    expect(off.message).toMatch(/sending email is switched off/);
    const smtp = await useSmtp();
    const link = await run((ctx) => createStatusLink(ctx, c.id, base, { email: true }));
    expect(link.emailId).toMatch(/^eml_/);
    await runJobs();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.header('Subject')).toMatch(/^Your case C-[0-9A-Z]{6}: Grinder noise$/);
    expect(mail!.text).toContain(link.link);
    const company = await run((ctx) => createCompany(ctx, { name: 'Acme Cafés' }));
    const nobody = await run((ctx) =>
      createCase(ctx, { type: 'question', severity: 'low', subject: 'Hours?', companyId: company.id }),
    );
    const noPerson = await appError(run((ctx) => createStatusLink(ctx, nobody.id, base, { email: true })));
    expect(noPerson.message).toMatch(/no person to send/);
    const byCase = await run((ctx) => listEmails(ctx, { caseId: c.id }));
    expect(byCase.data.map((e) => [e.kind, e.status])).toEqual([['status_link', 'sent']]);
  });

  it("email the agent's message, log it on the timeline and acknowledge a new case, or refuse whole", async () => {
    const smtp = await useSmtp();
    const person = await run((ctx) => createPerson(ctx, { firstName: 'Lena', email: 'lena@example.test' }));
    const c = await run((ctx) =>
      createCase(ctx, { type: 'complaint', severity: 'high', subject: 'Broken lid', personId: person.id }),
    );
    const bad = await appError(run((ctx) => emailCaseMessage(ctx, c.id, { subject: '', body: 'x' })));
    expect(bad.details.map((d) => d.path)).toEqual(['subject']);
    const sent = await run((ctx) =>
      emailCaseMessage(ctx, c.id, { subject: 'Your broken lid', body: 'Hello Lena,\n\nI am sorry.' }),
    );
    expect(sent.acknowledged).toBe(true);
    expect((await run((ctx) => getCase(ctx, c.id))).status).toBe('acknowledged');
    const logged = await run((ctx) => getInteraction(ctx, sent.interactionId));
    expect(logged).toMatchObject({ channel: 'email', direction: 'outbound', subject: 'Your broken lid' });
    await runJobs();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['lena@example.test']);
    expect(mail!.text).toContain('I am sorry.');
    expect(await run((ctx) => getEmail(ctx, sent.emailId))).toMatchObject({
      kind: 'message',
      status: 'sent',
    });

    const silent = await run((ctx) => createPerson(ctx, { firstName: 'Otto' }));
    const other = await run((ctx) =>
      createCase(ctx, { type: 'issue', severity: 'normal', subject: 'Noise', personId: silent.id }),
    );
    const noAddress = await appError(
      run((ctx) => emailCaseMessage(ctx, other.id, { subject: 'Hi', body: 'Hello' })),
    );
    expect(noAddress.message).toMatch(/Otto has no email address/);
    expect((await run((ctx) => getCase(ctx, other.id))).status).toBe('new'); // nothing half done
  });

  it('email a message about a promise to its person and log it on the timeline', async () => {
    const smtp = await useSmtp();
    const person = await run((ctx) => createPerson(ctx, { firstName: 'Pia', email: 'pia@example.test' }));
    const c = await run((ctx) =>
      createCase(ctx, { type: 'complaint', severity: 'high', subject: 'Missing part', personId: person.id }),
    );
    const promise = await run((ctx) =>
      createPromise(ctx, { what: 'Send the missing part', dueAt: '2026-11-27T16:00:00Z', caseId: c.id }),
    );
    const sent = await run((ctx) =>
      emailPromiseMessage(ctx, promise.id, {
        subject: 'About the missing part',
        body: 'It will be a day late.',
      }),
    );
    expect(await run((ctx) => getInteraction(ctx, sent.interactionId))).toMatchObject({
      direction: 'outbound',
      subject: 'About the missing part',
    });
    await runJobs();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['pia@example.test']);
    expect(mail!.text).toContain('It will be a day late.');
    const byCase = await run((ctx) => listEmails(ctx, { caseId: c.id }));
    expect(byCase.data.map((e) => [e.kind, e.status])).toEqual([['message', 'sent']]);
  });
});
