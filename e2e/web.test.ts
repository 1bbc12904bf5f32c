import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

describe.skipIf(missing)('the web app in a real browser (Chromium)', () => {
  let app: WebApp;
  let agent: string;
  let viewer: string;
  let adaId: string;

  beforeAll(async () => {
    app = await startWebApp();
    agent = await addUser(app, 'Grace Agent', 'agent');
    viewer = await addUser(app, 'Vic Viewer', 'viewer');
    const ada = await app.api.call('POST', '/api/v1/people', {
      body: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@analytical.example',
        relationshipType: 'customer',
        tags: ['vip'],
      },
    });
    adaId = ada.body.id;
    await app.api.call('POST', '/api/v1/people', {
      body: { firstName: 'Charles', lastName: 'Babbage', email: 'charles@analytical.example' },
    });
    await app.api.call('POST', '/api/v1/interactions', {
      body: {
        channel: 'email',
        direction: 'inbound',
        subject: 'Difference engine delivery',
        body: 'When will it ship?',
        people: [{ personId: adaId }],
      },
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('signs in, searches, opens a person, logs an interaction, sees it on the timeline, signs out', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.getByLabel('Search').fill('lovelace');
    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    expect(page.url()).toContain(`/people/${adaId}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Difference engine delivery').waitFor();

    await page.getByRole('button', { name: 'Log interaction' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log interaction' });
    await dialog.getByLabel('Subject').fill('Quarterly review call');
    await dialog
      .getByLabel('What was said')
      .fill('Happy with the last delivery; wants a quote for two more.');
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await timeline.getByText('Quarterly review call').waitFor();
    // The newest entry comes first.
    const items = await timeline.getByRole('listitem').allInnerTexts();
    expect(items[0]).toContain('Quarterly review call');
    expect(items[1]).toContain('Difference engine delivery');
    // Stored through the API, not only shown.
    const stored = await app.api.call('GET', `/api/v1/people/${adaId}/timeline`);
    expect(stored.body.data[0].interaction.subject).toBe('Quarterly review call');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.context().close();
  });

  it('puts the server message next to the wrong field, keeps the input, then saves the fix', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.goto(`/people/${adaId}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: /Edit/ });
    await dialog.getByLabel('Job title').fill('Countess of Lovelace');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('ada-at-analytical');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('must be an email address').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Email' }).getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Job title').inputValue()).toBe('Countess of Lovelace');
    expect((await app.api.call('GET', `/api/v1/people/${adaId}`)).body.title).toBeNull();

    await dialog.getByRole('textbox', { name: 'Email' }).fill('ada@lovelace.example');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Countess of Lovelace').first().waitFor();
    const saved = (await app.api.call('GET', `/api/v1/people/${adaId}`)).body;
    expect(saved).toMatchObject({ email: 'ada@lovelace.example', title: 'Countess of Lovelace' });
    await page.context().close();
  });

  it('says when the password is wrong and keeps the email', async () => {
    const page = await app.page();
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Email' }).fill(agent);
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('wrong email or password').waitFor();
    expect(await page.getByRole('textbox', { name: 'Email' }).inputValue()).toBe(agent);
    await page.context().close();
  });

  it('gives a viewer no way to edit, and the API refuses the viewer a write', async () => {
    const page = await app.page();
    await signIn(page, viewer);
    await page.goto(`/people/${adaId}`);
    await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Difference engine delivery').waitFor();
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Log interaction' }).count()).toBe(0);
    expect(await page.getByLabel('New note').count()).toBe(0);
    const status = await page.evaluate(async (personId) => {
      const response = await fetch('/api/v1/notes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'sneaky', personId }),
      });
      return response.status;
    }, adaId);
    expect(status).toBe(403);
    await page.context().close();
  });
});
