import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, choose, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();

/** The name links (one per row) of the list, once they are `expected` (it loads as filters change). */
async function expectRows(page: Page, expected: string[]) {
  const names = page.locator('tbody tr td a');
  await expect.poll(async () => (await names.allInnerTexts()).sort(), { timeout: 10_000 }).toEqual(expected);
}

describe.skipIf(missing)('list filters and saved views (Chromium)', () => {
  let app: WebApp;
  let ana: string;
  let ben: string;

  beforeAll(async () => {
    app = await startWebApp();
    ana = await addUser(app, 'Ana Agent', 'agent');
    ben = await addUser(app, 'Ben Agent', 'agent');
    await app.api.call('POST', '/api/v1/custom-fields', {
      body: { entity: 'person', key: 'tier', label: 'Tier', type: 'select', options: ['gold', 'silver'] },
    });
    await app.api.call('POST', '/api/v1/custom-fields', {
      body: { entity: 'company', key: 'sites', label: 'Sites', type: 'number' },
    });
    const company = async (name: string, industry: string, sites: number) =>
      (await app.api.call('POST', '/api/v1/companies', { body: { name, industry, custom: { sites } } })).body
        .id as string;
    const acme = await company('Acme Robotics', 'Robotics', 3);
    const beta = await company('Beta Foods', 'Food', 12);
    const person = async (firstName: string, tier: string | null, companyId?: string, level?: string) => {
      const body = { firstName, lastName: 'Test', ...(tier ? { custom: { tier } } : {}) };
      const created = await app.api.call('POST', '/api/v1/people', { body });
      if (companyId) {
        await app.api.call('POST', '/api/v1/memberships', {
          body: { personId: created.body.id, companyId, level },
        });
      }
    };
    await person('Ada', 'gold', acme, 'executive');
    await person('Bea', 'gold', acme, 'end_user');
    await person('Cy', 'silver', acme, 'executive');
    await person('Dee', 'gold', beta, 'executive');
    await person('Eve', null);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('filters by a custom field and by company and level, saves shared and private views, applies them again', async () => {
    const page = await app.page();
    await signIn(page, ana);
    await expectRows(page, ['Ada Test', 'Bea Test', 'Cy Test', 'Dee Test', 'Eve Test']);

    await page.getByRole('button', { name: 'Custom field filter' }).click();
    await choose(page, page, 'Field', 'Tier');
    await choose(page, page, 'Tier', 'gold');
    expect(await serious(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add filter' }).click();
    await expectRows(page, ['Ada Test', 'Bea Test', 'Dee Test']);

    await page.getByRole('combobox', { name: 'Company', exact: true }).fill('acme');
    await page.getByRole('option', { name: 'Acme Robotics' }).click();
    await expectRows(page, ['Ada Test', 'Bea Test']);
    await choose(page, page, 'Level', 'Executive');
    await expectRows(page, ['Ada Test']);
    const active = page.getByRole('group', { name: 'Active filters' });
    for (const chip of ['Tier: gold', 'Company: Acme Robotics', 'Level: Executive']) {
      await active.getByText(chip).waitFor();
    }

    // Save as a shared view; the view's id goes into the address.
    await page.getByRole('button', { name: 'Save view' }).click();
    let dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel(/^Name/).fill('Acme gold executives');
    expect(await serious(page)).toEqual([]);
    await dialog.getByRole('switch', { name: 'Share with the workspace' }).check();
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const views = page.getByRole('group', { name: 'Views of people' });
    const shared = views.getByRole('button', { name: /^Acme gold executives/ });
    await expect.poll(() => shared.getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toMatch(/view=viw_/);
    expect(await page.getByRole('button', { name: 'Save view' }).count()).toBe(0);

    // Remove the level filter and keep that as a private view.
    await active.getByRole('button', { name: 'Remove filter Level: Executive' }).click();
    await expectRows(page, ['Ada Test', 'Bea Test']);
    await page.getByRole('button', { name: 'Save view' }).click();
    dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel(/^Name/).fill('Acme gold, mine');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Away and back: the list starts unfiltered; choosing the view brings its rows back.
    await page.getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('heading', { name: 'Companies' }).waitFor();
    await page.getByRole('link', { name: 'People' }).click();
    await expectRows(page, ['Ada Test', 'Bea Test', 'Cy Test', 'Dee Test', 'Eve Test']);
    await shared.click();
    await expectRows(page, ['Ada Test']);
    await page.reload();
    await expectRows(page, ['Ada Test']);
    await active.getByText('Company: Acme Robotics').waitFor();
    // The list with a chosen view, its actions and the filters in force: no serious axe finding.
    expect(await serious(page)).toEqual([]);
    await views.getByRole('button', { name: /^Acme gold, mine/ }).click();
    await expectRows(page, ['Ada Test', 'Bea Test']);

    await active.getByRole('button', { name: 'Clear all' }).click();
    await expectRows(page, ['Ada Test', 'Bea Test', 'Cy Test', 'Dee Test', 'Eve Test']);
    await page.context().close();

    const stored = await app.api.call('GET', '/api/v1/views?kind=people');
    expect(stored.body.data).toEqual([
      expect.objectContaining({
        name: 'Acme gold executives',
        visibility: 'shared',
        filters: expect.objectContaining({ level: 'executive', custom: { tier: 'gold' } }),
      }),
    ]);
  });

  it('shows another user the shared view but not the private one, and no way to change it', async () => {
    const page = await app.page();
    await signIn(page, ben);
    const views = page.getByRole('group', { name: 'Views of people' });
    await views.getByRole('button', { name: /^Acme gold executives/ }).click();
    await expectRows(page, ['Ada Test']);
    expect(await views.getByRole('button', { name: /^Acme gold, mine/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Rename' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Delete view/ }).count()).toBe(0);
    await page.context().close();
  });

  it('filters companies by industry and by a number custom field', async () => {
    const page = await app.page();
    await signIn(page, ana);
    await page.getByRole('link', { name: 'Companies' }).click();
    await expectRows(page, ['Acme Robotics', 'Beta Foods']);
    await page.getByRole('textbox', { name: 'Industry' }).fill('robotics');
    await page.getByRole('textbox', { name: 'Industry' }).press('Enter');
    await expectRows(page, ['Acme Robotics']);
    const active = page.getByRole('group', { name: 'Active filters' });
    await active.getByRole('button', { name: 'Remove filter Industry: robotics' }).click();
    expect(await page.getByRole('textbox', { name: 'Industry' }).inputValue()).toBe('');
    await page.getByRole('button', { name: 'Custom field filter' }).click();
    await choose(page, page, 'Field', 'Sites');
    await page.getByRole('textbox', { name: 'Sites' }).fill('12');
    await page.getByRole('button', { name: 'Add filter' }).click();
    await expectRows(page, ['Beta Foods']);
    await active.getByText('Sites: 12').waitFor();
    await page.context().close();
  });
});
