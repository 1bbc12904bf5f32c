import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

describe.skipIf(missing)('service recovery in a real browser (Chromium)', () => {
  let app: WebApp;
  let manager: string;

  const call = async (method: 'POST' | 'PATCH', path: string, body?: unknown) => {
    const res = await app.api.call(method, path, body === undefined ? {} : { body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    app = await startWebApp();
    manager = await addUser(app, 'Rhea Recovery', 'manager');
    const causes = [];
    for (const name of ['Late courier', 'Damaged parcel', 'Wrong item'])
      causes.push(await call('POST', '/api/v1/root-causes', { name }));
    // Eight customers who bought; six complained (causes skewed to the first), two of them resolved.
    for (let i = 0; i < 8; i++) {
      const person = await call('POST', '/api/v1/people', { firstName: `Client${i}`, lastName: 'Test' });
      await call('POST', '/api/v1/orders', {
        personId: person.id,
        currency: 'EUR',
        totalMinor: 3000 + 100 * i,
        orderedAt: new Date(Date.now() - (20 + i) * 86_400_000).toISOString(),
      });
      if (i >= 6) continue;
      const complaint = await call('POST', '/api/v1/cases', {
        type: 'complaint',
        subject: `Problem ${i}`,
        personId: person.id,
      });
      await call('PATCH', `/api/v1/cases/${complaint.id}`, { rootCauseId: causes[i < 4 ? 0 : i - 3].id });
      await call('POST', `/api/v1/cases/${complaint.id}/transitions`, { to: 'acknowledged' });
      if (i < 2)
        await call('POST', `/api/v1/cases/${complaint.id}/transitions`, {
          to: 'resolved',
          resolution: 'Resent',
        });
    }
  }, 300_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows the four groups, the Pareto chart of root causes and the time histograms', async () => {
    const page = await app.page();
    await signIn(page, manager);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Service recovery' })
      .waitFor();
    await page.goto('/recovery');
    await page.getByRole('heading', { name: 'Service recovery' }).waitFor();
    for (const name of ['Outcomes after a complaint', 'Root causes', 'Time to acknowledge and to resolve'])
      await page.getByRole('heading', { name }).waitFor();
    const outcomes = page.getByRole('table', { name: 'Outcomes over 90 days' });
    await outcomes.waitFor();
    for (const group of [
      'Resolved in SLA, satisfied',
      'Resolved, unsatisfied or late',
      'Unresolved',
      'Never complained',
    ])
      await outcomes.getByRole('cell', { name: group }).waitFor();
    // Four complaints still open, two customers who never complained.
    await outcomes.getByRole('row', { name: /Unresolved 4 \(0 with the window ended\)/ }).waitFor();
    await outcomes.getByRole('row', { name: /Never complained 2 / }).waitFor();
    await page
      .getByRole('figure', { name: 'Cases per root cause with the cumulative share' })
      .locator('svg')
      .first()
      .waitFor();
    const ranked = page.getByRole('table', { name: 'Root causes ranked' });
    await ranked.getByRole('row', { name: /Late courier 4 67%/ }).waitFor();
    await page
      .getByRole('figure', { name: 'Time to acknowledge: cases per band' })
      .locator('svg')
      .first()
      .waitFor();
    await page.getByText(/Time to resolve: median .*\(2 cases\)/).waitFor();
    expect(await serious(page)).toEqual([]);

    await page.getByText('Following 180 days', { exact: true }).click();
    await page.getByRole('table', { name: 'Outcomes over 180 days' }).waitFor();
  });
});
