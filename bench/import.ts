/**
 * CSV import of 1,000,000 orders into a PostgreSQL server, against PostgreSQL's own COPY of
 * the same orders into the same table, measured in the same run.
 *
 *   ours:      `rapport import orders orders.csv` (a new process, as a user runs it): read the
 *              file, map its columns, check every row, find each customer by email, write the
 *              orders (with row-level security and the audit log), report.
 *   reference: `COPY orders (…) FROM STDIN` of the same orders, the customer already resolved
 *              to its id (COPY cannot look anything up), as the table owner (no row-level
 *              security), into the same table with the same indexes and audit triggers.
 *
 * Target: ours at least half as fast as the reference (ratio reference/ours ≥ 0.5).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createDb, migrate } from '@rapport/db';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { describeMachine, machineLine } from './lib/machine.ts';
import { startPgServer } from './lib/pg-server.ts';
import { fmt, median } from './lib/stats.ts';
import { printTable } from './lib/table.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const SHOW = process.env.BENCH_SHOW === '1';
const CUSTOMERS = Math.max(1, Math.round(ORDERS / 10));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench/.data/import');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const server = await startPgServer(join(work, 'pg'));
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('create database rapport_import');
  const url = server.url.replace(/\/postgres$/, '/rapport_import');
  const db = await createDb({ url, poolSize: 2 });
  await migrate(db.kysely);
  await db.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const [id, slug] of [
    ['wsp_ours', 'ours'],
    ['wsp_reference', 'reference'],
  ]) {
    await client.query(`insert into workspaces (id, name, slug) values ($1, $2, $2)`, [id, slug]);
    await client.query(
      `insert into people (id, workspace_id, email, first_name, last_name)
       select 'per_' || lpad(to_hex(g), 26, '0'), $1, 'customer' || g || '@shop.example', 'First' || g, 'Last' || g
       from generate_series(1, $2::int) g`,
      [id, CUSTOMERS],
    );
  }
  await client.query('vacuum analyze');

  // The same orders twice: as a shop exports them (customer by email, money as decimals) and as
  // rows of the orders table (customer by id, money in cents) for COPY.
  const file = join(work, 'orders.csv');
  const copyFile = join(work, 'orders.copy.csv');
  const statuses = ['paid', 'paid', 'paid', 'fulfilled', 'refunded'];
  let csv = 'Order Number,Customer Email,Order Date,Currency,Status,Total\n';
  let copy = '';
  for (let i = 1; i <= ORDERS; i++) {
    const customer = ((i * 7919) % CUSTOMERS) + 1;
    const at = new Date(Date.UTC(2019, 0, 1) + ((i * 104_729) % (7 * 365 * 86_400)) * 1000).toISOString();
    const cents = 500 + ((i * 37) % 49_500);
    const status = statuses[i % statuses.length];
    csv += `SO-${i},customer${customer}@shop.example,${at},EUR,${status},${(cents / 100).toFixed(2)}\n`;
    copy += `ord_${i.toString(16).padStart(26, '0')},wsp_reference,SO-${i},per_${customer.toString(16).padStart(26, '0')},${status},${at},EUR,${cents},${cents}\n`;
  }
  writeFileSync(file, csv);
  writeFileSync(copyFile, copy);
  console.log(
    `${ORDERS.toLocaleString('en')} orders of ${CUSTOMERS.toLocaleString('en')} customers, ${fmt(csv.length / 1e6)} MB`,
  );
  csv = '';
  copy = '';

  const reset = async () => {
    await client.query('truncate orders, order_lines, notes, audit_log');
    await client.query('checkpoint');
  };
  const reference = async () => {
    const started = performance.now();
    await client.query('begin');
    await pipeline(
      createReadStream(copyFile),
      client.query(
        copyFrom(
          'COPY orders (id, workspace_id, external_id, person_id, status, ordered_at, currency, subtotal_minor, total_minor) FROM STDIN WITH (FORMAT csv)',
        ),
      ),
    );
    await client.query('commit');
    return (performance.now() - started) / 1000;
  };
  const ours = () => {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'apps/cli/bin/rapport.js'),
        'import',
        'orders',
        file,
        '--database-url',
        url,
        '--workspace',
        'ours',
      ],
      { encoding: 'utf8' },
    );
    const seconds = (performance.now() - started) / 1000;
    if (SHOW) console.log(result.stderr);
    if (result.status !== 0 || !result.stdout.includes(`${ORDERS} created`)) {
      throw new Error(`rapport import failed:\n${result.stdout}${result.stderr}`);
    }
    return seconds;
  };

  const rows: string[][] = [];
  const refs: number[] = [];
  const mine: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    // Alternate the order so that neither always runs on a warmer or a busier machine.
    const first = run % 2 === 1 ? 'reference' : 'ours';
    let r = 0;
    let o = 0;
    for (const which of first === 'reference' ? ['reference', 'ours'] : ['ours', 'reference']) {
      await reset();
      if (which === 'reference') r = await reference();
      else o = ours();
    }
    refs.push(r);
    mine.push(o);
    rows.push([`run ${run}`, fmt(r, 2), fmt(o, 2), fmt(r / o, 2)]);
  }
  const ratio = median(refs) / median(mine);
  rows.push(['median', fmt(median(refs), 2), fmt(median(mine), 2), fmt(ratio, 2)]);
  console.log(`\n${machineLine(describeMachine(server.version))}`);
  console.log(
    `PostgreSQL settings: ${Object.entries(server.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}\n`,
  );
  printTable(['', 'COPY (s)', 'rapport import (s)', 'speed vs COPY'], rows);
  console.log(
    `\nrapport import runs at ${fmt(ratio * 100, 0)}% of COPY's speed (target ≥ 50%): ${ratio >= 0.5 ? 'PASS' : 'FAIL'}`,
  );
  await client.end();
  await admin.end();
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
