import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

const DAY = 86_400_000;

describe.skipIf(missing)('customer value in a real browser (Chromium)', () => {
  let app: WebApp;
  let admin: string;
  let loyalId: string;

  const call = async (method: 'POST' | 'PATCH', path: string, body?: unknown) => {
    const res = await app.api.call(method, path, body === undefined ? {} : { body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    app = await startWebApp();
    admin = await addUser(app, 'Vera Value', 'admin');
    // 60 customers over two years: some buy every month, some once, some stopped a year ago.
    const now = Date.now();
    for (let i = 0; i < 60; i++) {
      const person = await call('POST', '/api/v1/people', {
        firstName: i === 0 ? 'Lola' : `Buyer${i}`,
        lastName: i === 0 ? 'Loyal' : 'Test',
      });
      if (i === 0) loyalId = person.id;
      const kind = i % 3; // 0: steady, 1: one-off, 2: lapsed
      const first = now - (700 - i * 5) * DAY;
      const count = kind === 0 ? 12 + (i % 5) : kind === 1 ? 1 : 4;
      const step = kind === 2 ? 30 * DAY : (now - first - DAY) / count;
      for (let k = 0; k < count; k++)
        await call('POST', '/api/v1/orders', {
          personId: person.id,
          currency: 'EUR',
          totalMinor: 2000 + ((i * 37 + k * 11) % 50) * 100,
          orderedAt: new Date(first + k * step).toISOString(),
        });
    }
    await call('POST', '/api/v1/value/recompute');
  }, 300_000);

  afterAll(async () => {
    await app?.close();
  });

  it("shows the value dashboard with its charts, and a customer's value and health with reasons", async () => {
    const page = await app.page();
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Value' }).waitFor();
    await page.goto('/value');
    await page.getByRole('heading', { name: 'Customer value' }).waitFor();
    for (const name of [
      'Lifetime value distribution',
      'Value against chance still active',
      'Lifetime value by segment',
      'Cohort retention and repeat purchases',
      'Model tracking: actual against predicted',
      'Health over time',
    ])
      await page.getByRole('heading', { name }).waitFor();
    await page.getByText(/on 60 customers/).waitFor();
    await page
      .getByRole('figure', { name: 'Customers per band of lifetime value' })
      .locator('svg')
      .first()
      .waitFor();
    expect(
      await page.getByRole('table', { name: 'Cohort retention' }).getByRole('row').count(),
    ).toBeGreaterThan(3);
    expect(await serious(page)).toEqual([]);

    await page.goto(`/people/${loyalId}`);
    const panel = page.getByRole('region', { name: 'Value and health' });
    await panel.getByText('Lifetime value (CLV)').waitFor();
    await panel.getByRole('list', { name: 'Why this health score' }).waitFor();
    expect(await panel.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    expect(await serious(page)).toEqual([]);
    await page.context().close();
  });

  it('sorts and filters the people list on health and churn risk', async () => {
    const page = await app.page();
    await signIn(page, admin);
    await page.goto('/people?sort=-health');
    await page.getByRole('columnheader', { name: /Health/ }).waitFor();
    await page.locator('tbody [aria-label^="Health "]').first().waitFor();
    const healths = await page
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => Number(row.querySelector('[aria-label^="Health "]')?.textContent ?? 'NaN')),
      );
    const known = healths.filter((h) => !Number.isNaN(h));
    expect(known.length).toBeGreaterThan(5);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(await serious(page)).toEqual([]);
    await page.goto('/people?churn=high');
    await page.getByRole('group', { name: 'Active filters' }).getByText('Churn risk: High').waitFor();
    await page.context().close();
  });
});
