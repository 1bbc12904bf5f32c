/**
 * Embedded mode: cold start to the first answered request, after the first run.
 *
 *   npx tsx bench/cold-start.ts [runs=5]
 *
 * Starts `rapport serve` on a new data directory once (the first run creates and migrates it)
 * and stops it; then starts it again `runs` times and measures from spawn to the first 200
 * answer of GET /api/health. Target: under 3 s. The reference measured in the same run is a
 * bare `node -e 0`, the floor any Node process pays.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TARGET_MS = 3000;
const runs = Number(process.argv[2] ?? 5);
const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'apps/cli/bin/rapport.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Spawns serve and polls /api/health until the first 200; returns the milliseconds it took. */
async function start(dataDir: string): Promise<{ ms: number; child: ChildProcess }> {
  const port = await freePort();
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'RAPPORT_DATA_DIR', 'RAPPORT_ADMIN_EMAIL', 'PORT']) delete env[name];
  const began = performance.now();
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--data-dir', dataDir, '--port', String(port), '--host', '127.0.0.1'],
    { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  while (!(await healthy(port))) {
    if (exited) throw new Error(`rapport serve exited with ${child.exitCode} before answering`);
    if (performance.now() - began > 60_000) throw new Error('no answer within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { ms: performance.now() - began, child };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const tmp = mkdtempSync(join(tmpdir(), 'rapport-cold-start-'));
try {
  const dataDir = join(tmp, 'data');
  const first = await start(dataDir);
  await stop(first.child);
  console.log(`first run (creates and migrates ${dataDir}): ${first.ms.toFixed(0)} ms`);

  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await start(dataDir);
    times.push(run.ms);
    await stop(run.child);
  }
  const nodeFloor: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    nodeFloor.push(performance.now() - began);
  }
  const result = median(times);
  console.log(`cold start to first answered request: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  console.log(
    `median ${result.toFixed(0)} ms (target < ${TARGET_MS} ms: ${result < TARGET_MS ? 'met' : 'NOT met'}); ` +
      `reference: bare node -e 0 median ${median(nodeFloor).toFixed(0)} ms`,
  );
  process.exitCode = result < TARGET_MS ? 0 : 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
