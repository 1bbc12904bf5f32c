/**
 * Sustained Segment-style ingestion: SDK-shaped /v1/batch traffic (batches of 100 messages of
 * about 1 KB: mostly track and page, some identify, a few Order Completed, 50,000 users and
 * 200,000 anonymous visitors) from a fixed number of closed-loop senders into the real server,
 * on a PostgreSQL server and embedded (PGlite). The reference, measured in the same run:
 * PostgreSQL's own COPY of the same events into the same table.
 *
 *   npm run bench -- ingest
 *
 * Environment (all optional): BENCH_INGEST_RUNS (3), BENCH_INGEST_SECONDS (20),
 * BENCH_INGEST_WARMUP (10), BENCH_INGEST_SENDERS (8), BENCH_INGEST_USERS (50000),
 * BENCH_INGEST_POOL (10), BENCH_INGEST_WORKERS (2: as RAPPORT_PROCESSES=2), BENCH_INGEST_EMBEDDED (1; 0 skips it),
 * BENCH_INGEST_EMBEDDED_SENDERS (2), BENCH_INGEST_EMBEDDED_USERS (5000), BENCH_INGEST_SERVER
 * (1; 0 skips the PostgreSQL part), BENCH_INGEST_SOCKET (1: the API and COPY reach PostgreSQL by
 * its Unix socket; 0: by TCP), BENCH_KEEP_PG=1, BENCH_PG_BIN, BENCH_PG_SETTINGS (extra settings,
 * e.g. "shared_preload_libraries=pg_stat_statements" to see the run's statements), BENCH_INGEST_SQL
 * (SQL run after migrating, for experiments), BENCH_API_NODE_ARGS (e.g. --cpu-prof).
 *
 * Targets (issue 4): ≥ 20,000 events/s with p99 batch latency < 250 ms on a PostgreSQL server,
 * at least a third of COPY's rate; embedded ≥ 3,000 events/s.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startApi } from './lib/api-server.ts';
import { cpuMs } from './lib/cpu.ts';
import { DEFAULT_SHAPE } from './lib/ingest-payload.ts';
import { type RunFigures, report } from './lib/ingest-report.ts';
import {
  copyReference,
  eventsPerSecond,
  p,
  prepareDatabase,
  resetEvents,
  runLoad,
  waitApplied,
} from './lib/ingest-run.ts';
import { describeMachine, machineLine } from './lib/machine.ts';
import { startPgServer } from './lib/pg-server.ts';
import { fmt, median } from './lib/stats.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const runs = env('BENCH_INGEST_RUNS', 3);
const seconds = env('BENCH_INGEST_SECONDS', 20);
const warmup = env('BENCH_INGEST_WARMUP', 10);
const senders = env('BENCH_INGEST_SENDERS', 8);
const users = env('BENCH_INGEST_USERS', 50_000);
const poolSize = env('BENCH_INGEST_POOL', 10);
const workers = env('BENCH_INGEST_WORKERS', 2);
const embeddedSenders = env('BENCH_INGEST_EMBEDDED_SENDERS', 2);
const embeddedUsers = env('BENCH_INGEST_EMBEDDED_USERS', 5000);
const withServer = env('BENCH_INGEST_SERVER', 1) === 1;
const withEmbedded = env('BENCH_INGEST_EMBEDDED', 1) === 1;
const viaSocket = env('BENCH_INGEST_SOCKET', 1) === 1;

const dataDir = fileURLToPath(new URL('./.data/', import.meta.url));
mkdirSync(dataDir, { recursive: true });

const mixed = (url: string, writeKey: string, count: number, runSenders: number) =>
  runLoad({
    url,
    writeKey,
    mode: 'mixed',
    senders: runSenders,
    seconds,
    users: count,
    seed: 1 + Math.floor(Math.random() * 1e6),
  });

const results: Record<string, unknown> = {};
const serverFigures: RunFigures[] = [];
const embeddedFigures: RunFigures[] = [];
let postgresVersion: string | null = null;

if (withServer) {
  const server = await startPgServer(join(dataDir, 'pg-ingest'));
  postgresVersion = server.version;
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('drop database if exists rapport_ingest with (force)');
    await admin.query('create database rapport_ingest');
    await admin.end();
    const tcpUrl = server.url.replace(/\/postgres$/, '/rapport_ingest');
    // The API and the COPY reference reach PostgreSQL alike: by its Unix socket (as on one machine
    // one would), or by TCP on 127.0.0.1 with BENCH_INGEST_SOCKET=0.
    const url = viaSocket ? tcpUrl.replace('@127.0.0.1:', '@%2Ftmp:') : tcpUrl;
    const { writeKey, apiKey } = await prepareDatabase({ url });
    const api = await startApi({ databaseUrl: url, poolSize, workers });
    try {
      const seeded = await runLoad({
        url: api.url,
        writeKey,
        mode: 'seed',
        senders,
        seconds: 0,
        users,
        seed: 7,
      });
      seeded.applySeconds = await waitApplied(api.url, apiKey);
      console.log(
        `seed: ${users.toLocaleString('en')} identifies (new people) in ${fmt(seeded.seconds)} s + ${fmt(seeded.applySeconds)} s until applied = ${fmt(eventsPerSecond(seeded), 0)} events/s, p99 ${fmt(p(seeded, 99))} ms, ${seeded.rejected + seeded.errors} problems`,
      );
      results.seed = { ...seeded, latencies: undefined };
      const warm = await runLoad({
        url: api.url,
        writeKey,
        mode: 'mixed',
        senders,
        seconds: warmup,
        users,
        seed: 3,
      });
      warm.applySeconds = await waitApplied(api.url, apiKey);
      console.log(`warm-up: ${fmt(eventsPerSecond(warm), 0)} events/s, p99 ${fmt(p(warm, 99))} ms`);
      for (let run = 1; run <= runs; run++) {
        await resetEvents(url);
        const before = [cpuMs([api.pid]), cpuMs([server.pid])];
        const load = await mixed(api.url, writeKey, users, senders);
        load.applySeconds = await waitApplied(api.url, apiKey);
        const apiMs = cpuMs([api.pid]) - before[0]!;
        const pgMs = cpuMs([server.pid]) - before[1]!;
        const copy = await copyReference(url, join(dataDir, 'ingest-events.tsv'));
        const figures = {
          load,
          cpuApiMsPer1k: (apiMs / load.stored) * 1000,
          cpuPgMsPer1k: (pgMs / load.stored) * 1000,
          copy,
        };
        serverFigures.push(figures);
        console.log(
          `run ${run}: ${fmt(eventsPerSecond(load), 0)} events/s (effects applied ${fmt(load.applySeconds)} s after the load), p99 ${fmt(p(load, 99))} ms, ${load.rejected} rejected, ${load.errors} errors; COPY ${fmt(copy.rows / copy.seconds, 0)} events/s; load average ${loadavg()[0]!.toFixed(1)}`,
        );
      }
    } finally {
      await api.stop();
      rmSync(join(dataDir, 'ingest-events.tsv'), { force: true });
    }
  } finally {
    if (process.env.BENCH_KEEP_PG === '1') console.log(`PostgreSQL left running: ${server.url}`);
    else await server.stop();
  }
}

if (withEmbedded) {
  const dir = join(dataDir, 'ingest-embedded');
  rmSync(dir, { recursive: true, force: true });
  const { writeKey, apiKey } = await prepareDatabase({ dataDir: dir });
  const api = await startApi({ dataDir: dir, poolSize: 1, workers: 1 });
  try {
    const seeded = await runLoad({
      url: api.url,
      writeKey,
      mode: 'seed',
      senders: embeddedSenders,
      seconds: 0,
      users: embeddedUsers,
      seed: 7,
    });
    seeded.applySeconds = await waitApplied(api.url, apiKey);
    console.log(
      `embedded seed: ${embeddedUsers.toLocaleString('en')} identifies in ${fmt(seeded.seconds + seeded.applySeconds)} s`,
    );
    await runLoad({
      url: api.url,
      writeKey,
      mode: 'mixed',
      senders: embeddedSenders,
      seconds: Math.min(warmup, 5),
      users: embeddedUsers,
      seed: 3,
    });
    await waitApplied(api.url, apiKey);
    for (let run = 1; run <= runs; run++) {
      const before = cpuMs([api.pid]);
      const load = await mixed(api.url, writeKey, embeddedUsers, embeddedSenders);
      load.applySeconds = await waitApplied(api.url, apiKey);
      embeddedFigures.push({
        load,
        cpuApiMsPer1k: ((cpuMs([api.pid]) - before) / load.stored) * 1000,
        cpuPgMsPer1k: null,
      });
      console.log(
        `embedded run ${run}: ${fmt(eventsPerSecond(load), 0)} events/s (effects applied ${fmt(load.applySeconds)} s after the load), p99 ${fmt(p(load, 99))} ms`,
      );
    }
  } finally {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const machine = describeMachine(postgresVersion);
console.log(
  `\nmachine: ${machineLine(machine)}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const batchBytes = (serverFigures[0] ?? embeddedFigures[0])?.load.batchBytes ?? 0;
// The mix the load generator sends (bench/lib/ingest-load.ts reads the same knobs).
const orderCount = Number(process.env.BENCH_INGEST_ORDERS ?? DEFAULT_SHAPE.orders);
const identifyCount = Number(process.env.BENCH_INGEST_IDENTIFIES ?? DEFAULT_SHAPE.identifies);
const rest = 100 - orderCount - identifyCount;
const mix = `${orderCount} Order Completed, ${identifyCount} identify, ~${Math.round(rest * 0.75)} track, ~${Math.round(rest * 0.25)} page`;
console.log(
  `traffic: batches of 100 messages, ${fmt(batchBytes / 1024)} KB each (~${fmt(batchBytes / 100, 0)} bytes/message): ${mix}; ${users.toLocaleString('en')} users (seeded by one identify each), 200,000 anonymous visitors (15% of track/page); ${runs} × ${seconds} s after ${warmup} s warm-up`,
);
if (serverFigures.length) {
  report(
    `PostgreSQL server: ${senders} senders, API ${workers} process(es) × pool ${poolSize}, PostgreSQL by ${viaSocket ? 'Unix socket' : 'TCP'}`,
    serverFigures,
  );
}
if (embeddedFigures.length) {
  report(
    `Embedded (PGlite): ${embeddedSenders} senders, ${embeddedUsers.toLocaleString('en')} users`,
    embeddedFigures,
  );
}
const rate = (figures: RunFigures[]) => median(figures.map((r) => eventsPerSecond(r.load)));
const p99 = (figures: RunFigures[]) => median(figures.map((r) => p(r.load, 99)));
const ratio = (figures: RunFigures[]) =>
  median(figures.map((r) => eventsPerSecond(r.load) / (r.copy!.rows / r.copy!.seconds)));
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
if (serverFigures.length) {
  console.log(
    `\nverdict, server rate:  ${verdict(rate(serverFigures) >= 20_000)} (${fmt(rate(serverFigures), 0)} events/s, target ≥ 20,000)`,
  );
  console.log(
    `verdict, server p99:   ${verdict(p99(serverFigures) < 250)} (${fmt(p99(serverFigures))} ms, target < 250 ms)`,
  );
  console.log(
    `verdict, vs COPY:      ${verdict(ratio(serverFigures) >= 1 / 3)} (${fmt(ratio(serverFigures), 2)} of COPY's rate, target ≥ 0.33)`,
  );
}
if (embeddedFigures.length) {
  console.log(
    `verdict, embedded:     ${verdict(rate(embeddedFigures) >= 3000)} (${fmt(rate(embeddedFigures), 0)} events/s, target ≥ 3,000)`,
  );
}
const file = join(dataDir, `ingest-${new Date().toISOString().replaceAll(':', '-')}.json`);
const strip = (figures: RunFigures[]) =>
  figures.map((r) => ({
    ...r,
    load: { ...r.load, latencies: undefined, p50: p(r.load, 50), p99: p(r.load, 99) },
  }));
writeFileSync(
  file,
  JSON.stringify(
    {
      machine,
      loadavg: loadavg(),
      runs,
      seconds,
      warmup,
      senders,
      users,
      poolSize,
      workers,
      ...results,
      server: strip(serverFigures),
      embedded: strip(embeddedFigures),
    },
    null,
    2,
  ),
);
console.log(`raw figures: ${file}`);
