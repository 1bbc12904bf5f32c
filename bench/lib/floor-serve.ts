/**
 * The floor: the least any server can do for the API scenarios on this machine. It answers each
 * path with the body the real API gave for it, read back from PostgreSQL by one prepared
 * primary-key lookup (no auth, no routing, no validation, no JSON building), over plain
 * `node:http` and node-postgres. Measured under the same load in the same run, it shows how much
 * of the API's latency the machine itself costs. Environment: BENCH_DATABASE_URL, BENCH_PORT,
 * BENCH_POOL. Prints `ready <url>` once it listens.
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { FLOOR_TABLE } from './floor.ts';

const url = process.env.BENCH_DATABASE_URL;
const port = Number(process.env.BENCH_PORT ?? '0');
if (!url || !port) throw new Error('BENCH_DATABASE_URL and BENCH_PORT are required');
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.BENCH_POOL ?? '2') });
const lookup = `select body from ${FLOOR_TABLE} where path = $1`;

const server = createServer((req, res) => {
  pool
    .query<{ body: string }>({ name: 'floor', text: lookup, values: [req.url ?? ''] })
    .then(({ rows }) => {
      res.writeHead(rows[0] ? 200 : 404, { 'content-type': 'application/json' });
      res.end(rows[0]?.body ?? '{}');
    })
    .catch((error: Error) => {
      res.writeHead(500).end(error.message);
    });
});
server.listen(port, '127.0.0.1', () => console.log(`ready http://127.0.0.1:${port}`));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
