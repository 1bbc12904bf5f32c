import { execFileSync } from 'node:child_process';
import { createJobWorker, loadDemo, systemCtx } from '@rapport/core';
import { createDb, migrate } from '@rapport/db';
import { createApp, startServer, stopTracking } from '@rapport/server';
import type { Page } from 'playwright-core';

/** The demo's sign-in (as `npm start` prints it). */
export const DEMO_LOGIN = { email: 'demo@rapport.example', password: 'rapport-demo-2026' } as const;

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

/** The built web app and the API on an in-memory database with the demo loaded, on 127.0.0.1. */
export async function startDemoServer(): Promise<DemoServer> {
  execFileSync(process.execPath, ['apps/web/scripts/build-if-stale.mjs'], { stdio: 'inherit' });
  const db = await createDb({ memory: true });
  await migrate(db.kysely);
  console.log('loading the demo…');
  await loadDemo(systemCtx(db), { adminEmail: DEMO_LOGIN.email, adminPassword: DEMO_LOGIN.password });
  // What `rapport serve` does in the background: the demo's texts analysed (how they feel).
  await createJobWorker(systemCtx(db)).runDue();
  const server = await startServer(createApp({ db }), 0);
  return {
    url: server.url,
    async close() {
      await server.close();
      await stopTracking(db);
      await db.close();
    },
  };
}

/**
 * The person with the most interactions among the latest 200 of the signed-in workspace: a page
 * with a story to show. `page` must be signed in on the server's origin.
 */
export function busiestPerson(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const res = await fetch('/api/v1/interactions?limit=200');
    const body = (await res.json()) as { data: { people: { id: string }[] }[] };
    const counts = new Map<string, number>();
    for (const i of body.data) for (const p of i.people) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  });
}
