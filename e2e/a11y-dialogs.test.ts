import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focused, serious } from './axe.ts';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();

/**
 * Opens a dialog with its button and checks the keyboard path: the first field has the focus,
 * Escape closes the dialog, and the focus is back on the button that opened it.
 */
async function checkFocus(page: Page, opener: Locator, dialogName: string | RegExp, firstField: string) {
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  await expect.poll(() => focused(page)).toMatchObject({ name: firstField, inDialog: true });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  const openerName = (await opener.getAttribute('aria-label')) ?? (await opener.innerText());
  await expect.poll(async () => (await focused(page))?.name).toBe(openerName.trim());
}

describe.skipIf(missing)('accessibility of the dialogs and forms (axe-core in Chromium)', () => {
  let app: WebApp;
  let agent: string;
  let personId: string;
  let orderId: string;

  beforeAll(async () => {
    app = await startWebApp();
    agent = await addUser(app, 'Dora Agent', 'agent');
    personId = (
      await app.api.call('POST', '/api/v1/people', {
        body: { firstName: 'Noor', lastName: 'Haddad', email: 'noor@haddad.example' },
      })
    ).body.id;
    for (const externalId of ['NH-42', 'NH-43']) {
      const order = await app.api.call('POST', '/api/v1/orders', {
        body: { personId, externalId, currency: 'EUR', totalMinor: 4200 },
      });
      orderId = order.body.id;
    }
    // The same mailbox twice: a pair to compare on the duplicates page.
    await app.api.call('POST', '/api/v1/people', {
      body: { firstName: 'Noor', lastName: 'H.', additionalEmails: ['Noor@haddad.example'] },
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('new person, edit person with an error, log interaction, Ctrl+K with results, note and follow-up: no serious violation', async () => {
    const page = await app.page();
    await signIn(page, agent);
    const found: Record<string, string[]> = {};

    await page.getByRole('button', { name: 'New person' }).click();
    const create = page.getByRole('dialog', { name: 'New person' });
    await create.getByLabel('First name').waitFor();
    found['new person'] = await serious(page);
    await create.getByRole('button', { name: 'Save' }).click();
    await create.getByText('a person needs a first name, a last name or an email').waitFor();
    found['new person, refused'] = await serious(page);
    await create.getByRole('button', { name: 'Cancel' }).click();
    await create.waitFor({ state: 'detached' });

    await page.goto(`/people/${personId}`);
    await page.getByRole('heading', { name: 'Noor Haddad' }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Noor Haddad' });
    await edit.getByRole('textbox', { name: 'Email' }).fill('noor-at-haddad');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText('must be an email address').waitFor();
    found['edit person, refused'] = await serious(page);
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await edit.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Log interaction' }).click();
    const log = page.getByRole('dialog', { name: 'Log interaction' });
    await log.getByLabel('Subject').waitFor();
    found['log interaction'] = await serious(page);
    await log.getByRole('button', { name: 'Cancel' }).click();
    await log.waitFor({ state: 'detached' });

    await page.keyboard.press('Control+k');
    await page.getByRole('textbox', { name: 'Search everything' }).fill('NH-4');
    await page.getByRole('button', { name: /Order NH-42/ }).waitFor();
    found.search = await serious(page);
    await page.keyboard.press('Escape');

    const notes = page.getByRole('region', { name: 'Notes' });
    await notes.getByLabel('New note').fill('Asked for an invoice copy.');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await notes.getByText('Asked for an invoice copy.').waitFor();
    const tasks = page.getByRole('region', { name: 'Tasks' });
    await tasks.getByLabel('New follow-up').fill('Send the invoice copy');
    await tasks.getByRole('button', { name: 'Add' }).click();
    await tasks.getByText('Send the invoice copy').waitFor();
    found['note and follow-up'] = await serious(page);

    await page.goto(`/orders/${orderId}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    const order = page.getByRole('dialog', { name: 'Edit order NH-43' });
    await order.getByLabel('Order number').fill('NH-42');
    await order.getByRole('button', { name: 'Save' }).click();
    await order.getByText('another order in this workspace has this external id').waitFor();
    found['edit order, refused'] = await serious(page);

    expect(found).toEqual({
      'new person': [],
      'new person, refused': [],
      'edit person, refused': [],
      'log interaction': [],
      search: [],
      'note and follow-up': [],
      'edit order, refused': [],
    });
    await page.context().close();
  });

  it('focuses the first field of a dialog, closes it with Escape and gives the focus back to its button', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await checkFocus(page, page.getByRole('button', { name: 'New person' }), 'New person', 'First name');
    await page.goto(`/people/${personId}`);
    await page.getByRole('heading', { name: 'Noor Haddad' }).waitFor();
    await checkFocus(page, page.getByRole('button', { name: 'Edit' }), 'Edit Noor Haddad', 'First name');
    await checkFocus(
      page,
      page.getByRole('button', { name: 'Log interaction' }),
      'Log interaction',
      'Channel',
    );
    await page.getByRole('region', { name: 'Orders' }).getByRole('link', { name: 'Order NH-43' }).click();
    await checkFocus(page, page.getByRole('button', { name: 'Edit' }), 'Edit order NH-43', 'Order number');
    // Ctrl+K's box: the search field has the focus; Escape gives it back to the Search button.
    const search = page.getByRole('button', { name: /^Search/ });
    await search.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ name: 'Search everything' });
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Search everything' }).waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused(page))?.name).toMatch(/^Search/);

    await page.goto('/duplicates');
    const compare = page
      .getByRole('table', { name: 'Suggested duplicate people' })
      .getByRole('button', { name: /^Compare/ });
    await checkFocus(page, compare, /^Compare/, 'Keep record 1');
    await page.context().close();
  });
});
