import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();

const PEOPLE_CSV = ['First name,Surname,E-mail', 'Ida,Rhodes,ida@example.com', 'Bad,Row,not-an-email'].join(
  '\n',
);

describe.skipIf(missing)('accessibility of every page (axe-core in Chromium)', () => {
  let app: WebApp;
  let agent: string;
  let admin: string;
  let personId: string;
  let companyId: string;
  let orderId: string;

  beforeAll(async () => {
    app = await startWebApp();
    agent = await addUser(app, 'Ada Agent', 'agent');
    admin = await addUser(app, 'Abe Admin', 'admin');
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
    // The same person twice (the same mailbox): a pair on the duplicates page.
    await app.api.call('POST', '/api/v1/people', {
      body: { firstName: 'Mia', lastName: 'Keller-Brun', additionalEmails: ['Mia@acme-med.example'] },
    });
    const order = await app.api.call('POST', '/api/v1/orders', {
      body: {
        personId,
        companyId,
        externalId: 'AM-7',
        currency: 'CHF',
        channel: 'sales_rep',
        lines: [
          {
            sku: 'GLOVE-M',
            name: 'Nitrile gloves M',
            quantity: 20,
            unitPriceMinor: 1250,
            discountMinor: 500,
          },
          { name: 'Returned box', quantity: -1, unitPriceMinor: 1250 },
        ],
        taxMinor: 1800,
        shippingMinor: 900,
      },
    });
    orderId = order.body.id;
    await app.api.call('PATCH', `/api/v1/orders/${orderId}`, { body: { status: 'refunded' } });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('sign-in, people, person 360, companies, company 360, order and follow-ups have no serious violation', async () => {
    const page = await app.page();
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const found: Record<string, string[]> = { 'sign-in': await serious(page) };
    await signIn(page, agent);
    await page.getByRole('link', { name: 'Mia Keller', exact: true }).waitFor();
    found.people = await serious(page);
    await page.goto(`/people/${personId}`);
    await page.getByRole('region', { name: 'Timeline' }).getByText('Late delivery').waitFor();
    await page.getByRole('region', { name: 'Orders' }).getByRole('link', { name: 'Order AM-7' }).waitFor();
    found.person = await serious(page);
    await page.goto('/companies');
    await page.getByRole('link', { name: 'Acme Med AG' }).waitFor();
    found.companies = await serious(page);
    await page.goto(`/companies/${companyId}`);
    await page.getByRole('region', { name: 'People' }).getByText('Mia Keller').waitFor();
    found.company = await serious(page);
    await page.goto(`/orders/${orderId}`);
    await page.getByRole('region', { name: 'Around this order' }).getByText('Late delivery').waitFor();
    await page.getByRole('region', { name: 'Status history' }).getByText('Paid → Refunded').waitFor();
    found.order = await serious(page);
    await page.goto('/tasks');
    await page.getByRole('heading', { name: 'My follow-ups' }).waitFor();
    found.tasks = await serious(page);
    expect(found).toEqual({
      'sign-in': [],
      people: [],
      person: [],
      companies: [],
      company: [],
      order: [],
      tasks: [],
    });
    await page.context().close();
  });

  it('a page still loading (its spinner showing) has no serious violation', async () => {
    const page = await app.page();
    await page.goto('/');
    await signIn(page, agent);
    await page.getByRole('link', { name: 'Mia Keller', exact: true }).waitFor();
    // Hold the person's answer back so that the page shows its loader while axe looks at it.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`**/api/v1/people/${personId}`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/people/${personId}`);
    await page.getByRole('status', { name: 'Loading' }).waitFor();
    const found = await serious(page);
    release();
    await page.getByRole('heading', { name: 'Mia Keller' }).waitFor();
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('every step of the import wizard has no serious violation', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.goto('/imports');
    const wizard = page.getByRole('region', { name: 'Import wizard' });
    await wizard.getByText('The first line of the file names the columns').waitFor();
    const found: Record<string, string[]> = { upload: await serious(page) };
    await wizard.locator('input[type="file"]').setInputFiles({
      name: 'photo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x0a, 0xc3]),
    });
    await wizard.getByText(/not UTF-8 text/).waitFor();
    found['upload, refused'] = await serious(page);
    await wizard.locator('input[type="file"]').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(PEOPLE_CSV),
    });
    await page
      .getByRole('region', { name: 'First rows' })
      .getByRole('cell', { name: 'not-an-email' })
      .waitFor();
    found.mapping = await serious(page);
    await wizard.getByRole('button', { name: 'Dry run' }).click();
    const report = page.getByRole('region', { name: 'Import report' });
    await report.getByRole('heading', { name: 'Dry run: nothing was written' }).waitFor();
    found['dry-run report'] = await serious(page);
    await wizard.getByRole('button', { name: 'Import', exact: true }).click();
    await report.getByRole('heading', { name: 'Import finished' }).waitFor();
    await page.getByRole('region', { name: 'Recent imports' }).getByText('dry run').waitFor();
    found['import report'] = await serious(page);
    expect(found).toEqual({
      upload: [],
      'upload, refused': [],
      mapping: [],
      'dry-run report': [],
      'import report': [],
    });
    await page.context().close();
  });

  it('the duplicates page with a pair, its comparison and every admin tab have no serious violation', async () => {
    const page = await app.page();
    await signIn(page, admin);
    await page.goto('/duplicates');
    const list = page.getByRole('table', { name: 'Suggested duplicate people' });
    await list.getByText('Same email').waitFor();
    const found: Record<string, string[]> = { duplicates: await serious(page) };
    await list.getByRole('button', { name: /Compare/ }).click();
    await page
      .getByRole('dialog', { name: /Compare/ })
      .getByRole('table', { name: 'Side by side' })
      .waitFor();
    found.compare = await serious(page);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.goto('/admin');
    await page.getByRole('table', { name: 'Users' }).getByText('Abe Admin').waitFor();
    found.users = await serious(page);
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'Create key' }).waitFor();
    found['api keys'] = await serious(page);
    await page.getByRole('tab', { name: 'Custom fields' }).click();
    await page.getByRole('button', { name: 'Define field' }).waitFor();
    found['custom fields'] = await serious(page);
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.getByRole('form', { name: 'New webhook' }).waitFor();
    found.webhooks = await serious(page);
    await page.getByRole('tab', { name: 'Email' }).click();
    await page.getByRole('form', { name: 'SMTP server' }).waitFor();
    found.email = await serious(page);
    expect(found).toEqual({
      duplicates: [],
      compare: [],
      users: [],
      'api keys': [],
      'custom fields': [],
      webhooks: [],
      email: [],
    });
    await page.context().close();
  });
});
