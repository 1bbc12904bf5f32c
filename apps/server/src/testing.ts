import type { Db, Role } from '@rapport/core';
import { createApiKey, openTestDb, type TestWorkspace, testWorkspace } from '@rapport/core/testing';

import type { Hono } from 'hono';
import { createApp } from './app.ts';
import { stopTracking, trackingSettled } from './tracking/applier.ts';

export interface Call {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers of many shapes
  body: any;
}

export interface TestApi {
  db: Db;
  app: Hono;
  ws: TestWorkspace;
  /** An admin API key of the test workspace. */
  key: string;
  keyFor(role: Role): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { body?: unknown; key?: string | null; headers?: Record<string, string> },
  ): Promise<Call>;
  /** `call` as the admin key that must succeed: the JSON body, or an error saying what came back. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers of many shapes
  ok(method: string, path: string, body?: unknown): Promise<any>;
  /** Waits until what the tracking endpoints stored has taken effect (people, orders, …). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** The whole HTTP API in process (Hono's app.request), on the test database, with a fresh workspace. */
export async function testApi(): Promise<TestApi> {
  const db = await openTestDb();
  const ws = await testWorkspace(db);
  const app = createApp({ db });
  const keyFor = async (role: Role) =>
    (await ws.run((ctx) => createApiKey(ctx, { name: `test ${role}`, role }))).key;
  const key = await keyFor('admin');
  const api: TestApi = {
    db,
    app,
    ws,
    key,
    keyFor,
    async ok(method, path, body) {
      const res = await api.call(method, path, body === undefined ? {} : { body });
      if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const auth = options.key === undefined ? key : options.key;
      if (auth) headers.authorization = `Bearer ${auth}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await app.request(path, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    settled: () => trackingSettled(db),
    close: async () => {
      await stopTracking(db);
      await db.close();
    },
  };
  return api;
}
