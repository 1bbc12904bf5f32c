/**
 * `npm run screenshots`: PNGs of the main screens on the demo data, in docs/screenshots/.
 * An in-memory database with the demo loaded, the real server on 127.0.0.1, Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { busiestPerson, DEMO_LOGIN as login, startDemoServer } from './demo-server.ts';
import { BROWSER_ARGS, CHROMIUM } from './harness.ts';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const server = await startDemoServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
try {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const shot = async (name: string) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${out}${name}.png` });
    console.log(`docs/screenshots/${name}.png`);
  };
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Email' }).fill(login.email);
  await shot('sign-in');
  await page.getByLabel(/^Password/).fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'People' }).waitFor();
  await shot('people');
  await page.goto(`/people/${await busiestPerson(page)}`);
  await page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first().waitFor();
  await shot('person');
  await page.getByRole('link', { name: 'Companies' }).click();
  await page.getByRole('heading', { name: 'Companies' }).waitFor();
  await shot('companies');
  await page.locator('tbody a').first().click();
  await page.getByRole('region', { name: 'People' }).waitFor();
  await shot('company');
  for (const [path, heading, name] of [
    ['/tasks', 'My follow-ups', 'follow-ups'],
    ['/duplicates', 'Duplicates', 'duplicates'],
    ['/imports', 'Import', 'import'],
    ['/admin', 'Admin', 'admin'],
  ] as const) {
    await page.goto(path);
    await page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
    await shot(name);
  }
  await page.goto('/surveys');
  await page.getByRole('table', { name: 'Surveys' }).getByRole('link', { name: /NPS/ }).click();
  await page.getByRole('table', { name: 'Results' }).waitFor();
  await shot('survey');
  await page.goto('/value');
  await page.getByRole('heading', { name: 'Model tracking: actual against predicted' }).waitFor();
  await page.setViewportSize({ width: 1440, height: 2000 });
  await shot('value');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Search everything' }).fill('mei');
  await page.locator('.mantine-Spotlight-action').first().waitFor();
  await shot('search');
  await page.keyboard.press('Escape');
  await page.goto(`/people/${await busiestPerson(page)}`);
  await page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first().waitFor();
  await page.getByRole('region', { name: 'Orders' }).getByRole('link').first().click();
  await page.getByRole('region', { name: 'Around this order' }).getByRole('listitem').first().waitFor();
  await shot('order');
  await page.goBack();
  await page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first().waitFor();
  await page.setViewportSize({ width: 820, height: 1180 });
  await shot('person-tablet');
} finally {
  await browser.close();
  await server.close();
}
