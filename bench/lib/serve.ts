/**
 * The real Rapport API in its own process(es), for load tests: `createApp` + `startServer` on
 * a PostgreSQL server, or on an embedded data directory. Environment: BENCH_DATABASE_URL or
 * BENCH_DATA_DIR, BENCH_PORT, BENCH_POOL (connections per process), BENCH_WORKERS (processes; more
 * than one runs them under node:cluster on one port; a PostgreSQL server only).
 * Prints `ready <url>` once every process listens.
 */
import cluster from 'node:cluster';
import { createDb } from '@rapport/db';
import { createApp, startServer, stopTracking } from '@rapport/server';

const url = process.env.BENCH_DATABASE_URL;
const dataDir = process.env.BENCH_DATA_DIR;
const port = Number(process.env.BENCH_PORT ?? '0');
const poolSize = Number(process.env.BENCH_POOL ?? '10');
const workers = Number(process.env.BENCH_WORKERS ?? '1');
if (!(url || dataDir) || !port)
  throw new Error('BENCH_DATABASE_URL (or BENCH_DATA_DIR) and BENCH_PORT are required');

async function serveOne() {
  const db = await createDb(url ? { url, poolSize } : { dataDir: dataDir! });
  const server = await startServer(createApp({ db }), port);
  const stop = async () => {
    await server.close();
    await stopTracking(db);
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return server.url;
}

if (workers > 1 && cluster.isPrimary) {
  let listening = 0;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('message', (_worker, message: unknown) => {
    if (typeof message === 'string' && message.startsWith('ready ') && ++listening === workers) {
      console.log(message);
    }
  });
  const stopAll = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once('SIGTERM', stopAll);
  process.once('SIGINT', stopAll);
} else {
  const listeningAt = await serveOne();
  if (cluster.isWorker) process.send?.(`ready ${listeningAt}`);
  else console.log(`ready ${listeningAt}`);
}
