import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServerTestDatabase } from '@rapport/db/testing';

/** Helpers for tests that run the real `rapport` command in a child process. */

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../bin/rapport.js', import.meta.url));

/** Variables that would point a child at another database or admin than the test says. */
const CLEARED = [
  'DATABASE_URL',
  'RAPPORT_DATA_DIR',
  'RAPPORT_ADMIN_EMAIL',
  'RAPPORT_ADMIN_PASSWORD',
  'RAPPORT_ADMIN_NAME',
  'RAPPORT_WORKSPACE_NAME',
  'RAPPORT_PASSWORD',
  'RAPPORT_HOST',
  'PORT',
];

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of CLEARED) delete env[name];
  return { ...env, ...extra };
}

export interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const running = new Set<ChildProcessWithoutNullStreams>();

function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env: childEnv(env) });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<Result>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Runs `rapport …args` to its end; `input` is written to its standard input. */
export async function rapport(
  args: string[],
  { env = {}, input }: { env?: Record<string, string>; input?: string } = {},
): Promise<Result> {
  const { child, exited } = start(args, env);
  child.stdin.end(input ?? '');
  return exited;
}

export interface Served {
  url: string;
  /** The process id of `rapport serve`. */
  pid: number;
  /** What it printed so far. */
  output(): { stdout: string; stderr: string };
  /** Sends SIGTERM and waits for the process to end. */
  stop(): Promise<Result>;
  /** Sends SIGKILL (a crash: nothing is closed) and waits for the process to end. */
  kill(): Promise<Result>;
}

/**
 * Starts `rapport serve …args` and resolves once it prints the URL it serves on. Rejects with
 * what it printed if it exits first (then `failed` has the result).
 */
export async function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  const { child, exited, output } = start(['serve', '--host', '127.0.0.1', '--port', '0', ...args], env);
  child.stdin.end();
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const found = /Serving on (http:\/\/\S+)/.exec(output().stdout);
      if (found) {
        child.stdout.off('data', onData);
        resolve(found[1]!);
      }
    };
    child.stdout.on('data', onData);
    exited.then((result) => reject(new ServeFailed(result)), reject);
  });
  return {
    url,
    pid: child.pid!,
    output,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

export class ServeFailed extends Error {
  constructor(readonly result: Result) {
    super(`rapport serve exited (${result.code}) before serving:\n${result.stdout}${result.stderr}`);
  }
}

/** Ends whatever a test left running (a failed assertion must not leave servers behind). */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('close', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** A JSON request to a served Rapport. */
export async function call(
  base: string,
  method: string,
  path: string,
  { body, key }: { body?: unknown; key?: string } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers of many shapes
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch(new URL(path, base), {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * Where a test's `rapport serve` keeps its data: a fresh database on the run's PostgreSQL server
 * when there is one (`serverUrl`), else a fresh embedded data directory. `cleanUp` removes it.
 */
export async function testTarget(
  serverUrl: string | undefined,
  prefix: string,
): Promise<{ args: string[]; cleanUp: () => Promise<void> }> {
  if (serverUrl) {
    const database = await createServerTestDatabase(serverUrl);
    return { args: ['--database-url', database.url], cleanUp: () => database.drop() };
  }
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  return {
    args: ['--data-dir', join(tmp, 'data')],
    cleanUp: async () => rmSync(tmp, { recursive: true, force: true }),
  };
}
