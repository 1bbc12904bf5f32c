import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from './client.ts';
import { migrate } from './migrate.ts';

/**
 * The database for a test file: a private PGlite loaded from the migrated template, or the
 * run's database on the PostgreSQL server (DATABASE_URL). Close it in afterAll.
 */
export async function openTestDb(): Promise<Db> {
  const url = inject('testDatabaseUrl');
  if (url) return createDb({ url, poolSize: 4 });
  const template = readFileSync(inject('templatePath'));
  return createDb({ memory: true, loadDump: new Blob([template]) });
}

/**
 * For tests that need a database nobody else uses (e.g. "no user yet"): a private PGlite
 * loaded from the template, or a new database on the run's PostgreSQL server, migrated and
 * dropped again by close().
 */
export async function openFreshTestDb(): Promise<Db> {
  const url = inject('testDatabaseUrl');
  if (!url) return openTestDb();
  const fresh = await createServerTestDatabase(url);
  const db = await createDb({ url: fresh.url, poolSize: 4 });
  await migrate(db.kysely);
  return {
    ...db,
    async close() {
      await db.close();
      await fresh.drop();
    },
  };
}

let counter = 0;

/**
 * A new, empty database on the server that `serverUrl` points at, for a test that hands a
 * database URL to another process. Not migrated. drop() removes it, even if still connected.
 */
export async function createServerTestDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rapport_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
