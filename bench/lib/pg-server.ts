import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './port.ts';

/**
 * A throwaway PostgreSQL server for benchmarks: its own data directory and port, never the
 * developer's server. As root it runs the binaries as the `postgres` user (initdb refuses root).
 */
export interface PgServer {
  url: string;
  port: number;
  dataDir: string;
  settings: Record<string, string>;
  version: string;
  /** The postmaster's process id (its backends are its children). */
  pid: number;
  stop(): Promise<void>;
}

/** Settings for a 2-core, 24 GiB machine that serves one benchmark at a time (documented in docs/benchmarks.md). */
export const BENCH_SETTINGS: Record<string, string> = {
  shared_buffers: '2GB',
  effective_cache_size: '16GB',
  work_mem: '16MB',
  maintenance_work_mem: '1GB',
  max_connections: '200',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
  random_page_cost: '1.1',
  effective_io_concurrency: '200',
  max_parallel_workers_per_gather: '1',
  max_parallel_maintenance_workers: '2',
  synchronous_commit: 'on',
};

function binDir(): string {
  if (process.env.BENCH_PG_BIN) return process.env.BENCH_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error('No PostgreSQL binaries found; set BENCH_PG_BIN to the bin directory.');
  return join(root, versions[0], 'bin');
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]): string {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function prepareDir(dir: string) {
  mkdirSync(dir, { recursive: true });
  if (asRoot) {
    const id = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id, gid);
  }
}

/** Starts a server on `dataDir` (initialised on first use) on a free port. */
export async function startPgServer(
  dataDir: string,
  settings: Record<string, string> = BENCH_SETTINGS,
): Promise<PgServer> {
  const bin = binDir();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    prepareDir(dataDir);
    run(join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
  }
  const port = await freePort();
  // BENCH_PG_SETTINGS adds settings for one investigation, e.g. "shared_preload_libraries=pg_stat_statements".
  const extra = Object.fromEntries(
    (process.env.BENCH_PG_SETTINGS ?? '')
      .split(' ')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
  settings = { ...settings, ...extra };
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    '-c unix_socket_directories=/tmp',
    ...Object.entries(settings).map(([key, value]) => `-c ${key}=${value}`),
  ].join(' ');
  run(join(bin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-l',
    join(dataDir, 'server.log'),
    '-w',
    '-t',
    '120',
    '-o',
    options,
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const version = (await client.query<{ version: string }>('select version()')).rows[0]!.version;
  await client.end();
  return {
    url,
    port,
    dataDir,
    settings,
    version,
    pid: Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    async stop() {
      run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    },
  };
}
