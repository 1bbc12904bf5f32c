import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

/** A phone held upright (an iPhone 13's viewport), touch, and the public form's CSP waived for axe. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true };

describe.skipIf(missing)('surveys in a real browser (Chromium)', () => {
  let app: WebApp;
  let manager: string;
  let personId: string;

  beforeAll(async () => {
    app = await startWebApp();
    manager = await addUser(app, 'Mona Manager', 'manager');
    const person = await app.api.call('POST', '/api/v1/people', {
      body: { firstName: 'Nora', lastName: 'Phone', email: 'nora.phone@example.com' },
    });
    personId = person.body.id;
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('creates an NPS survey, invites a person, who answers on a phone; the result shows in the app', async () => {
    const page = await app.page();
    await signIn(page, manager);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
    await page.getByText('No surveys yet.').waitFor();
    await page.getByRole('button', { name: 'New survey' }).click();
    const form = page.getByRole('form', { name: 'New survey' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Spring NPS');
    await form.getByRole('textbox', { name: 'Thank-you text' }).fill('Thank you, Nora will be pleased.');
    await form.getByRole('button', { name: 'Create survey' }).click();
    await page.getByRole('heading', { name: 'Spring NPS' }).waitFor();
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByText('active', { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Invite' }).click();
    await page.getByText('Personal links', { exact: true }).waitFor();
    const invite = page.getByRole('form', { name: 'Invite' });
    await invite.getByLabel('People', { exact: true }).fill('Nora');
    await page.getByRole('option', { name: 'Nora Phone <nora.phone@example.com>' }).click();
    await invite.getByRole('button', { name: 'Create links' }).click();
    await page.getByRole('heading', { name: '1 link created' }).waitFor();
    const link = await page.getByRole('textbox', { name: 'Link for Nora Phone' }).inputValue();
    expect(link).toMatch(new RegExp(`^${app.url}/s/inv_`));
    await page.getByRole('button', { name: 'Download links (CSV)' }).waitFor();
    expect(await serious(page), 'survey page').toEqual([]);

    // Nora opens her link on a phone, without signing in.
    const phone = await app.page(PHONE);
    await phone.goto(link);
    await phone.getByRole('heading', { name: 'Spring NPS' }).waitFor();
    expect(await serious(phone), 'public form').toEqual([]);
    const question = phone.getByRole('group', { name: /How likely are you to recommend/ });
    const nine = question.getByText('9', { exact: true });
    const box = await nine.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44); // a comfortable tap target
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await nine.tap();
    await phone
      .getByRole('textbox', { name: /main reason for your score/ })
      .fill('Fast answers, every time.');
    await phone.getByRole('button', { name: 'Send my answers' }).tap();
    await phone.getByText('Thank you, Nora will be pleased.').waitFor();
    await phone.goto(link);
    await phone.getByText('You have already answered this survey.').waitFor();
    await phone.context().close();

    // Back in the app: the score, the answer with its comment, the person's timeline.
    await page.getByRole('tab', { name: 'Results' }).click();
    const results = page.getByRole('table', { name: 'Results' });
    await results.getByRole('cell', { name: '+100' }).waitFor();
    await page.getByRole('figure', { name: 'NPS' }).waitFor();
    expect(await serious(page), 'results').toEqual([]);
    await page.getByRole('tab', { name: 'Answers' }).click();
    await page.getByRole('list', { name: 'Answers' }).getByText('“Fast answers, every time.”').waitFor();
    await page.getByRole('tab', { name: 'Invitations' }).click();
    await page.getByRole('table', { name: 'Invitations' }).getByText('answered', { exact: true }).waitFor();
    await page.goto(`/people/${personId}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('“Fast answers, every time.”').waitFor();
    await timeline.getByRole('link', { name: 'Spring NPS' }).waitFor();
    await page.context().close();
  });
});
