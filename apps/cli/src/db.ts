import { resolve } from 'node:path';
import { AppError } from '@rapport/core/errors';
import type { Db, MigrationResult } from '@rapport/db';
import { type Command, Option } from 'commander';

export interface DbOptions {
  dataDir?: string;
  databaseUrl?: string;
}

/** Adds the options every command that touches the database takes. */
export function withDbOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--data-dir <dir>',
        'embedded database directory (env RAPPORT_DATA_DIR, default ./.rapport)',
      ).conflicts('databaseUrl'),
    )
    .option('--database-url <url>', 'PostgreSQL server to use instead (env DATABASE_URL)');
}

export type Target = { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };

/**
 * Which database a command uses: an option beats the environment, and DATABASE_URL beats
 * RAPPORT_DATA_DIR. Without either, the embedded database in ./.rapport.
 */
export function targetOf(options: DbOptions): Target {
  if (options.databaseUrl) return postgres(options.databaseUrl, '--database-url');
  if (options.dataDir) return { kind: 'embedded', dataDir: resolve(options.dataDir) };
  if (process.env.DATABASE_URL) return postgres(process.env.DATABASE_URL, 'DATABASE_URL');
  return { kind: 'embedded', dataDir: resolve(process.env.RAPPORT_DATA_DIR || '.rapport') };
}

function postgres(url: string, source: string): Target {
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    const message = 'must be a URL like postgres://user:password@host:5432/database';
    throw new AppError('validation_failed', `${source} ${message}.`, [{ path: source, message }]);
  }
  return { kind: 'postgres', url };
}

/** Where the data lives, for people: never shows a password. */
export function describeTarget(options: DbOptions): string {
  const target = targetOf(options);
  if (target.kind === 'embedded') return `embedded database in ${target.dataDir}`;
  const parsed = new URL(target.url);
  return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

export function dataDirOf(options: DbOptions): string {
  const target = targetOf(options);
  return target.kind === 'embedded' ? target.dataDir : resolve(process.env.RAPPORT_DATA_DIR || '.rapport');
}

/** Opens the database the options point at, without migrating it. */
export async function connect(options: DbOptions, { poolSize }: { poolSize?: number } = {}): Promise<Db> {
  const target = targetOf(options);
  // Loaded here, not at the top: PGlite and node-postgres are slow to load, and `--help` needs neither.
  const { createDb } = await import('@rapport/db');
  return target.kind === 'postgres'
    ? createDb({ url: target.url, ...(poolSize ? { poolSize } : {}) })
    : createDb({ dataDir: target.dataDir });
}

/** Opens the database and brings its schema up to date; says which migrations it applied. */
export async function openMigrated(
  options: DbOptions,
  settings: { poolSize?: number } = {},
): Promise<{ db: Db; migrations: MigrationResult }> {
  const db = await connect(options, settings);
  try {
    const { migrate } = await import('@rapport/db');
    return { db, migrations: await migrate(db.kysely) };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Opens the database the options point at and brings its schema up to date. */
export async function openDb(options: DbOptions, settings: { poolSize?: number } = {}): Promise<Db> {
  return (await openMigrated(options, settings)).db;
}

export async function withDb<T>(options: DbOptions, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(options, { poolSize: 2 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
