import { performance } from 'node:perf_hooks';
import { createWorkspace, inWorkspace, runImport, systemActor, systemCtx } from '@rapport/core';
import { createDb, migrate } from '@rapport/db';
import { sql } from 'kysely';
import pg from 'pg';

const N = Number(process.argv[2] ?? 1_000_000);
const PEOPLE = 100_000;
const name = `rapport_imp_${Date.now()}`;
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query(`create database ${name}`);
const url = `postgres://postgres@127.0.0.1:5432/${name}`;
const db = await createDb({ url, poolSize: 4 });
await migrate(db.kysely);
const sys = systemCtx(db);
const ws = await createWorkspace(sys, { name: 'Bench' });
const ws2 = await createWorkspace(sys, { name: 'Reference' });
for (const w of [ws.id, ws2.id]) {
  await sql`insert into people (id, workspace_id, email, first_name) select 'per_' || lpad(to_hex(g), 26, '0'), ${w}, 'c' || g || '@shop.test', 'C' || g from generate_series(1, ${PEOPLE}) g`.execute(
    db.kysely,
  );
}
let csv = 'order_number,customer_email,order_date,currency,total\n';
let ref = '';
for (let i = 1; i <= N; i++) {
  const c = ((i * 7919) % PEOPLE) + 1;
  const day = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86400000).toISOString();
  const total = ((i * 37) % 50000) / 100;
  csv += `SO-${i},c${c}@shop.test,${day},EUR,${total.toFixed(2)}\n`;
  ref += `ord_${i.toString(16).padStart(26, '0')},${ws2.id},SO-${i},per_${c.toString(16).padStart(26, '0')},paid,${day},EUR,${Math.round(total * 100)},${Math.round(total * 100)}\n`;
}
console.log('file MB', (csv.length / 1e6).toFixed(1));
await sql`analyze`.execute(db.kysely);
const t0 = performance.now();
const report = await inWorkspace(db, ws.id, systemActor, (ctx) =>
  runImport(ctx, { kind: 'orders', file: csv }),
);
const ours = performance.now() - t0;
console.log('import', (ours / 1000).toFixed(2), 's', { created: report.created, rejected: report.rejected });
const { from } = await import('pg-copy-streams');
const { pipeline } = await import('node:stream/promises');
const { Readable } = await import('node:stream');
const client = new pg.Client({ connectionString: url });
await client.connect();
const t1 = performance.now();
await client.query('begin');
await pipeline(
  Readable.from([ref]),
  client.query(
    from(
      `COPY orders (id, workspace_id, external_id, person_id, status, ordered_at, currency, subtotal_minor, total_minor) FROM STDIN WITH (FORMAT csv)`,
    ),
  ),
);
await client.query('commit');
const copy = performance.now() - t1;
console.log('copy', (copy / 1000).toFixed(2), 's', 'ratio (copy/ours)', (copy / ours).toFixed(2));
await client.end();
await db.close();
await admin.query(`drop database ${name} with (force)`);
await admin.end();
