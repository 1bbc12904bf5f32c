import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import {
  createApiKey,
  createSource,
  createWorkspace,
  inWorkspace,
  systemActor,
  systemCtx,
} from '@rapport/core';
import { createDb, type DbConfig, migrate } from '@rapport/db';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { percentile } from './stats.ts';

const loadScript = fileURLToPath(new URL('./ingest-load.ts', import.meta.url));

export interface LoadResult {
  batches: number;
  sent: number;
  stored: number;
  duplicates: number;
  rejected: number;
  errors: number;
  latencies: number[];
  firstProblem: string | null;
  seconds: number;
  /** Seconds after the load stopped until the effects of what it sent were applied. */
  applySeconds?: number;
  batchBytes: number;
  /** CPU milliseconds the load generator itself used (it shares the machine). */
  cpuMs: number;
}

export interface LoadRun {
  url: string;
  writeKey: string;
  mode: 'mixed' | 'seed';
  senders: number;
  seconds: number;
  users: number;
  seed: number;
}

/** Runs bench/lib/ingest-load.ts in its own process (the API never shares its event loop with the load). */
export function runLoad(run: LoadRun): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', loadScript], {
      env: {
        ...process.env,
        LOAD_URL: run.url,
        LOAD_WRITE_KEY: run.writeKey,
        LOAD_MODE: run.mode,
        LOAD_SENDERS: String(run.senders),
        LOAD_SECONDS: String(run.seconds),
        LOAD_USERS: String(run.users),
        LOAD_SEED: String(run.seed),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) return reject(new Error(`the load process exited with ${code}:\n${out}`));
      resolve(JSON.parse(line.slice(7)) as LoadResult);
    });
  });
}

/**
 * Events per second, sustained: the messages stored over the time from the first send until the
 * last of their effects (people, orders) was applied (`applySeconds` after the load stopped).
 */
export const eventsPerSecond = (r: LoadResult) => r.stored / (r.seconds + (r.applySeconds ?? 0));

/**
 * Waits until every message stored so far has taken effect (the source's pendingEvents is 0),
 * asking the API every 20 ms; answers the seconds waited.
 */
export async function waitApplied(apiUrl: string, apiKey: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const response = await fetch(new URL('/api/v1/sources', apiUrl), {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    if (!response.ok) throw new Error(`GET /api/v1/sources: ${response.status}`);
    const { data } = (await response.json()) as { data: { pendingEvents: number }[] };
    if (data.every((source) => source.pendingEvents === 0)) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
export const p = (r: LoadResult, q: number) => percentile(r.latencies, q);

/** A migrated database with one workspace and one tracking source: its write key. */
export async function prepareDatabase(
  config: DbConfig,
): Promise<{ writeKey: string; apiKey: string; workspaceId: string; sourceId: string }> {
  const db = await createDb(config);
  try {
    await migrate(db.kysely);
    // For experiments: BENCH_INGEST_SQL="drop index events_source_idx" changes the schema first.
    if (process.env.BENCH_INGEST_SQL) await sql.raw(process.env.BENCH_INGEST_SQL).execute(db.kysely);
    const workspace = await createWorkspace(systemCtx(db), { name: 'Ingestion bench' });
    const [source, key] = await inWorkspace(db, workspace.id, systemActor, async (ctx) => [
      await createSource(ctx, { name: 'Bench shop' }),
      await createApiKey(ctx, { name: 'Bench', role: 'admin' }),
    ]);
    return { writeKey: source.writeKey, apiKey: key.key, workspaceId: workspace.id, sourceId: source.id };
  } finally {
    await db.close();
  }
}

const COLUMNS =
  'workspace_id, source_id, message_id, id, type, name, person_id, user_id, anonymous_id, properties, context, occurred_at, received_at, effect, error';

/**
 * The reference: the events a run stored, written out (COPY TO, not timed), the table emptied,
 * then PostgreSQL's own `COPY events FROM STDIN` of the same rows into the same table (same
 * indexes), as its owner (no row-level security). Answers rows and seconds of the COPY.
 */
export async function copyReference(url: string, file: string): Promise<{ rows: number; seconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await pipeline(client.query(copyTo(`COPY events (${COLUMNS}) TO STDOUT`)), createWriteStream(file));
    const rows = Number((await client.query('select count(*) from events')).rows[0].count);
    await client.query('truncate events');
    await client.query('checkpoint');
    const started = performance.now();
    await client.query('begin');
    await pipeline(createReadStream(file), client.query(copyFrom(`COPY events (${COLUMNS}) FROM STDIN`)));
    await client.query('commit');
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

/** An empty events table and a checkpoint, so that each run starts alike. */
export async function resetEvents(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('truncate events');
    await client.query('vacuum analyze people, person_identities, orders');
    await client.query('checkpoint');
    // With BENCH_PG_SETTINGS="shared_preload_libraries=pg_stat_statements": statement figures of the run alone.
    if (process.env.BENCH_PG_SETTINGS?.includes('pg_stat_statements')) {
      await client.query('create extension if not exists pg_stat_statements');
      await client.query('select pg_stat_statements_reset()');
    }
  } finally {
    await client.end();
  }
}
