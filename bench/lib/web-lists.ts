import { createDb } from '@rapport/db';
import { createApp, startServer } from '@rapport/server';
import type { Browser, Page } from 'playwright-core';
import { ensureDataset } from './dataset.ts';
import { FULL_SIZE } from './dataset-sql.ts';
import { FIRST_NAMES, LAST_NAMES } from './dataset-words.ts';
import { startPgServer } from './pg-server.ts';
import { fmt, median } from './stats.ts';
import { signedInContext } from './web-page.ts';

const TARGET_MS = 200;
const LOGIN = { email: 'user1@bench.test', password: 'bench password 1 for the load test' };

/** Page script: the start time of the latest /api/v1/people list request, in window.__listFetch. */
const FETCH_WATCH = `(() => {
  const original = window.fetch;
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    if (url.includes('/api/v1/people?')) window.__listFetch = performance.now();
    return original.call(window, input, init);
  };
})();`;

/**
 * Runs `act` in the page (null when it returns false: nothing to do, e.g. no next page) and resolves with [ms from the action, ms from the list request] to the
 * moment the table, busy while its request ran, shows the answer.
 */
async function timed(page: Page, act: string): Promise<[number, number] | null> {
  return page.evaluate(`(async () => {
    const t0 = performance.now();
    if ((() => { ${act} })() === false) return null;
    // Done when the list has been busy (its request left) and is no longer (the new rows are on screen).
    let busy = false;
    await new Promise((resolve, reject) => {
      const observer = new MutationObserver(() => {
        busy ||= !!document.querySelector('table[aria-busy="true"]');
        if (busy && document.querySelector('table[aria-busy="false"]')) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      setTimeout(() => reject(new Error('the list did not answer within 15 s: ' + location.href)), 15000);
    });
    const t1 = performance.now();
    return [t1 - t0, t1 - window.__listFetch];
  })()`);
}

const typeInSearch = (q: string) => `
  const input = document.querySelector('input[type="search"]');
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  set.call(input, ${JSON.stringify(q)});
  input.dispatchEvent(new Event('input', { bubbles: true }));`;
const clickSort = (label: string) =>
  `[...document.querySelectorAll('th button')].find((b) => b.textContent.trim().startsWith(${JSON.stringify(label)})).click();`;
const clickNext = `const next = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Next');
  if (next.disabled) return false;
  next.click();`;

/** Search, sort and next page in the people list, through Chromium, against 1M people on PostgreSQL. */
export async function measureLists(browser: Browser, dataDir: string, runs: number): Promise<string[]> {
  const pgServer = await startPgServer(dataDir);
  try {
    const dataset = await ensureDataset(pgServer.url, FULL_SIZE, console.log);
    const db = await createDb({ url: dataset.url, poolSize: 10 });
    const server = await startServer(createApp({ db }), 0);
    try {
      const context = await signedInContext(browser, server.url, LOGIN);
      const page = await context.newPage();
      await page.addInitScript(FETCH_WATCH);
      page.on('pageerror', (e) => console.error('page error:', e.message));
      if (process.env.BENCH_WEB_DEBUG) page.on('request', (r) => console.log('request', r.url()));
      await page.goto(`${server.url}/people`);
      await page.waitForSelector('table[aria-busy="false"] tbody tr');
      const results: Record<string, [number, number][]> = { search: [], sort: [], next: [] };
      console.log('measuring list interactions…');
      // The first pass warms PostgreSQL's and the OS's caches (a server in use has them warm); the second is measured.
      for (let i = -runs; i < runs; i++) {
        if (i === 0) {
          // A fresh page: nothing the measured pass asks for is in the app's own query cache.
          await page.goto(`${server.url}/people`);
          await page.waitForSelector('table[aria-busy="false"] tbody tr');
        }
        // Half full names, half one last name (thousands of matches each).
        const last = LAST_NAMES[(Math.abs(i) * 11 + 5) % LAST_NAMES.length]!;
        const q = i % 2 ? last : `${FIRST_NAMES[(Math.abs(i) * 7 + 3) % FIRST_NAMES.length]} ${last}`;
        const measured = [
          ['search', await timed(page, typeInSearch(q))],
          ['next', await timed(page, clickNext)],
          ['sort', await timed(page, clickSort(i % 2 ? 'Updated' : 'Created'))],
          ['next', await timed(page, clickNext)],
        ] as const;
        if (i >= 0) for (const [name, time] of measured) if (time) results[name]!.push(time);
      }
      await context.close();
      return Object.entries(results).map(([name, times]) => {
        const fromRequest = times.map((t) => t[1]);
        const fromAction = times.map((t) => t[0]);
        const verdict =
          median(fromRequest) < TARGET_MS && Math.max(...fromRequest) < TARGET_MS * 2 ? 'pass' : 'FAIL';
        return `people list at ${FULL_SIZE.people.toLocaleString('en')} people (PostgreSQL), ${name}: request to rows on screen p50 ${fmt(median(fromRequest))} ms, max ${fmt(Math.max(...fromRequest))} ms (action to rows p50 ${fmt(median(fromAction))} ms${name === 'search' ? ', includes the 250 ms typing debounce' : ''}), n=${times.length}; target < ${TARGET_MS} ms: ${verdict}`;
      });
    } finally {
      await server.close();
      await db.close();
    }
  } finally {
    await pgServer.stop();
  }
}
