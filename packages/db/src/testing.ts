import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { createDb, type Db } from './client.ts';

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
