import { resolve } from 'node:path';
import { createDb, type Db, migrate } from '@rapport/db';
import type { Command } from 'commander';

export interface DbOptions {
  dataDir?: string;
  databaseUrl?: string;
}

/** Adds the options every command that touches the database takes. */
export function withDbOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'embedded database directory (env RAPPORT_DATA_DIR, default ./.rapport)')
    .option('--database-url <url>', 'PostgreSQL server to use instead (env DATABASE_URL)');
}

export function describeTarget(options: DbOptions): string {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (url) {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  }
  return `embedded database in ${dataDirOf(options)}`;
}

export function dataDirOf(options: DbOptions): string {
  return resolve(options.dataDir ?? process.env.RAPPORT_DATA_DIR ?? '.rapport');
}

/** Opens the database the options point at and brings its schema up to date. */
export async function openDb(options: DbOptions, { poolSize }: { poolSize?: number } = {}): Promise<Db> {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  const db = url
    ? await createDb({ url, ...(poolSize ? { poolSize } : {}) })
    : await createDb({ dataDir: dataDirOf(options) });
  try {
    await migrate(db.kysely);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export async function withDb<T>(options: DbOptions, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(options);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
