import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();

describe.skipIf(missing)('accessibility of the main pages (axe-core in Chromium)', () => {
  let app: WebApp;
  let agent: string;
  let personId: string;
  let companyId: string;

  beforeAll(async () => {
    app = await startWebApp();
    agent = await addUser(app, 'Ada Agent', 'agent');
    companyId = (await app.api.call('POST', '/api/v1/companies', { body: { name: 'Acme Med AG' } })).body.id;
    const person = await app.api.call('POST', '/api/v1/people', {
      body: { firstName: 'Mia', lastName: 'Keller', email: 'mia@acme-med.example', tags: ['vip'] },
    });
    personId = person.body.id;
    await app.api.call('POST', '/api/v1/memberships', {
      body: { personId, companyId, role: 'Head of quality', level: 'functional_lead', function: 'quality' },
    });
    await app.api.call('POST', '/api/v1/interactions', {
      body: { channel: 'phone', direction: 'inbound', subject: 'Late delivery', people: [{ personId }] },
    });
    await app.api.call('POST', '/api/v1/notes', {
      body: { body: 'Prefers calls in the morning.', personId },
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('sign-in, people, person 360, companies, company 360 and follow-ups have no serious violation', async () => {
    const page = await app.page();
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const found: Record<string, string[]> = { 'sign-in': await serious(page) };
    await signIn(page, agent);
    await page.getByRole('link', { name: 'Mia Keller' }).waitFor();
    found.people = await serious(page);
    await page.goto(`/people/${personId}`);
    await page.getByRole('region', { name: 'Timeline' }).getByText('Late delivery').waitFor();
    found.person = await serious(page);
    await page.goto('/companies');
    await page.getByRole('link', { name: 'Acme Med AG' }).waitFor();
    found.companies = await serious(page);
    await page.goto(`/companies/${companyId}`);
    await page.getByRole('region', { name: 'People' }).getByText('Mia Keller').waitFor();
    found.company = await serious(page);
    await page.goto('/tasks');
    await page.getByRole('heading', { name: 'My follow-ups' }).waitFor();
    found.tasks = await serious(page);
    expect(found).toEqual({ 'sign-in': [], people: [], person: [], companies: [], company: [], tasks: [] });
    await page.context().close();
  });
});
