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
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
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

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
    templatePath: string;
  }
}
