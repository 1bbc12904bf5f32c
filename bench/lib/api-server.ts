import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort } from './port.ts';

export interface ApiProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ApiOptions {
  /** A PostgreSQL server's database, or (`dataDir`) an embedded one. */
  databaseUrl?: string;
  dataDir?: string;
  poolSize: number;
  workers: number;
  /** `api` (default): the real Rapport server; `floor`: bench/lib/floor-serve.ts. */
  server?: 'api' | 'floor';
}

const scripts = {
  api: fileURLToPath(new URL('./serve.ts', import.meta.url)),
  floor: fileURLToPath(new URL('./floor-serve.ts', import.meta.url)),
};

/** Starts bench/lib/serve.ts (or the floor server) in a child process (so the load generator never shares its event loop). */
export async function startApi(options: ApiOptions): Promise<ApiProcess> {
  const port = await freePort();
  // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the API processes.
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', scripts[options.server ?? 'api']],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ...(options.databaseUrl ? { BENCH_DATABASE_URL: options.databaseUrl } : {}),
        ...(options.dataDir ? { BENCH_DATA_DIR: options.dataDir } : {}),
        BENCH_PORT: String(port),
        BENCH_POOL: String(options.poolSize),
        BENCH_WORKERS: String(options.workers),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('ready ')) resolve(line.slice('ready '.length));
    });
    child.once('exit', (code) =>
      reject(new Error(`the ${options.server ?? 'api'} process exited with ${code} before it listened`)),
    );
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
