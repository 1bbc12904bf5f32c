/**
 * API latency at a million people: the person 360 with its latest 50 timeline entries and
 * filtered, sorted people lists, through the real HTTP server, at 50 connections over loopback.
 *
 *   npm run bench -- api
 *
 * Environment (all optional): BENCH_API_SCALE (dataset size factor, 1 = 1M people),
 * BENCH_API_RUNS (3), BENCH_API_SECONDS (20), BENCH_API_WARMUP (10), BENCH_API_CONNECTIONS (50),
 * BENCH_API_WORKERS (API processes), BENCH_API_POOL (connections per process),
 * BENCH_API_ONLY (comma-separated scenario names), BENCH_API_PACED_SHARE (0.5: the paced runs
 * offer this share of the saturated throughput), BENCH_API_FLOOR (1: also measure the floor
 * server, 0: skip it), BENCH_FLOOR_POOL (2), BENCH_KEEP_PG=1 (leave the server running).
 *
 * The floor: after the API runs, every path's answer is recorded and served again by
 * bench/lib/floor-serve.ts (one primary-key lookup, nothing else) under the same saturated load,
 * so each scenario's latency can be read against what this machine gives a server that does nothing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiKey, inWorkspace, systemActor } from '@rapport/core';
import { createDb } from '@rapport/db';
import { reportApi, type ScenarioResult } from './lib/api-report.ts';
import { apiScenarios, type Scenario } from './lib/api-scenarios.ts';
import { type ApiProcess, startApi } from './lib/api-server.ts';
import { cpuMs } from './lib/cpu.ts';
import { ensureDataset } from './lib/dataset.ts';
import { type DatasetSize, FULL_SIZE } from './lib/dataset-sql.ts';
import { dropAnswers, recordAnswers } from './lib/floor.ts';
import { startPgServer } from './lib/pg-server.ts';
import { fmt, median } from './lib/stats.ts';
import { checkWrk, runWrk, type WrkResult } from './lib/wrk.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const scale = env('BENCH_API_SCALE', 1);
const runs = env('BENCH_API_RUNS', 3);
const seconds = env('BENCH_API_SECONDS', 20);
const warmup = env('BENCH_API_WARMUP', 10);
const connections = env('BENCH_API_CONNECTIONS', 50);
const workers = env('BENCH_API_WORKERS', 1);
const poolSize = env('BENCH_API_POOL', 10);
const only = process.env.BENCH_API_ONLY?.split(',');
const pacedShare = env('BENCH_API_PACED_SHARE', 0.5);
const withFloor = env('BENCH_API_FLOOR', 1) === 1;
const floorPool = env('BENCH_FLOOR_POOL', 2);

const dataDir = fileURLToPath(new URL('./.data/', import.meta.url));
mkdirSync(dataDir, { recursive: true });
const size = Object.fromEntries(
  Object.entries(FULL_SIZE).map(([key, value]) => [
    key,
    key === 'products' ? value : Math.max(10, Math.round(value * scale)),
  ]),
) as unknown as DatasetSize;

checkWrk();
const pgServer = await startPgServer(join(dataDir, 'pg-api'));
try {
  console.log(`PostgreSQL on ${pgServer.url} (${pgServer.dataDir})`);
  const dataset = await ensureDataset(pgServer.url, size, console.log);
  console.log(
    dataset.built
      ? `dataset built in ${fmt(dataset.seconds / 60)} min`
      : `dataset reused (built in ${fmt(dataset.seconds / 60)} min)`,
  );
  const token = await newApiKey(dataset.url, dataset.workspaceId);
  const scenarios = (await apiScenarios(dataset.url)).filter((s) => !only || only.includes(s.name));
  const api = await startApi({ databaseUrl: dataset.url, poolSize, workers });
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of scenarios) results.push(await measure(scenario, api, token));
    if (withFloor) {
      for (const result of results) {
        const paths = scenarios.find((s) => s.name === result.name)!.paths;
        result.bodyBytes = await recordAnswers(dataset.url, api.url, token, paths);
      }
    }
  } finally {
    await api.stop();
  }
  if (withFloor) {
    const floor = await startApi({
      databaseUrl: dataset.url,
      poolSize: floorPool,
      workers: 1,
      server: 'floor',
    });
    try {
      for (const result of results) {
        const paths = scenarios.find((s) => s.name === result.name)!.paths;
        result.floor = await measureFloor(result.name, paths, floor, token);
      }
    } finally {
      await floor.stop();
      await dropAnswers(dataset.url);
    }
  }
  reportApi(results, {
    title: `API latency at a million people (scale ${scale}): ${size.people} people, ${size.interactions} interactions, ${size.orders} orders, ${size.companies} companies, ${size.notes} notes`,
    settings: `load: wrk, ${connections} connections, ${runs} × ${seconds} s per mode after ${warmup} s warm-up; API ${workers} process(es) × pool ${poolSize}; PostgreSQL ${Object.entries(
      pgServer.settings,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
    postgres: pgServer.version,
    file: join(dataDir, `api-${new Date().toISOString().replaceAll(':', '-')}.json`),
    extra: {
      size,
      connections,
      runs,
      seconds,
      warmup,
      workers,
      poolSize,
      pacedShare,
      floorPool: withFloor ? floorPool : null,
      settings: pgServer.settings,
    },
  });
} finally {
  if (process.env.BENCH_KEEP_PG === '1') console.log(`PostgreSQL left running: ${pgServer.url}`);
  else await pgServer.stop();
}

async function measure(scenario: Scenario, api: ApiProcess, token: string): Promise<ScenarioResult> {
  await checkAnswers(api.url, token, scenario.paths);
  const load = { baseUrl: api.url, paths: scenario.paths, token, workDir: dataDir };
  await runWrk({ ...load, connections, seconds: warmup });
  const single = await runWrk({ ...load, connections: 1, seconds: 10 });
  const saturated: WrkResult[] = [];
  let apiMs = 0;
  let pgMs = 0;
  for (let i = 0; i < runs; i++) {
    const before = [cpuMs([api.pid]), cpuMs([pgServer.pid])];
    const run = await runWrk({ ...load, connections, seconds });
    apiMs += cpuMs([api.pid]) - before[0]!;
    pgMs += cpuMs([pgServer.pid]) - before[1]!;
    saturated.push(run);
  }
  const requests = saturated.reduce((sum, run) => sum + run.requests, 0);
  // Paced at a share of the saturated throughput: think time = connections / rate − service time.
  const rate = pacedShare * median(saturated.map((r) => r.rps));
  const thinkMs = Math.max(1, (connections / rate) * 1000 - single.p50);
  const paced: WrkResult[] = [];
  for (let i = 0; i < runs; i++) paced.push(await runWrk({ ...load, connections, seconds, thinkMs }));
  const result = {
    name: scenario.name,
    what: scenario.what,
    target: scenario.targetP95Ms,
    saturated,
    cpuApiMs: apiMs / requests,
    cpuPgMs: pgMs / requests,
    paced,
    thinkMs,
    single,
  };
  console.log(
    `${scenario.name}: saturated p95 ${saturated.map((r) => fmt(r.p95)).join(' / ')} ms at ${saturated.map((r) => fmt(r.rps, 0)).join(' / ')} req/s; paced p95 ${paced.map((r) => fmt(r.p95)).join(' / ')} ms at ${paced.map((r) => fmt(r.rps, 0)).join(' / ')} req/s`,
  );
  return result;
}

/** The same saturated runs against the floor server (see bench/lib/floor-serve.ts). */
async function measureFloor(name: string, paths: string[], floor: ApiProcess, token: string) {
  const load = { baseUrl: floor.url, paths, token, workDir: dataDir };
  await runWrk({ ...load, connections, seconds: Math.min(warmup, 5) });
  const runsDone: WrkResult[] = [];
  let floorMs = 0;
  let pgMs = 0;
  for (let i = 0; i < runs; i++) {
    const before = [cpuMs([floor.pid]), cpuMs([pgServer.pid])];
    runsDone.push(await runWrk({ ...load, connections, seconds }));
    floorMs += cpuMs([floor.pid]) - before[0]!;
    pgMs += cpuMs([pgServer.pid]) - before[1]!;
  }
  const requests = runsDone.reduce((sum, run) => sum + run.requests, 0);
  console.log(
    `${name} floor: saturated p95 ${runsDone.map((r) => fmt(r.p95)).join(' / ')} ms at ${runsDone.map((r) => fmt(r.rps, 0)).join(' / ')} req/s`,
  );
  return { saturated: runsDone, cpuServerMs: floorMs / requests, cpuPgMs: pgMs / requests };
}

async function newApiKey(url: string, workspaceId: string): Promise<string> {
  const db = await createDb({ url, poolSize: 1 });
  try {
    return (
      await inWorkspace(db, workspaceId, systemActor, (ctx) =>
        createApiKey(ctx, { name: `bench ${new Date().toISOString()}`, role: 'viewer' }),
      )
    ).key;
  } finally {
    await db.close();
  }
}

/** Every path must answer 200 before its latency means anything; a detail must carry its timeline. */
async function checkAnswers(baseUrl: string, token: string, paths: string[]) {
  for (const path of paths.slice(0, 20)) {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { timeline?: { data: unknown[] }; data?: unknown[] };
    if (response.status !== 200)
      throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body)}`);
    if (path.includes('timeline=true') && !body.timeline) throw new Error(`${path} has no timeline`);
  }
}
