import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createApp, type RunningServer, startServer } from '@rapport/server';
import { type TestApi, testApi } from '@rapport/server/testing';
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null. Under CI=true they never skip: they fail. */
export function browserMissing(): string | null {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return null;
  return `Chromium not found at ${CHROMIUM}: browser tests skipped (apt-get install chromium, or set CHROMIUM_PATH)`;
}

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export interface WebApp {
  url: string;
  api: TestApi;
  browser: Browser;
  /** A fresh signed-out page (its own cookies); a desktop window unless `device` says otherwise. */
  page(device?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery';

/** POST through the test workspace's admin key; the JSON answer, or an error saying what came back. */
export async function post(app: WebApp, path: string, body: unknown) {
  const res = await app.api.call('POST', path, { body });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * A real server on 127.0.0.1 (the built web app + the API on the test database, a fresh
 * workspace) and a headless Chromium driven by playwright-core.
 */
export async function startWebApp(): Promise<WebApp> {
  execFileSync(process.execPath, ['apps/web/scripts/build-if-stale.mjs'], { stdio: 'inherit' });
  const api = await testApi();
  const server: RunningServer = await startServer(createApp({ db: api.db }), 0);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: BROWSER_ARGS,
  });
  return {
    url: server.url,
    api,
    browser,
    async page(device = {}) {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: { width: 1280, height: 860 },
        ...device,
      });
      const page = await context.newPage();
      // CI runs the browser tests of two files beside PostgreSQL on two cores: a step waits longer there.
      page.setDefaultTimeout(process.env.CI === 'true' ? 20_000 : 10_000);
      // What the page says when it breaks shows in the test output.
      page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') console.error(`[browser console] ${message.text()}`);
      });
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await api.close();
    },
  };
}

/** Creates a user of the test workspace with a role; returns the email. */
export async function addUser(app: WebApp, name: string, role: string): Promise<string> {
  const email = `${name.toLowerCase().replaceAll(' ', '.')}.${Date.now()}@example.com`;
  const res = await app.api.call('POST', '/api/v1/users', {
    body: { email, name, password: PASSWORD, role },
  });
  if (res.status !== 201) throw new Error(`user: ${res.status} ${JSON.stringify(res.body)}`);
  return email;
}

export async function signIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'People' }).waitFor();
}

/** Opens a Mantine select by its label (inside `scope`) and picks an option. */
export async function choose(page: Page, scope: Page | Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
