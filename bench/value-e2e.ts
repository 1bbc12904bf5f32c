/**
 * Customer value end to end on a PostgreSQL server (issue 6): a workspace of 1,000,000 customers
 * and about 10,000,000 paid orders over three years, generated in SQL before timing; then
 * POST /value/recompute's work, timed: aggregate the orders in SQL, fit BG/NBD and Gamma-Gamma,
 * score every customer (RFM, P(alive), expected purchases, spend, discounted CLV, churn risk,
 * health with its reasons), the calibration/holdout tracking and cohorts, and write back every
 * customer's figures and the day's health history.
 *
 *   npm run bench -- value-e2e
 *
 * Environment (all optional): BENCH_VALUE_CUSTOMERS (1000000), BENCH_VALUE_ORDERS_PER (5.4: sets the
 * chance to drop out after each purchase; 5.4 makes about 10,000,000 orders for 1,000,000 customers), BENCH_VALUE_RUNS (3), BENCH_VALUE_URL (an existing server's
 * postgres:// URL instead of a throwaway one), BENCH_KEEP_PG=1, BENCH_PG_BIN, BENCH_VALUE_REUSE=1 (keep
 * the server's data directory and reuse the generated workspace when its size matches: for
 * iterating; the reported figures come from a fresh run).
 *
 * The runs are nights in a row: run 0 is the workspace's first recompute (every customer gets a
 * health point) on the generation day; each next run is a day later, after a day of new orders
 * (BENCH_VALUE_DAILY_ORDERS, 9,000: the generated three years' pace), and writes points only for
 * the customers whose figures moved.
 *
 * Target: under 60 s for a recompute (the median of the nightly runs; the first is reported too).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkspace, inWorkspace, recomputeValueNow, systemActor, systemCtx } from '@rapport/core';
import { createDb, migrate } from '@rapport/db';
import { sql } from 'kysely';
import pg from 'pg';
import { cpuMs } from './lib/cpu.ts';
import { describeMachine, machineLine } from './lib/machine.ts';
import { startPgServer } from './lib/pg-server.ts';
import { fmt, median } from './lib/stats.ts';

const customers = Number(process.env.BENCH_VALUE_CUSTOMERS ?? 1_000_000);
const perCustomer = Number(process.env.BENCH_VALUE_ORDERS_PER ?? 5.4);
const runs = Number(process.env.BENCH_VALUE_RUNS ?? 3);
const reuse = process.env.BENCH_VALUE_REUSE === '1';
const dailyOrders = Number(process.env.BENCH_VALUE_DAILY_ORDERS ?? 9000);
const DAY = 86_400_000;
const dataDir = fileURLToPath(new URL('./.data/', import.meta.url));

const server = process.env.BENCH_VALUE_URL ? null : await startPgServer(join(dataDir, 'pg-value'));
const baseUrl = process.env.BENCH_VALUE_URL ?? server!.url;
try {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  const version = (await admin.query('show server_version')).rows[0].server_version as string;
  const name = `Value bench ${customers} × ${perCustomer}`;
  const exists = (await admin.query(`select 1 from pg_database where datname = 'rapport_value'`)).rowCount;
  if (!reuse || !exists) {
    await admin.query('drop database if exists rapport_value with (force)');
    await admin.query('create database rapport_value');
  }
  await admin.end();
  const url = baseUrl.replace(/\/postgres$/, '/rapport_value');
  const db = await createDb({ url, poolSize: 4 });
  await migrate(db.kysely);
  const sys = systemCtx(db);
  const kept = reuse
    ? (await sql<{ id: string }>`select id from workspaces where name = ${name}`.execute(db.kysely)).rows[0]
    : undefined;
  const ws = kept ?? (await createWorkspace(sys, { name: `${name} (generating)` }));

  // The data, as the database owner (no row-level security), without per-statement audit rows.
  let started = performance.now();
  const span = 3 * 365;
  if (!kept) {
    await sql`set session_replication_role = replica`.execute(db.kysely);
    await sql`select setseed(0.42)`.execute(db.kysely);
    await sql`
    insert into people (id, workspace_id, first_name, last_name)
    select 'per_' || lpad(c::text, 10, '0'), ${ws.id}, 'Customer', c::text from generate_series(1, ${customers}) c`.execute(
      db.kysely,
    );
    // Each customer: a first purchase in the three years, a mean gap between purchases, and after
    // each purchase a chance to drop out (so the number of purchases while alive is geometric, as
    // BG/NBD assumes); orders every gap (± a few days) while alive, amounts around their own mean.
    await sql`
    insert into orders (id, workspace_id, person_id, status, ordered_at, currency, subtotal_minor, total_minor)
    select 'ord_' || c || '_' || k, ${ws.id}, 'per_' || lpad(c::text, 10, '0'),
      case when random() < 0.03 then 'refunded' else 'paid' end,
      now() - make_interval(days => greatest(0, birth - k * gap - (random() * 3)::int), secs => (random() * 80000)::int),
      'EUR', amount + (random() * 2000)::int, amount + (random() * 2000)::int
    from (
      select c, (random() * ${span})::int as birth, 3 + (random() * 40)::int as gap,
        floor(ln(1 - random()) / ln(1 - ${1 / (2 * perCustomer)} * (0.2 + 1.6 * random())))::int as n,
        1000 + (random() * 9000)::int as amount
      from generate_series(1, ${customers}) c
    ) s, lateral generate_series(0, least(s.n, 400)) k
    where birth - k * gap >= 0`.execute(db.kysely);
    await sql`set session_replication_role = origin`.execute(db.kysely);
    await sql`analyze people`.execute(db.kysely);
    await sql`analyze orders`.execute(db.kysely);
    // Named once complete: a run stopped while generating leaves a workspace that is not reused.
    await sql`update workspaces set name = ${name} where id = ${ws.id}`.execute(db.kysely);
  }
  // A reused workspace starts over: no figures, history or fits, none of the runs' orders.
  await sql`set session_replication_role = replica`.execute(db.kysely);
  for (const table of ['customer_values', 'health_history', 'health_daily', 'value_fits'])
    await sql`delete from ${sql.table(table)} where workspace_id = ${ws.id}`.execute(db.kysely);
  await sql`delete from orders where workspace_id = ${ws.id} and id like 'ord_night_%'`.execute(db.kysely);
  await sql`set session_replication_role = origin`.execute(db.kysely);

  const { rows } = await sql<{ n: number }>`select count(*)::int as n from orders`.execute(db.kysely);
  console.log(
    `data: ${customers.toLocaleString('en')} customers, ${rows[0]!.n.toLocaleString('en')} orders, ${kept ? 'reused' : `generated in ${fmt((performance.now() - started) / 1000)} s`}`,
  );

  const day0 = Date.now();
  const seconds: number[] = [];
  let first = 0;
  const stages: Record<string, number[]> = {};
  const cpus: { node: number; pg: number }[] = [];
  for (let run = 0; run <= runs; run++) {
    const clock = { now: () => new Date(day0 + run * DAY) };
    if (run > 0) {
      // The day's orders (untimed), by customers drawn at random, during the day before the run.
      await sql`set session_replication_role = replica`.execute(db.kysely);
      await sql`
        insert into orders (id, workspace_id, person_id, status, ordered_at, currency, subtotal_minor, total_minor)
        select 'ord_night_' || ${run} || '_' || g, ${ws.id}, 'per_' || lpad((1 + floor(random() * ${customers}))::text, 10, '0'),
          'paid', ${clock.now()}::timestamptz - random() * interval '1 day', 'EUR', a, a
        from (select g, 1000 + (random() * 9000)::int as a from generate_series(1, ${dailyOrders}) g) x`.execute(
        db.kysely,
      );
      await sql`set session_replication_role = origin`.execute(db.kysely);
    }
    // Autovacuum clears the last run's dead rows before the next night; here it is done, untimed.
    await sql`vacuum customer_values, health_history`.execute(db.kysely);
    started = performance.now();
    const nodeBefore = process.cpuUsage();
    const pgBefore = server ? cpuMs([server.pid]) : 0;
    const result = await inWorkspace(db, ws.id, systemActor, recomputeValueNow, clock);
    const s = (performance.now() - started) / 1000;
    if (run === 0) first = s;
    else seconds.push(s);
    const nodeCpu = process.cpuUsage(nodeBefore);
    const cpu = {
      node: (nodeCpu.user + nodeCpu.system) / 1e6,
      pg: server ? (cpuMs([server.pid]) - pgBefore) / 1000 : 0,
    };
    if (run > 0) cpus.push(cpu);
    console.log(
      `  CPU: Node ${fmt(cpu.node)} s, PostgreSQL ${server ? `${fmt(cpu.pg)} s` : 'not measured (external server)'}; load average ${loadavg()[0]!.toFixed(1)}`,
    );
    const p = result.fit?.params.purchases ?? {};
    const { rows: fits } = await sql<{ settings: { timings: Record<string, number> } }>`
      select settings from value_fits where id = ${result.fit?.id ?? ''}`.execute(db.kysely);
    const t = fits[0]?.settings.timings ?? {};
    if (run > 0)
      for (const [stage, ms] of Object.entries(t)) stages[stage] = [...(stages[stage] ?? []), ms / 1000];
    const { rows: points } = await sql<{ n: number }>`
      select count(*)::int as n from health_history where workspace_id = ${ws.id}
        and day = ${clock.now().toISOString().slice(0, 10)}::date`.execute(db.kysely);
    console.log(
      `  ${Object.entries(t)
        .map(([stage, ms]) => `${stage.replace(/Ms$/, '')} ${fmt(ms / 1000)} s`)
        .join(', ')}; health points written: ${points[0]!.n.toLocaleString('en')}`,
    );
    console.log(
      `${run === 0 ? 'run 0 (first recompute)' : `night ${run}`}: ${fmt(s)} s for ${result.customers.toLocaleString('en')} customers ` +
        `(BG/NBD r ${fmt(p.r ?? 0, 3)} α ${fmt(p.alpha ?? 0, 2)} a ${fmt(p.a ?? 0, 3)} b ${fmt(p.b ?? 0, 3)}; warnings: ${result.warnings.map((w) => w.code).join(', ') || 'none'})`,
    );
  }
  const mid = median(seconds);
  console.log(
    `\nrecompute end to end, median of ${runs} nights: ${fmt(mid)} s (target < 60 s: ${mid < 60 ? 'met' : 'NOT met'}); first recompute ${fmt(first)} s`,
  );
  console.log(
    `stages, medians: ${Object.entries(stages)
      .map(([stage, values]) => `${stage.replace(/Ms$/, '')} ${fmt(median(values))} s`)
      .join(', ')}`,
  );
  console.log(
    `CPU, medians: Node ${fmt(median(cpus.map((c) => c.node)))} s, PostgreSQL ${fmt(median(cpus.map((c) => c.pg)))} s`,
  );
  console.log(machineLine(describeMachine(version)));
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  await db.close();
} finally {
  if (server && process.env.BENCH_KEEP_PG !== '1') await server.stop();
}
