import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();

/** axe's serious findings, with the mouse off the menu (a hovered nav link is not what we measure). */
async function audit(page: Page) {
  await page.mouse.move(1270, 850);
  return serious(page);
}
if (missing) console.warn(missing);

const DAY = 86_400_000;

describe.skipIf(missing)('the promise ledger in a real browser (Chromium)', () => {
  let app: WebApp;
  let agent: string;
  let promiseId: string;

  const call = async (method: 'POST' | 'GET', path: string, body?: unknown) => {
    const res = await app.api.call(method, path, body === undefined ? {} : { body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    app = await startWebApp();
    agent = await addUser(app, 'Paula Promise', 'agent');
    const person = await call('POST', '/api/v1/people', { firstName: 'Otto', lastName: 'Waiting' });
    const made = await call('POST', '/api/v1/promises', {
      what: 'Call back with the repair date',
      personId: person.id,
      dueAt: new Date(Date.now() + 2 * DAY).toISOString(),
    });
    promiseId = made.id;
    const other = await call('POST', '/api/v1/people', { firstName: 'Greta', lastName: 'Elsewhere' });
    await call('POST', '/api/v1/promises', {
      what: 'Refund the delivery fee',
      personId: other.id,
      dueAt: new Date(Date.now() + 3 * DAY).toISOString(),
    });
    await call('POST', '/api/v1/promises', {
      what: 'Send the replacement part',
      personId: person.id,
      dueAt: new Date(Date.now() + 20 * DAY).toISOString(),
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('renegotiates a promise (a reason is required), marks it kept, and shows the kept rate', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Promises' }).click();
    const ledger = page.getByRole('table', { name: 'Promises' });
    await ledger.getByRole('link', { name: 'Call back with the repair date' }).waitFor();
    await ledger.getByRole('link', { name: 'Send the replacement part' }).waitFor();
    expect(await audit(page)).toEqual([]);

    // One customer's promises: chosen by name, then the filter removed.
    await page.getByRole('combobox', { name: 'Customer' }).fill('Greta');
    await page.getByRole('option', { name: 'Greta Elsewhere' }).click();
    await ledger.getByRole('link', { name: 'Call back with the repair date' }).waitFor({ state: 'detached' });
    await ledger.getByRole('link', { name: 'Refund the delivery fee' }).waitFor();
    await page
      .getByRole('group', { name: 'Customer filter' })
      .getByText('Customer: Greta Elsewhere')
      .waitFor();
    await page.getByRole('button', { name: 'Remove the customer filter' }).click();
    await ledger.getByRole('link', { name: 'Call back with the repair date' }).waitFor();

    await page.getByRole('combobox', { name: 'Due', exact: true }).click();
    await page.getByRole('option', { name: 'Within a week' }).click();
    await ledger.getByRole('link', { name: 'Send the replacement part' }).waitFor({ state: 'detached' });

    await ledger.getByRole('button', { name: 'New date: Call back with the repair date' }).click();
    const dialog = page.getByRole('dialog', { name: /New date for/ });
    const later = new Date(Date.now() + 5 * DAY);
    const pad = (n: number) => String(n).padStart(2, '0');
    await dialog
      .getByLabel('New due date')
      .fill(`${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T16:00`);
    await dialog.getByRole('button', { name: 'Move the date' }).click();
    await dialog.getByText('required: say why the date moves').waitFor();
    expect(await audit(page)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('The technician is ill this week');
    await dialog.getByRole('checkbox', { name: 'I told the customer' }).check();
    await dialog.getByRole('button', { name: 'Move the date' }).click();
    await dialog.waitFor({ state: 'detached' });
    await ledger.getByText('Renegotiated').waitFor();

    await ledger.getByRole('link', { name: 'Call back with the repair date' }).click();
    const drawer = page.getByRole('dialog', { name: 'Call back with the repair date' });
    await drawer.getByText(/: The technician is ill this week \(customer told\)$/).waitFor();
    expect(await audit(page)).toEqual([]);
    await drawer.getByRole('button', { name: 'Kept: Call back with the repair date' }).click();
    await drawer.getByRole('list').getByText('Kept', { exact: true }).waitFor();
    const kept = await call('GET', `/api/v1/promises/${promiseId}`);
    expect(kept.status).toBe('kept');
    expect(kept.history.map((e: { type: string }) => e.type)).toEqual(['made', 'renegotiated', 'kept']);
    await page.keyboard.press('Escape');

    // Promises due over the last 180 days (none here has come due yet).
    await page
      .getByRole('region', { name: 'Kept rate' })
      .getByText(/Promises due .*settled/)
      .waitFor();
    expect(await audit(page)).toEqual([]);
    await page.context().close();
  });
});
