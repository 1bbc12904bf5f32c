import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { startAnalyzer } from './analyze.ts';
import { type CsvSource, copyIntoPglite, copyIntoPostgres } from './copy.ts';
import { lockDataDir } from './lock.ts';
import { PGliteDialect } from './pglite-driver.ts';
import { preparingLease } from './prepared.ts';
import { beginScoped } from './scope-sql.ts';
import type { Database } from './tables.ts';
import { parsers } from './types.ts';

export type DbConfig =
  | { url: string; poolSize?: number }
  | { dataDir: string }
  | { memory: true; loadDump?: Blob };

/** Who is acting, and in which workspace; set on every scoped transaction. */
export interface Scope {
  workspaceId: string;
  actor: string;
}

/** A transaction in which row-level security applies to the scope's workspace. */
export interface Tx {
  db: Kysely<Database>;
  /**
   * Runs `COPY table (cols) FROM STDIN (FORMAT csv)` inside this transaction. `csv` is the text,
   * or an iterable of chunks: on a server they are produced while PostgreSQL ingests earlier ones.
   */
  copyCsv(table: string, columns: readonly string[], csv: CsvSource): Promise<void>;
}

export interface Db {
  kind: 'pglite' | 'postgres';
  /** Unscoped access: platform tables (users, sessions, keys) and migrations. */
  kysely: Kysely<Database>;
  /** Runs `fn` in one transaction as the application role, limited to `scope.workspaceId`. */
  scoped<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** The embedded database as a tarball (PGlite only), e.g. to clone a migrated template. */
  dump(): Promise<Blob>;
  close(): Promise<void>;
}

for (const [oid, parse] of Object.entries(parsers)) pg.types.setTypeParser(Number(oid), parse);

export async function createDb(config: DbConfig): Promise<Db> {
  return 'url' in config ? createServerDb(config.url, config.poolSize) : createEmbeddedDb(config);
}

async function begin(trx: Kysely<Database>, scope: Scope) {
  await sql`select set_config('rapport.workspace_id', ${scope.workspaceId}, true), set_config('rapport.actor', ${scope.actor}, true)`.execute(
    trx,
  );
  await sql`set local role rapport_app`.execute(trx);
}

function boundKysely(client: pg.PoolClient): Kysely<Database> {
  const lease = preparingLease(client);
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: { connect: async () => lease, end: async () => {} } }),
  });
}

async function createServerDb(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {}); // an idle client lost its server; the pool replaces it
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    kysely,
    async scoped(scope, fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        // BEGIN and COMMIT go straight to the client (one round trip for the whole setup); the
        // queries go through a Kysely bound to this one client, so that COPY joins the transaction.
        try {
          await beginScoped(client, scope);
          const result = await fn({
            db: boundKysely(client),
            copyCsv: (table, columns, csv) => copyIntoPostgres(client, table, columns, csv),
          });
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback').catch((lost: Error) => {
            broken = lost; // the connection is gone or unusable: the pool must not reuse it
          });
          throw error;
        }
      } finally {
        client.release(broken);
      }
    },
    async dump() {
      throw new Error('dump() is only available on the embedded database');
    },
    async close() {
      await kysely.destroy();
    },
  };
}

async function createEmbeddedDb(
  config: { dataDir: string } | { memory: true; loadDump?: Blob },
): Promise<Db> {
  const unlock = 'dataDir' in config ? await lockDataDir(config.dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...('dataDir' in config ? { dataDir: config.dataDir } : {}),
      ...('loadDump' in config && config.loadDump ? { loadDataDir: config.loadDump } : {}),
      parsers,
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const analyzer = startAnalyzer(kysely);
  return {
    kind: 'pglite',
    kysely,
    scoped(scope, fn) {
      return kysely.transaction().execute(async (trx) => {
        await begin(trx, scope);
        return fn({ db: trx, copyCsv: (table, columns, csv) => copyIntoPglite(pglite, table, columns, csv) });
      });
    },
    async dump() {
      return (await pglite.dumpDataDir('none')) as Blob;
    },
    async close() {
      await analyzer.stop();
      await kysely.destroy();
      await pglite.close();
      unlock();
    },
  };
}
