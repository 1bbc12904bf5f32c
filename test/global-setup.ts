import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrate } from '@rapport/db';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * Prepares one migrated database for the whole run. Embedded (default): a migrated PGlite
 * saved as a tarball that every test file loads in a fraction of a second. With DATABASE_URL:
 * a fresh database on that server, dropped at the end. Test files isolate themselves by
 * creating their own workspace, which is how Rapport isolates tenants anyway.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `rapport_test_${process.pid}_${Date.now()}`;
    const admin = await connectToServer(serverUrl);
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await createDb({ url: url.toString(), poolSize: 2 });
    await migrate(db.kysely);
    await db.close();
    project.provide('testDatabaseUrl', url.toString());
    project.provide('templatePath', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const db = await createDb({ memory: true });
  await migrate(db.kysely);
  const path = join(tmpdir(), `rapport-test-template-${process.pid}.tar`);
  writeFileSync(path, Buffer.from(await (await db.dump()).arrayBuffer()));
  await db.close();
  project.provide('testDatabaseUrl', '');
  project.provide('templatePath', path);
}

/**
 * The server DATABASE_URL names, or a clear error. Never falls back to the embedded database:
 * a run asked for PostgreSQL, so every test that needs it must fail rather than pass (or be
 * skipped) on something else. Under CI=true the message says so.
 */
async function connectToServer(serverUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    const shown = new URL(serverUrl);
    if (shown.password) shown.password = '***';
    const reason =
      (error as Error).message || (error as AggregateError).errors?.[0]?.message || String(error);
    throw new Error(
      `DATABASE_URL=${shown} is not reachable (${reason}). ` +
        (process.env.CI === 'true'
          ? 'CI=true: the tests that need PostgreSQL fail instead of being skipped; start the server or fix the URL.'
          : 'Start the server, fix the URL, or unset DATABASE_URL to test on the embedded database.'),
    );
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
    templatePath: string;
  }
}
