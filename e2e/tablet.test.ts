/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();

/** Tablets held both ways (iPad Air size), and a small tablet where the menu hides behind the burger. */
const TABLETS = [
  { name: 'portrait 820×1180', width: 820, height: 1180, burger: false },
  { name: 'landscape 1180×820', width: 1180, height: 820, burger: false },
  { name: 'small portrait 600×960', width: 600, height: 960, burger: true },
] as const;

/** How far the page itself scrolls sideways (0: it fits); tables scroll inside their own box. */
/** Whether an element is (at least partly) inside the window, not slid away to its side. */
const onScreen = async (locator: Locator) => {
  const box = await locator.boundingBox();
  return !!box && box.x + box.width > 0 && box.width > 0;
};

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Controls of the header and the order's lines whose text is cut (squeezed or scrolled away). */
const clipped = (page: Page) =>
  page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>(
        'header button, header .mantine-Badge-label, section[aria-label="Lines"] .mantine-Table-scrollContainer',
      ),
    )
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName),
  );

describe.skipIf(missing)('the web app on a tablet (touch, Chromium)', () => {
  let app: WebApp;
  let agent: string;
  let personId: string;
  let companyId: string;
  let orderId: string;

  beforeAll(async () => {
    app = await startWebApp();
    agent = await addUser(app, 'Tara Tablet', 'agent');
    companyId = (
      await app.api.call('POST', '/api/v1/companies', {
        body: { name: 'Bergbahnen Oberland Betriebsgesellschaft AG', domain: 'bergbahnen-oberland.example' },
      })
    ).body.id;
    personId = (
      await app.api.call('POST', '/api/v1/people', {
        body: {
          firstName: 'Maximiliane',
          lastName: 'Oberhollenzer-Wüthrich',
          email: 'maximiliane.oberhollenzer-wuethrich@bergbahnen-oberland.example',
          title: 'Leiterin Betrieb und Instandhaltung',
          tags: ['key account', 'winter season', 'maintenance contract'],
        },
      })
    ).body.id;
    await app.api.call('POST', '/api/v1/memberships', {
      body: { personId, companyId, role: 'Head of operations', level: 'executive', function: 'operations' },
    });
    const order = await app.api.call('POST', '/api/v1/orders', {
      body: {
        personId,
        companyId,
        externalId: 'BO-2026-000123',
        currency: 'CHF',
        channel: 'sales_rep',
        lines: [
          {
            sku: 'CABLE-INSPECTION-FULL-SEASON',
            name: 'Full-season cable inspection with magnetic rope testing',
            quantity: 12,
            unitPriceMinor: 1_250_000,
            discountMinor: 150_000,
          },
        ],
        taxMinor: 1_200_000,
      },
    });
    orderId = order.body.id;
    const users = (await app.api.call('GET', '/api/v1/users')).body.data;
    const assigneeId = users.find((u: { email: string }) => u.email === agent).id;
    await app.api.call('POST', '/api/v1/tasks', {
      body: { title: 'Confirm the inspection dates with the operations team', personId, assigneeId },
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  for (const tablet of TABLETS) {
    it(`signs in, navigates, logs an interaction, and no page scrolls sideways (${tablet.name})`, async () => {
      const page = await app.page({
        viewport: { width: tablet.width, height: tablet.height },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      });
      const wide: Record<string, number> = {};
      await signIn(page, agent);
      wide.people = await sideways(page);

      // The navigation: beside the page, or behind the burger on a small tablet.
      const burger = page.getByRole('button', { name: 'Menu' });
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await burger.isVisible()).toBe(tablet.burger);
      if (tablet.burger) {
        expect(await onScreen(nav)).toBe(false);
        await burger.tap();
      }
      await expect.poll(() => onScreen(nav)).toBe(true);
      await nav.getByRole('link', { name: 'Companies' }).tap();
      await page.getByRole('heading', { name: 'Companies' }).waitFor();
      if (tablet.burger) await burger.tap();
      await nav.getByRole('link', { name: 'People' }).tap();
      await page.getByRole('heading', { name: 'People' }).waitFor();

      await page.getByRole('link', { name: 'Maximiliane Oberhollenzer-Wüthrich' }).tap();
      await page.getByRole('heading', { name: 'Maximiliane Oberhollenzer-Wüthrich' }).waitFor();
      await page.getByRole('button', { name: 'Log interaction' }).tap();
      const dialog = page.getByRole('dialog', { name: 'Log interaction' });
      await dialog.getByLabel('Subject').fill(`Site visit (${tablet.name})`);
      await dialog.getByRole('button', { name: 'Log it' }).tap();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('region', { name: 'Timeline' }).getByText(`Site visit (${tablet.name})`).waitFor();
      await page
        .getByRole('region', { name: 'Orders' })
        .getByRole('link', { name: 'Order BO-2026-000123' })
        .waitFor();
      wide.person = await sideways(page);

      await page.goto(`/companies/${companyId}`);
      await page
        .getByRole('region', { name: 'People' })
        .getByText('Maximiliane Oberhollenzer-Wüthrich')
        .waitFor();
      wide.company = await sideways(page);
      await page.goto(`/orders/${orderId}`);
      await page
        .getByRole('region', { name: 'Around this order' })
        .getByText(/Site visit/)
        .first()
        .waitFor();
      wide.order = await sideways(page);
      expect(await clipped(page)).toEqual([]);
      await page.goto('/tasks');
      await page.getByText('Confirm the inspection dates with the operations team').waitFor();
      wide.tasks = await sideways(page);

      expect(wide).toEqual({ people: 0, person: 0, company: 0, order: 0, tasks: 0 });
      const stored = await app.api.call('GET', `/api/v1/people/${personId}/timeline?kind=interaction`);
      expect(
        stored.body.data.map((e: { interaction: { subject: string } }) => e.interaction.subject),
      ).toContain(`Site visit (${tablet.name})`);
      await page.context().close();
    });
  }
});
