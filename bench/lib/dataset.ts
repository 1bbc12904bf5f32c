import {
  createCustomField,
  createUser,
  createWorkspace,
  inWorkspace,
  systemActor,
  systemCtx,
} from '@rapport/core';
import { createDb, migrate } from '@rapport/db';
import pg from 'pg';
import { type DatasetSize, functionsSql, loadSql } from './dataset-sql.ts';

/** Bump when the generated data changes, so that a cached dataset is rebuilt. */
const DATASET_VERSION = 1;
const DATABASE = 'rapport_bench';
const LOADED_TABLES = [
  'products',
  'companies',
  'people',
  'memberships',
  'interactions',
  'interaction_people',
  'interaction_users',
  'orders',
  'order_lines',
  'notes',
  'tasks',
];

export interface Dataset {
  url: string;
  workspaceId: string;
  /** Whether this call built it (false: the cached one matched). */
  built: boolean;
  seconds: number;
}

type Log = (line: string) => void;

async function timed<T>(log: Log, label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

function databaseUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

/**
 * The big dataset in database `rapport_bench` of the given server: reused when a previous run
 * built the same spec, else dropped and rebuilt (a few minutes at full size).
 */
export async function ensureDataset(serverUrl: string, size: DatasetSize, log: Log): Promise<Dataset> {
  const spec = JSON.stringify({ version: DATASET_VERSION, size });
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create table if not exists bench_datasets (name text primary key, spec text not null,
      workspace_id text not null, seconds real not null, built_at timestamptz not null default now())`);
    const found = await admin.query<{ spec: string; workspace_id: string; seconds: number }>(
      'select spec, workspace_id, seconds from bench_datasets where name = $1',
      [DATABASE],
    );
    const row = found.rows[0];
    if (row && row.spec === spec) {
      await applyMigrations(databaseUrl(serverUrl), log);
      return {
        url: databaseUrl(serverUrl),
        workspaceId: row.workspace_id,
        built: false,
        seconds: row.seconds,
      };
    }
    await admin.query('delete from bench_datasets where name = $1', [DATABASE]);
    await admin.query(`drop database if exists ${DATABASE} with (force)`);
    await admin.query(`create database ${DATABASE}`);
    const start = performance.now();
    const workspaceId = await build(databaseUrl(serverUrl), size, log);
    const seconds = (performance.now() - start) / 1000;
    await admin.query(
      'insert into bench_datasets (name, spec, workspace_id, seconds) values ($1, $2, $3, $4)',
      [DATABASE, spec, workspaceId, seconds],
    );
    return { url: databaseUrl(serverUrl), workspaceId, built: true, seconds };
  } finally {
    await admin.end();
  }
}

/** A reused dataset gets the migrations added since it was built, as an upgrade would. */
async function applyMigrations(url: string, log: Log) {
  const db = await createDb({ url, poolSize: 1 });
  try {
    const result = await migrate(db.kysely);
    if (result.applied.length)
      log(`  migrations applied to the reused dataset: ${result.applied.join(', ')}`);
  } finally {
    await db.close();
  }
}

/** Migrations, then the platform rows through core (as the product makes them), then bulk SQL. */
async function build(url: string, size: DatasetSize, log: Log): Promise<string> {
  const db = await createDb({ url, poolSize: 2 });
  let workspaceId: string;
  let users: string[];
  try {
    await timed(log, 'migrations', () => migrate(db.kysely));
    ({ workspaceId, users } = await timed(log, 'workspace, 20 users, custom fields', () => platform(db)));
  } finally {
    await db.close();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await bulkLoad(client, workspaceId, users, size, log);
  } finally {
    await client.end();
  }
  return workspaceId;
}

async function platform(db: Awaited<ReturnType<typeof createDb>>) {
  const sys = systemCtx(db);
  const workspace = await createWorkspace(sys, { name: 'Bench' });
  const users: string[] = [];
  for (let i = 1; i <= 20; i++) {
    const user = await createUser(sys, workspace.id, {
      email: `user${i}@bench.test`,
      name: `Bench User ${i}`,
      password: `bench password ${i} for the load test`,
      role: i === 1 ? 'admin' : i <= 4 ? 'manager' : 'agent',
    });
    users.push(user.id);
  }
  await inWorkspace(db, workspace.id, systemActor, async (ctx) => {
    await createCustomField(ctx, {
      entity: 'person',
      key: 'tier',
      label: 'Tier',
      type: 'select',
      options: ['gold', 'silver', 'bronze'],
    });
    await createCustomField(ctx, {
      entity: 'person',
      key: 'newsletter',
      label: 'Newsletter',
      type: 'boolean',
    });
  });
  return { workspaceId: workspace.id, users };
}

/**
 * Loads as the superuser with session_replication_role = replica: the audit triggers and the
 * foreign-key triggers do not fire for the bulk rows (the audit log stays empty; foreign keys are
 * checked by `checkForeignKeys` afterwards instead). The migration's secondary indexes are
 * dropped for the load and recreated from their own definitions (pg_get_indexdef), so the
 * schema ends exactly as the migrations define it.
 */
async function bulkLoad(
  client: pg.Client,
  workspaceId: string,
  users: string[],
  size: DatasetSize,
  log: Log,
) {
  await client.query(`set session_replication_role = replica; set synchronous_commit = off;
    set maintenance_work_mem = '1GB'; set work_mem = '256MB'`);
  for (const statement of functionsSql(users, size)) await client.query(statement);
  const indexes = await client.query<{ name: string; def: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as def
     from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
     where t.relname = any($1) and t.relnamespace = 'public'::regnamespace
       and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`,
    [LOADED_TABLES],
  );
  for (const index of indexes.rows) await client.query(`drop index ${index.name}`);
  for (const step of loadSql(workspaceId, size)) await timed(log, step.label, () => client.query(step.sql));
  await timed(log, `${indexes.rows.length} secondary indexes`, async () => {
    for (const index of indexes.rows) await client.query(index.def);
  });
  await timed(log, 'foreign keys checked', () => checkForeignKeys(client));
  await timed(log, 'vacuum analyze', () => client.query('vacuum (analyze)'));
  await client.query('checkpoint');
}

/** Every composite foreign key of the loaded tables, checked with one anti-join each. */
async function checkForeignKeys(client: pg.Client) {
  const fks = await client.query<{
    name: string;
    child: string;
    parent: string;
    cols: string[];
    refs: string[];
  }>(
    `select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
       array(select attname from unnest(c.conkey) with ordinality k(n, o) join pg_attribute a
             on a.attrelid = c.conrelid and a.attnum = k.n order by k.o)::text[] as cols,
       array(select attname from unnest(c.confkey) with ordinality k(n, o) join pg_attribute a
             on a.attrelid = c.confrelid and a.attnum = k.n order by k.o)::text[] as refs
     from pg_constraint c where c.contype = 'f' and c.conrelid::regclass::text = any($1)`,
    [LOADED_TABLES],
  );
  for (const fk of fks.rows) {
    const notNull = fk.cols.map((col) => `c.${col} is not null`).join(' and ');
    const match = fk.cols.map((col, i) => `p.${fk.refs[i]} = c.${col}`).join(' and ');
    const result = await client.query<{ n: string }>(
      `select count(*) as n from ${fk.child} c where ${notNull}
       and not exists (select 1 from ${fk.parent} p where ${match})`,
    );
    if (Number(result.rows[0]!.n) !== 0)
      throw new Error(`${fk.name}: ${result.rows[0]!.n} rows point nowhere`);
  }
}
