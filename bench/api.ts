/**
 * API latency at a million people: the person 360 with its latest 50 timeline entries and
 * filtered, sorted people lists, through the real HTTP server, at 50 connections over loopback.
 *
 *   npm run bench -- api
 *
 * Environment (all optional): BENCH_API_SCALE (dataset size factor, 1 = 1M people),
 * BENCH_API_RUNS (3), BENCH_API_SECONDS (20), BENCH_API_WARMUP (10), BENCH_API_CONNECTIONS (50),
 * BENCH_API_WORKERS (API processes), BENCH_API_POOL (connections per process),
 * BENCH_API_ONLY (comma-separated scenario names), BENCH_KEEP_PG=1 (leave the server running).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiKey, inWorkspace, systemActor } from '@rapport/core';
import { createDb } from '@rapport/db';
import { apiScenarios } from './lib/api-scenarios.ts';
import { startApi } from './lib/api-server.ts';
import { ensureDataset } from './lib/dataset.ts';
import { type DatasetSize, FULL_SIZE } from './lib/dataset-sql.ts';
import { describeMachine, machineLine } from './lib/machine.ts';
import { startPgServer } from './lib/pg-server.ts';
import { fmt, median } from './lib/stats.ts';
import { printTable } from './lib/table.ts';
import { checkWrk, runWrk, type WrkResult } from './lib/wrk.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const scale = env('BENCH_API_SCALE', 1);
const runs = env('BENCH_API_RUNS', 3);
const seconds = env('BENCH_API_SECONDS', 20);
const warmup = env('BENCH_API_WARMUP', 10);
const connections = env('BENCH_API_CONNECTIONS', 50);
const workers = env('BENCH_API_WORKERS', 2);
const poolSize = env('BENCH_API_POOL', 10);
const only = process.env.BENCH_API_ONLY?.split(',');

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
  const results: { name: string; what: string; target: number; runs: WrkResult[]; single: WrkResult }[] = [];
  try {
    for (const scenario of scenarios) {
      await checkAnswers(api.url, token, scenario.paths);
      const load = { baseUrl: api.url, paths: scenario.paths, token, workDir: dataDir };
      await runWrk({ ...load, connections, seconds: warmup });
      const measured: WrkResult[] = [];
      for (let i = 0; i < runs; i++) measured.push(await runWrk({ ...load, connections, seconds }));
      const single = await runWrk({ ...load, connections: 1, seconds: 10 });
      results.push({
        name: scenario.name,
        what: scenario.what,
        target: scenario.targetP95Ms,
        runs: measured,
        single,
      });
      const p95 = median(measured.map((r) => r.p95));
      console.log(
        `${scenario.name}: p95 ${fmt(p95)} ms (runs: ${measured.map((r) => fmt(r.p95)).join(', ')})`,
      );
    }
  } finally {
    await api.stop();
  }
  report(results, pgServer.version);
} finally {
  if (process.env.BENCH_KEEP_PG === '1') console.log(`PostgreSQL left running: ${pgServer.url}`);
  else await pgServer.stop();
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

function report(
  results: { name: string; what: string; target: number; runs: WrkResult[]; single: WrkResult }[],
  postgres: string,
) {
  const machine = describeMachine(postgres);
  const of = (rs: WrkResult[], key: keyof WrkResult) => median(rs.map((r) => r[key]));
  console.log(
    `\nAPI latency at a million people (scale ${scale}): ${size.people} people, ${size.interactions} interactions, ${size.orders} orders`,
  );
  console.log(
    `machine: ${machineLine(machine)}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `load: wrk, ${connections} connections, ${runs} × ${seconds} s after ${warmup} s warm-up; API ${workers} process(es) × pool ${poolSize}\n`,
  );
  printTable(
    ['scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'errors', 'p50 ms @1 conn', 'target p95'],
    results.map((r) => [
      r.name,
      fmt(of(r.runs, 'p50')),
      fmt(of(r.runs, 'p95')),
      fmt(of(r.runs, 'p99')),
      fmt(of(r.runs, 'rps'), 0),
      String(r.runs.reduce((sum, run) => sum + run.errors, 0)),
      fmt(r.single.p50),
      `< ${r.target} ms`,
    ]),
  );
  const failed = results.filter((r) => !(of(r.runs, 'p95') < r.target) || r.runs.some((run) => run.errors));
  console.log(
    failed.length === 0
      ? `verdict: PASS, every p95 is under its target (${results.map((r) => `${r.name} ${fmt(of(r.runs, 'p95'))} ms`).join(', ')})`
      : `verdict: FAIL: ${failed.map((r) => `${r.name} p95 ${fmt(of(r.runs, 'p95'))} ms ≥ ${r.target} ms`).join('; ')}`,
  );
  const file = join(dataDir, `api-${new Date().toISOString().replaceAll(':', '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { machine, loadavg: loadavg(), size, connections, runs, seconds, workers, poolSize, results },
      null,
      2,
    ),
  );
  console.log(`raw figures: ${file}`);
}
