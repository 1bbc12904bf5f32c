import { createJobWorker, systemCtx } from '@rapport/core';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, choose, post, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

interface Received {
  to: string[];
  /** The raw message with folded headers and quoted-printable soft breaks undone. */
  text: string;
}

/** A plain SMTP server on 127.0.0.1 (no TLS, any login) that keeps what it receives. */
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        raw += chunk;
      });
      stream.on('end', () => {
        const text = raw.replace(/\r?\n[ \t]+/g, ' ').replace(/=\r?\n/g, '');
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), text });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** axe's serious findings, with the mouse off the menu (a hovered nav link is not what we measure). */
async function audit(page: Page) {
  await page.mouse.move(1270, 850);
  return serious(page);
}

describe.skipIf(missing)('outgoing email in a real browser (Chromium)', () => {
  let app: WebApp;
  let admin: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  /** The background worker's job, run here on demand: what is due in the test workspace. */
  const runJobs = () =>
    createJobWorker(systemCtx(app.api.db), { workspaceId: app.api.ws.workspaceId }).runDue();

  beforeAll(async () => {
    app = await startWebApp();
    admin = await addUser(app, 'Eli Email', 'admin');
    smtp = await startSmtp();
  }, 180_000);

  afterAll(async () => {
    await smtp?.close();
    await app?.close();
  });

  it('sets the SMTP server (the API’s message at the field), sends a test email and lists it', async () => {
    const page = await app.page();
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: 'Email' }).click();
    const form = page.getByRole('form', { name: 'SMTP server' });
    await page.getByText('No emails yet.').waitFor();

    await form.getByRole('textbox', { name: 'SMTP host' }).fill('127.0.0.1');
    await form.getByRole('textbox', { name: 'From address' }).fill('not an address');
    await form.getByRole('button', { name: 'Save email settings' }).click();
    // The API's message shows at the field it concerns.
    await form
      .getByRole('textbox', { name: 'From address' })
      .and(page.locator('[aria-invalid="true"]'))
      .waitFor();
    expect(await form.getByRole('textbox', { name: 'SMTP host' }).getAttribute('aria-invalid')).not.toBe(
      'true',
    );
    expect(await audit(page)).toEqual([]);

    await choose(page, form, 'Security', 'None (local relay)');
    expect(await form.getByRole('textbox', { name: 'Port' }).inputValue()).toBe('25');
    await form.getByRole('textbox', { name: 'Port' }).fill(String(smtp.port));
    await form.getByRole('textbox', { name: 'From address' }).fill('care@shop.example');
    await form.getByRole('textbox', { name: 'From name' }).fill('Shop Care');
    await form.getByRole('button', { name: 'Save email settings' }).click();
    await form
      .getByRole('status')
      .getByText(/Email settings saved/)
      .waitFor();
    const stored = await app.api.ok('GET', '/api/v1/email-settings');
    expect(stored).toMatchObject({
      configured: true,
      enabled: true,
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      username: null,
      passwordSet: false,
      fromAddress: 'care@shop.example',
      fromName: 'Shop Care',
    });

    // A password is never shown again: left empty it stays, and it can be removed.
    const password = form.getByLabel('Password', { exact: true });
    await password.fill('relay secret');
    await form.getByRole('button', { name: 'Save email settings' }).click();
    await form.getByText('A password is stored; leave empty to keep it').waitFor();
    expect(await password.inputValue()).toBe('');
    await form.getByRole('textbox', { name: 'From name' }).fill('Shop Care Team');
    await form.getByRole('button', { name: 'Save email settings' }).click();
    await expect
      .poll(async () => (await app.api.ok('GET', '/api/v1/email-settings')).fromName)
      .toBe('Shop Care Team');
    expect((await app.api.ok('GET', '/api/v1/email-settings')).passwordSet).toBe(true);
    await form.getByRole('checkbox', { name: 'Remove the stored password' }).check();
    await form.getByRole('button', { name: 'Save email settings' }).click();
    await form.getByText('A password is stored; leave empty to keep it').waitFor({ state: 'detached' });
    expect((await app.api.ok('GET', '/api/v1/email-settings')).passwordSet).toBe(false);

    const test = page.getByRole('form', { name: 'Send a test email' });
    await test.getByRole('textbox', { name: 'Test address' }).fill('ops@shop.example');
    await test.getByRole('button', { name: 'Send test email' }).click();
    await test.getByText('Test email sent to ops@shop.example').waitFor();
    await test.getByText(/The SMTP server answered: 250/).waitFor();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual(['ops@shop.example']);
    expect(smtp.received[0]?.text).toContain('Subject: Rapport test email');

    const sent = page.getByRole('table', { name: 'Sent emails' });
    const row = sent.getByRole('row', { name: /ops@shop\.example/ });
    await row.getByText('sent', { exact: true }).waitFor();
    await row.getByText('Rapport test email').waitFor();
    expect(await audit(page)).toEqual([]);
    // On a phone the page does not scroll sideways: the form stacks, the table scrolls in its box.
    await page.setViewportSize({ width: 390, height: 844 });
    await form.getByRole('textbox', { name: 'SMTP host' }).waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0);
    await page.context().close();
  });

  it('emails a case’s status link to its person; the case page lists the email', async () => {
    const carla = await post(app, '/api/v1/people', {
      firstName: 'Carla',
      lastName: 'Customer',
      email: 'carla@shop.example',
    });
    const opened = await post(app, '/api/v1/cases', {
      type: 'complaint',
      severity: 'normal',
      subject: 'Parcel never came',
      personId: carla.id,
    });
    const nobody = await post(app, '/api/v1/people', { firstName: 'Nico', lastName: 'Nomail' });
    const other = await post(app, '/api/v1/cases', {
      type: 'question',
      severity: 'low',
      subject: 'Where is my invoice',
      personId: nobody.id,
    });

    const page = await app.page();
    await signIn(page, admin);
    // Someone without an address: the server's answer shows.
    await page.goto(`/cases/${other.id}`);
    const otherShare = page.getByRole('region', { name: 'Status link' });
    await otherShare.getByRole('button', { name: 'Email the link to Nico Nomail' }).click();
    await otherShare.getByRole('alert').getByText('Nico Nomail has no email address').waitFor();
    // Refused as a whole: no link was made either.
    expect((await app.api.ok('GET', `/api/v1/cases/${other.id}`)).statusLink).toBe('none');

    await page.goto(`/cases/${opened.id}`);
    const emails = page.getByRole('region', { name: 'Emails' });
    await emails.getByText('No email sent from this case.').waitFor();
    const share = page.getByRole('region', { name: 'Status link' });
    await share.getByRole('button', { name: 'Email the link to Carla Customer' }).click();
    await share
      .getByRole('status')
      .getByText(/Emailed to Carla Customer/)
      .waitFor();
    const link = await share.getByRole('textbox', { name: 'Status link' }).inputValue();
    expect(link).toContain('/c/');
    await emails.getByText('queued', { exact: true }).waitFor();
    expect(smtp.received).toHaveLength(1); // sent by the background job, not in the request

    expect(await runJobs()).toBeGreaterThanOrEqual(1);
    expect(smtp.received).toHaveLength(2);
    const message = smtp.received[1];
    expect(message?.to).toEqual(['carla@shop.example']);
    expect(message?.text).toContain('Subject: Your case');
    expect(message?.text).toContain('Parcel never came');
    expect(message?.text).toContain(link);
    // The list asks again while an email waits, and shows it sent.
    await emails.getByText('sent', { exact: true }).waitFor();
    await emails.getByText(/Status link to Carla Customer/).waitFor();

    // The drafted acknowledgement, edited, goes out from Rapport and acknowledges the case.
    const ack = page.getByRole('region', { name: 'Acknowledgement' });
    await ack.getByLabel('Message').fill('Hello Carla,\n\nI am sorry: a new parcel leaves today.');
    await ack.getByRole('button', { name: 'Email to Carla Customer' }).click();
    await ack
      .getByRole('status')
      .getByText(/Emailed/)
      .waitFor();
    await page.getByLabel('Status: Acknowledged').waitFor();
    expect(await runJobs()).toBeGreaterThanOrEqual(1);
    expect(smtp.received).toHaveLength(3);
    expect(smtp.received[2]?.text).toContain('a new parcel leaves today');
    await emails.getByText(/Message to Carla Customer/).waitFor();

    // A promise at risk: the drafted message goes out from Rapport too.
    await post(app, '/api/v1/promises', {
      what: 'Send a new parcel',
      dueAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
      caseId: opened.id,
    });
    await page.reload();
    await page.getByRole('button', { name: 'Tell the customer: Send a new parcel' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Email to Carla Customer' }).click();
    await dialog
      .getByRole('status')
      .getByText(/Emailed/)
      .waitFor();
    await page.keyboard.press('Escape');
    expect(await runJobs()).toBeGreaterThanOrEqual(1);
    expect(smtp.received).toHaveLength(4);
    expect(smtp.received[3]?.to).toEqual(['carla@shop.example']);
    await expect.poll(() => emails.getByText(/Message to Carla Customer/).count()).toBe(2);
    expect(await audit(page)).toEqual([]);
    await page.context().close();
  });

  it('emails the CSAT invitation when a case is resolved', async () => {
    const survey = await post(app, '/api/v1/surveys', { name: 'Support CSAT', kind: 'csat' });
    await app.api.ok('PATCH', `/api/v1/surveys/${survey.id}`, { status: 'active' });
    await app.api.ok('PATCH', '/api/v1/case-settings', { csatSurveyId: survey.id });
    const dora = await post(app, '/api/v1/people', {
      firstName: 'Dora',
      lastName: 'Delighted',
      email: 'dora@shop.example',
    });
    const opened = await post(app, '/api/v1/cases', {
      type: 'issue',
      severity: 'normal',
      subject: 'App crashes on login',
      personId: dora.id,
    });
    const page = await app.page();
    await signIn(page, admin);
    await page.goto(`/cases/${opened.id}`);
    await page.getByRole('group', { name: 'Change status' }).getByRole('button', { name: 'Resolve' }).click();
    const resolve = page.getByRole('dialog', { name: 'Resolve the case' });
    await resolve.getByRole('textbox', { name: 'Resolution' }).fill('Fixed in 2.3.1.');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('CSAT invitation emailed to Dora Delighted <dora@shop.example>.').waitFor();
    const link = await page.getByRole('textbox', { name: 'CSAT survey link' }).inputValue();
    const before = smtp.received.length;
    expect(await runJobs()).toBeGreaterThanOrEqual(1);
    const message = smtp.received[before];
    expect(message?.to).toEqual(['dora@shop.example']);
    expect(message?.text).toContain('How did we do? App crashes on login');
    expect(message?.text).toContain(link);
    const emails = page.getByRole('region', { name: 'Emails' });
    await emails.getByText(/CSAT invitation to Dora Delighted/).waitFor();
    await emails.getByText('sent', { exact: true }).waitFor();
    await page.context().close();
  });
});
