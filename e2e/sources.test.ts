import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

describe.skipIf(missing)('tracking sources in a real browser (Chromium)', () => {
  let app: WebApp;
  let admin: string;

  beforeAll(async () => {
    app = await startWebApp();
    admin = await addUser(app, 'Sam Source', 'admin');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const send = (writeKey: string, body: unknown) =>
    fetch(`${app.url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
      },
      body: JSON.stringify(body),
    });

  it('creates a source, shows its write key and what arrived, the person’s web activity, and disables it', async () => {
    const page = await app.page();
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: 'Sources' }).click();
    const form = page.getByRole('form', { name: 'New source' });
    await form.getByRole('button', { name: 'Create source' }).click();
    await form
      .getByText('Too small')
      .or(form.getByText(/at least 1/))
      .first()
      .waitFor();
    await form.getByLabel(/^Source name/).fill('Web shop');
    await form.getByRole('button', { name: 'Create source' }).click();
    await page.getByText('Source "Web shop" created').waitFor();
    const table = page.getByRole('table', { name: 'Sources' });
    const row = table.getByRole('row', { name: /Web shop/ });
    const writeKey = (await row.locator('code').textContent())!.trim();
    expect(writeKey).toHaveLength(32);
    expect(await page.getByText(`writeKey: '${writeKey}'`).count()).toBe(1);
    await row.getByText('never').waitFor();

    const sent = await send(writeKey, {
      batch: [
        {
          type: 'page',
          anonymousId: 'anon-e2e',
          name: 'Pricing',
          properties: { url: 'https://shop.example/pricing' },
        },
        {
          type: 'identify',
          userId: 'e2e-1',
          anonymousId: 'anon-e2e',
          traits: { email: 'e2e@example.com', name: 'Eve Tester', favoriteColor: 'teal' },
        },
      ],
    });
    expect(sent.status).toBe(200);
    await app.api.settled(); // the person is made from the identify just after the answer

    await page.reload();
    await page.getByRole('tab', { name: 'Sources' }).click();
    await table
      .getByRole('row', { name: /Web shop/ })
      .getByRole('cell', { name: '2', exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Events of Web shop', exact: true }).click();
    const events = page.getByRole('table', { name: 'Events of Web shop' });
    await events.getByRole('cell', { name: 'Pricing' }).waitFor();
    await events.getByText('applied', { exact: true }).waitFor(); // the identify made Eve
    await events.getByRole('link', { name: 'anon-e2e' }).click();
    await page.getByRole('heading', { name: 'Eve Tester' }).waitFor();
    await page.getByText('Traits from tracking').waitFor();
    await page.getByText('teal', { exact: true }).waitFor();
    const activity = page.getByRole('region', { name: 'Web activity' });
    await activity.getByText('Pricing', { exact: true }).waitFor();
    await activity.getByRole('link', { name: 'https://shop.example/pricing' }).waitFor();

    await page.goBack();
    await page.getByRole('tab', { name: 'Sources' }).click();
    await page.getByRole('button', { name: 'Timeline events of Web shop' }).click();
    await page.getByRole('button', { name: 'Add an event' }).click();
    await page.getByLabel('Event name 1').fill('Support Ticket Opened');
    await page.getByRole('combobox', { name: 'Channel 1' }).click();
    await page.getByRole('option', { name: 'Chat', exact: true }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await app.api.call('GET', '/api/v1/sources')).body.data[0].interactionEvents)
      .toEqual([{ event: 'Support Ticket Opened', channel: 'chat', direction: 'inbound' }]);
    await page.getByRole('button', { name: 'Disable Web shop' }).click();
    await table.getByText('disabled').waitFor();
    expect((await send(writeKey, { batch: [] })).status).toBe(401);
  });
});
