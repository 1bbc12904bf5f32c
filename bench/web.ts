/**
 * The web app's speed (issue 3):
 * - JavaScript shipped for the first screen, gzip bytes over the wire (target < 300 KB);
 * - the person 360 visible from a cold page load on loopback, on the demo data (target < 1 s);
 * - list interactions (search, sort, next page) at a million people on a PostgreSQL server
 *   (target < 200 ms), on the API benchmark's dataset (bench/.data/pg-api, built on first use).
 *
 *   npm run bench -- web
 *
 * Environment: BENCH_WEB_RUNS (10 cold loads, 10 of each list interaction), BENCH_WEB_LISTS=0
 * skips the million-people part. Needs Debian's Chromium (CHROMIUM_PATH).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { busiestPerson, DEMO_LOGIN, startDemoServer } from '../e2e/demo-server.ts';
import { BROWSER_ARGS, CHROMIUM } from '../e2e/harness.ts';
import { describeMachine, machineLine } from './lib/machine.ts';
import { fmt, median } from './lib/stats.ts';
import { measureLists } from './lib/web-lists.ts';
import { signedInContext, watchScript } from './lib/web-page.ts';

const runs = Number(process.env.BENCH_WEB_RUNS ?? 10);
const TIMELINE = 'section[aria-label="Timeline"] li';
const HEADING = 'main h1';

const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
const lines: string[] = [];
try {
  const server = await startDemoServer();
  try {
    const login = { ...DEMO_LOGIN, workspace: 'helvetia' };
    const personId = await busiestIn(server.url, login);
    const visible: number[] = [];
    const heading: number[] = [];
    let scriptBytes = 0;
    let cssBytes = 0;
    for (let i = 0; i < runs; i++) {
      const context = await signedInContext(browser, server.url, login);
      const page = await context.newPage();
      await page.addInitScript(watchScript([TIMELINE, HEADING]));
      await page.goto(`${server.url}/people/${personId}`);
      await page.waitForSelector(TIMELINE);
      const seen = await page.evaluate(
        () => (globalThis as unknown as { __seen: Record<string, number> }).__seen,
      );
      visible.push(seen[TIMELINE]!);
      heading.push(seen[HEADING]!);
      const sizes = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => ({
          name: e.name,
          bytes: (e as unknown as { encodedBodySize: number }).encodedBodySize,
        })),
      );
      scriptBytes = sizes.filter((s) => s.name.endsWith('.js')).reduce((sum, s) => sum + s.bytes, 0);
      cssBytes = sizes.filter((s) => s.name.endsWith('.css')).reduce((sum, s) => sum + s.bytes, 0);
      await context.close();
    }
    lines.push(
      `first screen: JavaScript ${fmt(scriptBytes / 1024, 1)} KB gzip over the wire (CSS ${fmt(cssBytes / 1024, 1)} KB); target < 300 KB: ${scriptBytes < 300 * 1024 ? 'pass' : 'FAIL'}`,
      `person 360 from a cold load (demo B2B, ${runs} runs, new context each): name visible p50 ${fmt(median(heading))} ms, timeline visible p50 ${fmt(median(visible))} ms, max ${fmt(Math.max(...visible))} ms; target < 1000 ms: ${Math.max(...visible) < 1000 ? 'pass' : 'FAIL'}`,
    );
  } finally {
    await server.close();
  }
  if (process.env.BENCH_WEB_LISTS !== '0') {
    lines.push(
      ...(await measureLists(
        browser,
        join(fileURLToPath(new URL('./.data/', import.meta.url)), 'pg-api'),
        runs,
      )),
    );
  }
} finally {
  await browser.close();
}
console.log(`\nWeb app speed; machine: ${machineLine(describeMachine(''))}`);
for (const line of lines) console.log(line);

/** The B2B demo person with the most recent interactions (see e2e/demo-server.ts). */
async function busiestIn(baseUrl: string, login: { email: string; password: string; workspace: string }) {
  const context = await signedInContext(browser, baseUrl, login);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/api/health`);
  const id = await busiestPerson(page);
  await context.close();
  return id;
}
