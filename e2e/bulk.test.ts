import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

/** 60 people tagged crowd and promo: more than one page of the list. */
const CROWD = [
  'first_name,last_name,email,tags',
  ...Array.from({ length: 60 }, (_, i) => `Crowd,Member ${i + 10},crowd${i}@bulk.example,crowd;promo`),
].join('\n');

describe.skipIf(missing)('bulk actions on the people list in a real browser (Chromium)', () => {
  let app: WebApp;
  let agent: string;
  let viewer: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startWebApp();
    agent = await addUser(app, 'Bulk Agent', 'agent');
    viewer = await addUser(app, 'Vera Viewer', 'viewer');
    await addUser(app, 'Olive Owner', 'agent');
    for (const [first, last] of [
      ['Mia', 'Keller'],
      ['Noah', 'Brandt'],
      ['Lena', 'Adler'],
    ] as const) {
      const made = await app.api.call('POST', '/api/v1/people', {
        body: { firstName: first, lastName: last, email: `${first.toLowerCase()}@bulk.example` },
      });
      ids[first] = made.body.id;
    }
    const imported = await app.api.call('POST', '/api/v1/imports/people', {
      body: CROWD,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.body).toMatchObject({ created: 60, rejected: 0 });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const row = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });
  const bar = (page: Page) => page.getByRole('region', { name: 'Selection' });

  it('tags two ticked people, assigns an owner, and exports exactly the selection', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.getByRole('checkbox', { name: 'Select Mia Keller' }).check();
    await page.getByRole('checkbox', { name: 'Select Noah Brandt' }).check();
    await bar(page).getByText('2 people selected').waitFor();
    const found: Record<string, string[]> = { 'list with a selection': await serious(page) };
    expect(await page.getByRole('checkbox', { name: 'Select all on this page' }).isChecked()).toBe(false);

    await bar(page).getByRole('button', { name: 'Add tag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add tags to 2 people' });
    await dialog.getByLabel('Tags').fill('Fair-2026');
    await dialog.getByLabel('Tags').press('Enter');
    found['add tags dialog'] = await serious(page);
    await dialog.getByRole('button', { name: 'Add tags' }).click();
    await page.getByRole('status').getByText('Added fair-2026: 2 of 2 people changed.').waitFor();
    await row(page, 'Mia Keller').getByText('fair-2026').waitFor();
    await row(page, 'Noah Brandt').getByText('fair-2026').waitFor();
    expect(await row(page, 'Lena Adler').getByText('fair-2026').count()).toBe(0);
    expect(await bar(page).count()).toBe(0); // the selection was cleared
    expect(await page.getByRole('checkbox', { name: 'Select Mia Keller' }).isChecked()).toBe(false);

    await page.getByRole('checkbox', { name: 'Select Mia Keller' }).check();
    await bar(page).getByRole('button', { name: 'Assign owner' }).click();
    const owner = page.getByRole('dialog', { name: 'Assign an owner to 1 person' });
    await owner.getByRole('combobox', { name: 'Owner', exact: true }).click();
    await page.getByRole('option', { name: 'Olive Owner', exact: true }).click();
    found['assign owner dialog'] = await serious(page);
    await owner.getByRole('button', { name: 'Assign owner' }).click();
    await page.getByRole('status').getByText('Owner set to Olive Owner: 1 of 1 person changed.').waitFor();
    await row(page, 'Mia Keller').getByText('Olive Owner').waitFor();
    found['after a change, with its notification'] = await serious(page);

    await page.getByRole('checkbox', { name: 'Select Lena Adler' }).check();
    await page.getByRole('checkbox', { name: 'Select Noah Brandt' }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      bar(page).getByRole('button', { name: 'Export selection' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('people-selection.csv');
    const lines = (await readFile((await download.path()) as string, 'utf8')).trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,external_id,first_name,last_name,email,/);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual([ids.Lena, ids.Noah].sort());
    await page.getByRole('status').getByText('Exported 2 people as CSV.').waitFor();
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
  });

  it('selects all people matching a filter across pages and removes a tag from them', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.getByLabel('Tag', { exact: true }).fill('crowd');
    await page.getByLabel('Tag', { exact: true }).press('Enter');
    await page.getByRole('checkbox', { name: 'Select Crowd Member 10' }).waitFor();
    // By keyboard: Space ticks the page, Enter takes every match.
    await page.getByRole('checkbox', { name: 'Select all on this page' }).focus();
    await page.keyboard.press('Space');
    await bar(page).getByText('50 people selected').waitFor();
    await bar(page).getByRole('button', { name: 'Select all 60 matching' }).focus();
    await page.keyboard.press('Enter');
    await bar(page).getByText('All 60 matching people selected').waitFor();

    await bar(page).getByRole('button', { name: 'Remove tag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove tags from all 60 matching people' });
    await dialog.getByLabel('Tags').fill('promo');
    await dialog.getByRole('button', { name: 'Remove tags' }).click();
    await page.getByRole('status').getByText('Removed promo: 60 of 60 people changed.').waitFor();
    expect((await app.api.call('GET', '/api/v1/people/count?tag=promo')).body).toEqual({
      count: 0,
      exact: true,
    });
    expect((await app.api.call('GET', '/api/v1/people/count?tag=crowd')).body.count).toBe(60);
    // The list refetches after the change: wait for the row to lose the tag, then check.
    await row(page, 'Crowd Member 10').getByText('promo').waitFor({ state: 'detached' });
    expect(await row(page, 'Crowd Member 10').getByText('promo').count()).toBe(0);
  });

  it('tags a ticked company on the companies list', async () => {
    await app.api.call('POST', '/api/v1/companies', { body: { name: 'Keller Machines' } });
    const page = await app.page();
    await signIn(page, agent);
    await page.getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('checkbox', { name: 'Select Keller Machines' }).check();
    await bar(page).getByRole('button', { name: 'Add tag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add tags to 1 company' });
    await dialog.getByLabel('Tags').fill('key-account');
    await dialog.getByRole('button', { name: 'Add tags' }).click();
    await page.getByRole('status').getByText('Added key-account: 1 of 1 company changed.').waitFor();
    await row(page, 'Keller Machines').getByText('key-account').waitFor();
  });

  it('shows a viewer no checkboxes and no bulk actions', async () => {
    const page = await app.page();
    await signIn(page, viewer);
    await page.getByRole('link', { name: 'Mia Keller' }).waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add tag' }).count()).toBe(0);
  });
});
