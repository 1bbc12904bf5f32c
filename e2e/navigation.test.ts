import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();

describe.skipIf(missing)('companies, global search and the follow-up inbox (Chromium)', () => {
  let app: WebApp;
  let agent: string;
  let companyId: string;
  let graceId: string;

  beforeAll(async () => {
    app = await startWebApp();
    agent = await addUser(app, 'Ann Agent', 'agent');
    const me = await app.api.call('GET', '/api/v1/users');
    const agentId = me.body.data.find((u: { email: string }) => u.email === agent).id;
    const company = await app.api.call('POST', '/api/v1/companies', {
      body: { name: 'Zentrum Pharma AG', domain: 'zentrum-pharma.example', relationshipType: 'customer' },
    });
    companyId = company.body.id;
    const person = async (firstName: string, lastName: string, level: string, fn: string) => {
      const p = await app.api.call('POST', '/api/v1/people', {
        body: { firstName, lastName, email: `${firstName.toLowerCase()}@zentrum-pharma.example` },
      });
      await app.api.call('POST', '/api/v1/memberships', {
        body: { personId: p.body.id, companyId, role: `${fn} lead`, level, function: fn },
      });
      return p.body.id as string;
    };
    graceId = await person('Grace', 'Hopper', 'executive', 'quality');
    await person('Alan', 'Turing', 'end_user', 'engineering');
    await app.api.call('POST', '/api/v1/interactions', {
      body: {
        channel: 'meeting',
        direction: 'outbound',
        subject: 'Annual account review',
        people: [{ personId: graceId }],
      },
    });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await app.api.call('POST', '/api/v1/tasks', {
      body: { title: 'Send the revised quote', dueAt: yesterday, assigneeId: agentId, personId: graceId },
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows a company 360: people grouped by level, the combined timeline', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('link', { name: 'Zentrum Pharma AG' }).click();
    await page.getByRole('heading', { name: 'Zentrum Pharma AG' }).waitFor();
    const people = page.getByRole('region', { name: 'People' });
    const text = await people.innerText();
    expect(text).toMatch(/Executive\s*1\s*Grace Hopper · quality lead · Quality/);
    expect(text).toMatch(/Functional lead\s*0/);
    expect(text).toContain('Alan Turing');
    // Grace's meeting shows on the company's combined timeline.
    await page.getByRole('region', { name: 'Timeline' }).getByText('Annual account review').waitFor();
    await page.context().close();
  });

  it('jumps anywhere with Ctrl+K', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.keyboard.press('Control+k');
    await page.getByRole('textbox', { name: 'Search everything' }).fill('hopper');
    await page.getByRole('button', { name: /Grace Hopper/ }).click();
    await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
    expect(page.url()).toContain(`/people/${graceId}`);
    await page.context().close();
  });

  it('lists my overdue follow-ups and ticks one off', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.getByRole('link', { name: /My follow-ups/ }).click();
    const overdue = page.getByRole('region', { name: 'Overdue' });
    await overdue.getByText('Send the revised quote').waitFor();
    await overdue.getByRole('checkbox', { name: 'Done: Send the revised quote' }).click();
    await page.getByText('Nothing to follow up. Well done.').waitFor();
    const tasks = await app.api.call('GET', `/api/v1/tasks?personId=${graceId}&status=done`);
    expect(tasks.body.data.map((t: { title: string }) => t.title)).toEqual(['Send the revised quote']);
    await page.context().close();
  });

  it('creates a person and a company from their lists, with the server message on the wrong field first', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.getByRole('button', { name: 'New person' }).click();
    const dialog = page.getByRole('dialog', { name: 'New person' });
    await dialog.getByLabel('Job title').fill('Chief chemist');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('a person needs a first name, a last name or an email').waitFor();
    expect(await dialog.getByLabel('Job title').inputValue()).toBe('Chief chemist');
    await dialog.getByLabel('First name').fill('Rosalind');
    await dialog.getByLabel('Last name').fill('Franklin');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Rosalind Franklin' }).waitFor();
    const found = await app.api.call('GET', '/api/v1/people?q=franklin');
    expect(found.body.data.map((p: { title: string }) => p.title)).toEqual(['Chief chemist']);

    await page.getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('button', { name: 'New company' }).click();
    const form = page.getByRole('dialog', { name: 'New company' });
    await form.getByLabel('Name').fill('Helix Biotech');
    await form.getByLabel('Domain').fill('helix-bio.example');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Helix Biotech' }).waitFor();
    const company = await app.api.call('GET', '/api/v1/companies?domain=helix-bio.example');
    expect(company.body.data.map((c: { name: string }) => c.name)).toEqual(['Helix Biotech']);
    await page.context().close();
  });
});
