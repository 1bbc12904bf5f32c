import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, choose, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();

/** axe's serious findings, with the mouse off the menu (a hovered nav link is not what we measure). */
async function audit(page: Page) {
  await page.mouse.move(1270, 850);
  return serious(page);
}
if (missing) console.warn(missing);

const ALWAYS = Object.fromEntries(
  ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
);

describe.skipIf(missing)('cases in a real browser (Chromium)', () => {
  let app: WebApp;
  let admin: string;
  let agent: string;
  let personId: string;
  let caseId: string;

  const call = async (method: 'POST' | 'PUT' | 'GET', path: string, body?: unknown) => {
    const res = await app.api.call(method, path, body === undefined ? {} : { body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    app = await startWebApp();
    admin = await addUser(app, 'Ada Admin', 'admin');
    agent = await addUser(app, 'Andy Agent', 'agent');
    // Around the clock, so that the clocks run whatever the hour of the test.
    const calendar = await call('POST', '/api/v1/business-calendars', {
      name: 'Around the clock',
      timeZone: 'Europe/Berlin',
      hours: ALWAYS,
    });
    await call('POST', '/api/v1/sla-policies', {
      name: 'High, everyone',
      severity: 'high',
      calendarId: calendar.id,
      acknowledgeMinutes: 120,
      resolveMinutes: 1440,
    });
    await call('PUT', '/api/v1/compensation-limits', {
      limits: [{ role: 'agent', currency: 'EUR', maxAmountMinor: 5000 }],
    });
    await call('POST', '/api/v1/root-causes', { name: 'Carrier damage' });
    const person = await call('POST', '/api/v1/people', {
      firstName: 'Carla',
      lastName: 'Complains',
      email: 'carla@example.com',
    });
    personId = person.id;
    const complaint = await call('POST', '/api/v1/interactions', {
      channel: 'email',
      direction: 'inbound',
      subject: 'The vase arrived broken',
      body: 'Third time now that a parcel arrives broken. I am really disappointed.',
      people: [{ personId }],
    });
    const opened = await call('POST', '/api/v1/cases', {
      type: 'complaint',
      severity: 'high',
      category: 'delivery',
      subject: 'Vase arrived broken',
      description: 'INTERNAL: warehouse packed it without foam',
      source: { type: 'interaction', id: complaint.id },
    });
    caseId = opened.id;
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('lists cases with their SLA in business time and moves one through the allowed statuses', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    const table = page.getByRole('table', { name: 'Cases' });
    await table.getByRole('link', { name: 'Vase arrived broken' }).waitFor();
    await table.getByText(/Acknowledge: 1 h 5\d min left|Acknowledge: 2 h left/).waitFor();
    expect(await audit(page)).toEqual([]);
    await choose(page, page, 'SLA', 'Breached');
    await page.getByText('No case matches these filters.').waitFor();
    await choose(page, page, 'SLA', 'On time');
    await table.getByRole('link', { name: 'Vase arrived broken' }).click();

    await page.getByRole('heading', { name: 'Vase arrived broken' }).waitFor();
    const status = page.getByRole('group', { name: 'Change status' });
    const offered = async () => (await status.getByRole('button').allInnerTexts()).map((t) => t.trim());
    expect(await offered()).toEqual(['Acknowledge', 'Start work', 'Resolve']);
    // Closing is not offered before resolving.
    expect(await status.getByRole('button', { name: 'Close' }).count()).toBe(0);
    await page.getByRole('link', { name: 'An interaction on the timeline' }).waitFor();
    await page.getByText('INTERNAL: warehouse packed it without foam').waitFor();
    expect(await audit(page)).toEqual([]);

    await status.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByLabel('Status: Acknowledged').waitFor();
    expect(await offered()).toEqual(['Start work', 'Wait on customer', 'Resolve']);
    await status.getByRole('button', { name: 'Wait on customer' }).click();
    await page.getByLabel('Status: Waiting on customer').waitFor();
    await page.getByText('Waiting on the customer: the resolve clock stands still.').waitFor();
    await page
      .getByRole('group', { name: 'Resolve clock' })
      .getByText(/^Paused, /)
      .waitFor();
    await status.getByRole('button', { name: 'Start work' }).click();
    await page.getByLabel('Status: In progress').waitFor();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Acknowledged → Waiting on customer').waitFor();
    await page.context().close();
  });

  it('asks for compensation above the limit, which an admin approves; copies the acknowledgement', async () => {
    const page = await app.page();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, agent);
    await page.goto(`/cases/${caseId}`);
    const money = page.getByRole('form', { name: 'Give compensation' });
    await money.getByText('Your limit as agent: €50.00.').waitFor();
    await money.getByRole('textbox', { name: 'Amount' }).fill('80');
    await money.getByRole('textbox', { name: 'Reason' }).fill('Third broken parcel');
    await money.getByRole('button', { name: 'Ask for approval' }).click();
    const given = page.getByRole('table', { name: 'Compensation given or asked for' });
    await given.getByText('Awaiting approval').waitFor();

    const ack = page.getByRole('region', { name: 'Acknowledgement' });
    const subject = await ack.getByRole('textbox', { name: 'Subject' }).inputValue();
    expect(subject.length).toBeGreaterThan(3);
    await ack.getByRole('button', { name: 'Copy message' }).click();
    await ack.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(subject)).toBe(true);
    await ack.getByRole('button', { name: 'Log as sent' }).click();
    await ack.getByText("Logged as an outbound email on the customer's timeline.").waitFor();
    await page.context().close();

    const boss = await app.page();
    await signIn(boss, admin);
    const nav = boss.getByRole('navigation', { name: 'Main' });
    await nav.getByLabel('1 waiting').waitFor();
    await nav.getByRole('link', { name: /Approvals/ }).click();
    const requests = boss.getByRole('table', { name: 'Compensation requests' });
    await requests.getByText('Third broken parcel').waitFor();
    expect(await audit(boss)).toEqual([]);
    await requests.getByRole('button', { name: 'Approve Refund €80.00' }).click();
    await boss.getByText('Nothing here.').waitFor();
    const list = await call('GET', `/api/v1/cases/${caseId}/compensations`);
    expect(list.data.map((c: { status: string }) => c.status)).toEqual(['approved']);
    await boss.context().close();
  });

  it('makes a promise in the case, shares the status link without sign-in, then resolves', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.goto(`/cases/${caseId}`);
    const promises = page.getByRole('region', { name: 'Promises' });
    await promises.getByRole('button', { name: 'Make a promise' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a promise' });
    await dialog.getByRole('textbox', { name: 'What was promised' }).fill('A new vase, sent by express');
    await dialog.getByRole('button', { name: 'Record promise' }).click();
    await dialog.getByText('required: a promise needs a due date').waitFor();
    expect(await audit(page)).toEqual([]);
    await dialog.getByLabel('Due').fill('2099-05-04T10:00');
    await dialog.getByRole('button', { name: 'Record promise' }).click();
    await promises.getByRole('link', { name: 'A new vase, sent by express' }).waitFor();

    const share = page.getByRole('region', { name: 'Status link' });
    await share.getByRole('button', { name: 'Make a status link' }).click();
    const link = await share.getByRole('textbox', { name: 'Status link' }).inputValue();
    expect(link).toContain('/c/');
    await share.getByText('Active', { exact: true }).waitFor();
    const stranger = await app.page();
    await stranger.goto(link);
    const text = await stranger.locator('body').innerText();
    expect(text).toContain('We are working on it');
    expect(text).toContain('A new vase, sent by express');
    expect(text).not.toContain('INTERNAL');
    expect(text).not.toContain('Third broken parcel');
    await stranger.context().close();

    await page.getByRole('group', { name: 'Change status' }).getByRole('button', { name: 'Resolve' }).click();
    const resolve = page.getByRole('dialog', { name: 'Resolve the case' });
    await resolve.getByRole('textbox', { name: 'Resolution' }).fill('Sent a new vase, double boxed.');
    await choose(page, resolve, 'Root cause', 'Carrier damage');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await page.getByLabel('Status: Resolved').waitFor();
    await page.getByText(/No CSAT survey is set/).waitFor();
    expect(
      await page.getByRole('group', { name: 'Change status' }).getByRole('button').allInnerTexts(),
    ).toEqual(['Close', 'Reopen']);
    await page.context().close();
  });

  it('opens a case from an interaction on the timeline; the person page shows it with its SLA', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.goto(`/people/${personId}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const complaint = timeline.getByRole('listitem').filter({ hasText: 'Third time now' });
    await complaint.getByRole('button', { name: 'Open a case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a case' });
    await choose(page, dialog, 'Severity', 'High');
    await dialog.getByRole('textbox', { name: 'Subject' }).fill('Second look at the broken vase');
    expect(await audit(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Open case' }).click();
    await page.getByRole('heading', { name: 'Second look at the broken vase' }).waitFor();

    await page.goto(`/people/${personId}`);
    const panel = page.getByRole('region', { name: 'Open cases and promises' });
    await panel.getByRole('link', { name: 'Second look at the broken vase' }).waitFor();
    await panel.getByText(/Acknowledge: .* left/).waitFor();
    await panel.getByRole('link', { name: 'A new vase, sent by express' }).waitFor();
    // The timeline tells the story of the cases and the promise.
    await timeline.getByText('Opened (complaint)').first().waitFor();
    await timeline.getByText(/^Made, due/).waitFor();
    expect(await audit(page)).toEqual([]);
    await page.context().close();
  });

  it('sets up service: a calendar with split hours (the API refuses a bad time zone), a policy', async () => {
    const page = await app.page();
    await signIn(page, admin);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Service settings' })
      .click();
    await page.getByRole('table', { name: 'SLA policies' }).getByText('High, everyone').waitFor();
    expect(await audit(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Business calendars' }).click();
    await page.getByRole('button', { name: 'New business calendar' }).click();
    const form = page.getByRole('form', { name: 'New business calendar' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Berlin office');
    await form.getByRole('textbox', { name: 'Time zone' }).fill('Mars/Olympus');
    await form.getByRole('textbox', { name: 'Monday 1 to' }).fill('12:00');
    await form.getByRole('button', { name: 'Add hours on Monday' }).click();
    await form.getByRole('button', { name: 'Save calendar' }).click();
    // The API's message shows at the field.
    await form
      .getByRole('textbox', { name: 'Time zone' })
      .and(page.locator('[aria-invalid="true"]'))
      .waitFor();
    expect(await audit(page)).toEqual([]);
    await form.getByRole('textbox', { name: 'Time zone' }).fill('Europe/Berlin');
    await form.getByRole('button', { name: 'Save calendar' }).click();
    const calendars = page.getByRole('table', { name: 'Business calendars' });
    await calendars
      .getByRole('row', { name: /Berlin office/ })
      .getByText('39 h')
      .waitFor();

    await page.getByRole('tab', { name: 'SLA policies' }).click();
    const policy = page.getByRole('form', { name: 'New SLA policy' });
    await policy.getByRole('textbox', { name: 'Name' }).fill('Urgent gold');
    await choose(page, policy, 'Calendar', 'Berlin office');
    await choose(page, policy, 'Severity', 'Urgent');
    await choose(page, policy, 'Customer tier', 'Gold');
    await policy.getByRole('button', { name: 'Add policy' }).click();
    await page.getByRole('table', { name: 'SLA policies' }).getByText('Urgent gold').waitFor();
    await page.context().close();
  });
});
