/**
 * Service recovery analytics on a PostgreSQL server (issue 7): a workspace of 500,000 customers,
 * 10,000,000 orders, 1,000,000 cases (40% complaints, with SLA deadlines and breaches, root causes,
 * CSAT answers), 500,000 NPS answers and monthly CLV snapshots (health history, 14 per customer),
 * generated in SQL before timing; then each section of the recovery screen, timed apart through
 * its service (as GET /recovery/outcomes, /recovery/root-causes, /recovery/times run it, as the
 * application role under row-level security): the median of the runs after one warm-up.
 *
 *   npm run bench -- recovery
 *
 * Environment (all optional): BENCH_RECOVERY_CUSTOMERS (500000), BENCH_RECOVERY_ORDERS (10000000),
 * BENCH_RECOVERY_CASES (1000000), BENCH_RECOVERY_RUNS (5), BENCH_RECOVERY_URL (an existing
 * server's postgres:// URL instead of a throwaway one), BENCH_KEEP_PG=1, BENCH_PG_BIN,
 * BENCH_RECOVERY_REUSE=1 (keep the server's data directory and reuse the generated workspace when
 * its size matches: for iterating; the reported figures come from a fresh run).
 *
 * Target: each section under 2 s (issue 7).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createWorkspace,
  getRecoveryOutcomes,
  getResolutionTimes,
  getRootCausePareto,
  inWorkspace,
  systemActor,
  systemCtx,
} from '@rapport/core';
import { createDb, migrate } from '@rapport/db';
import { sql } from 'kysely';
import pg from 'pg';
import { describeMachine, machineLine } from './lib/machine.ts';
import { BENCH_SETTINGS, startPgServer } from './lib/pg-server.ts';
import { fmt, median } from './lib/stats.ts';

const customers = Number(process.env.BENCH_RECOVERY_CUSTOMERS ?? 500_000);
const orders = Number(process.env.BENCH_RECOVERY_ORDERS ?? 10_000_000);
const cases = Number(process.env.BENCH_RECOVERY_CASES ?? 1_000_000);
const runs = Number(process.env.BENCH_RECOVERY_RUNS ?? 5);
const reuse = process.env.BENCH_RECOVERY_REUSE === '1';
const dataDir = fileURLToPath(new URL('./.data/', import.meta.url));
const TARGET = 2;

// max_wal_size 1 GB instead of 8 GB (and a checkpoint after each generation step): the disk of a
// shared machine. A setting on the server's command line wins over ALTER SYSTEM, so it is given
// here. Reads, which are what is timed, do not depend on it.
const server = process.env.BENCH_RECOVERY_URL
  ? null
  : await startPgServer(join(dataDir, 'pg-recovery'), { ...BENCH_SETTINGS, max_wal_size: '1GB' });
const baseUrl = process.env.BENCH_RECOVERY_URL ?? server!.url;
try {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  const version = (await admin.query('select version()')).rows[0].version as string;
  const name = `Recovery bench ${customers} × ${orders} × ${cases}`;
  const exists = (await admin.query(`select 1 from pg_database where datname = 'rapport_recovery'`)).rowCount;
  if (!reuse || !exists) {
    await admin.query('drop database if exists rapport_recovery with (force)');
    await admin.query('create database rapport_recovery');
  }
  await admin.end();
  const url = baseUrl.replace(/\/postgres$/, '/rapport_recovery');
  const db = await createDb({ url, poolSize: 4 });
  await migrate(db.kysely);
  const sys = systemCtx(db);
  const timing = { generated: 0, vacuumed: 0 };
  const kept = reuse
    ? (await sql<{ id: string }>`select id from workspaces where name = ${name}`.execute(db.kysely)).rows[0]
    : undefined;
  const w = kept?.id ?? (await generate((await createWorkspace(sys, { name: `${name} (generating)` })).id));
  const counts = await sql<Record<string, number>>`select
      (select count(*) from orders)::int as orders, (select count(*) from cases)::int as cases,
      (select count(*) from cases where type = 'complaint')::int as complaints,
      (select count(*) from survey_responses)::int as answers, (select count(*) from health_history)::int as snapshots`.execute(
    db.kysely,
  );
  const c = counts.rows[0]!;
  console.log(
    `data: ${customers.toLocaleString('en')} customers, ${c.orders!.toLocaleString('en')} orders, ` +
      `${c.cases!.toLocaleString('en')} cases (${c.complaints!.toLocaleString('en')} complaints), ` +
      `${c.answers!.toLocaleString('en')} survey answers, ${c.snapshots!.toLocaleString('en')} CLV snapshots; ` +
      (kept ? 'reused' : `generated in ${fmt(timing.generated)} s, vacuum analyze ${fmt(timing.vacuumed)} s`),
  );

  async function generate(w: string): Promise<string> {
    // WAL of the generation is recycled after each step (a checkpoint).
    const run = async (q: ReturnType<typeof sql>) => {
      await q.execute(db.kysely);
      await sql`checkpoint`.execute(db.kysely);
    };
    const person = (expr: string) => sql.raw(`'per_' || lpad((${expr})::text, 10, '0')`);

    // The data, as the database owner (no row-level security), without triggers (audit, keys).
    let started = performance.now();
    await run(sql`set session_replication_role = replica`);
    await run(sql`select setseed(0.7)`);
    await run(sql`insert into people (id, workspace_id, first_name, last_name, email)
    select ${person('c')}, ${w}, 'Customer', c::text, 'c' || c || '@example.test' from generate_series(1, ${customers}) c`);
    // Orders over three years; a customer's activity skewed (some buy far more often).
    await run(sql`insert into orders (id, workspace_id, person_id, status, ordered_at, currency, subtotal_minor, total_minor)
    select 'ord_' || i, ${w}, ${person(`1 + floor(${customers} * power(random(), 1.5))::int`)},
      case when random() < 0.03 then 'refunded' else 'paid' end,
      now() - random() * interval '1095 days', 'EUR', 2500, 2500 + (random() * 5000)::int
    from generate_series(1, ${orders}) i`);
    await run(sql`insert into root_causes (id, workspace_id, name, created_at, updated_at)
    select 'rca_' || i, ${w}, 'Cause ' || i, now(), now() from generate_series(1, 12) i`);
    await run(sql`insert into surveys (id, workspace_id, name, kind, questions, status)
    values ('srv_csat', ${w}, 'CSAT', 'csat', '[]', 'active'), ('srv_nps', ${w}, 'NPS', 'nps', '[]', 'active')`);
    // Cases: 40% complaints; acknowledged after ~3 h and resolved after ~30 h more (exponential),
    // 12% still open; deadlines 4 h and 48 h, breached when passed; root causes skewed (Pareto);
    // a CSAT invitation for 40% of the resolved complaints.
    await run(sql`insert into cases (id, workspace_id, type, severity, subject, status, person_id, tier, opened_at,
      acknowledged_at, resolved_at, acknowledge_due_at, resolve_due_at, acknowledge_breached_at, resolve_breached_at,
      root_cause_id, csat_invitation_id, created_at, updated_at)
    select 'case_' || i, ${w}, type, 'normal', 'Bench case', status, person, 'standard', opened,
      ack, res, opened + interval '4 hours', opened + interval '48 hours',
      case when coalesce(ack, now()) > opened + interval '4 hours' then opened + interval '4 hours' end,
      case when coalesce(res, now()) > opened + interval '48 hours' then opened + interval '48 hours' end,
      case when random() < 0.8 then 'rca_' || (1 + floor(12 * power(random(), 2.5)))::int end,
      case when type = 'complaint' and res is not null and random() < 0.4 then 'inv_c' || i end,
      opened, opened
    from (
      select i, person, type, opened, status,
        case when status <> 'new' then opened + make_interval(secs => -ln(1 - random()) * 3 * 3600) end as ack,
        case when status in ('resolved', 'closed') then opened + make_interval(secs => -ln(1 - random()) * 33 * 3600) end as res
      from (
        select i, ${person(`1 + floor(${customers} * power(random(), 1.3))::int`)} as person,
          case when r < 0.4 then 'complaint' when r < 0.7 then 'issue' when r < 0.9 then 'question' else 'request' end as type,
          now() - random() * interval '1095 days' as opened,
          case when s < 0.04 then 'new' when s < 0.12 then 'in_progress' when s < 0.5 then 'resolved' else 'closed' end as status
        from (select i, random() as r, random() as s from generate_series(1, ${cases}) i) x
      ) y
    ) z`);
    await run(sql`insert into survey_invitations (id, workspace_id, survey_id, person_id, token_hash, channel, sent_at, expires_at, answered_at)
    select k.csat_invitation_id, ${w}, 'srv_csat', k.person_id, md5(k.csat_invitation_id), 'email', k.resolved_at,
      k.resolved_at + interval '30 days', null
    from cases k where k.csat_invitation_id is not null`);
    await run(sql`insert into survey_responses (id, workspace_id, survey_id, invitation_id, person_id, answers, score, submitted_at)
    select 'rsp_' || i.id, ${w}, 'srv_csat', i.id, i.person_id, '{}', least(5, 1 + floor(5.5 * power(random(), 0.6)))::int,
      i.sent_at + interval '1 day'
    from survey_invitations i where random() < 0.7`);
    await run(sql`insert into survey_invitations (id, workspace_id, survey_id, person_id, token_hash, channel, sent_at, expires_at, answered_at)
    select 'inv_n' || i, ${w}, 'srv_nps', ${person(`1 + floor(${customers} * random())::int`)}, md5('inv_n' || i), 'email',
      now() - random() * interval '1095 days', now(), null
    from generate_series(1, ${customers}) i`);
    await run(sql`insert into survey_responses (id, workspace_id, survey_id, invitation_id, person_id, answers, score, submitted_at)
    select 'rsp_' || i.id, ${w}, 'srv_nps', i.id, i.person_id, '{}', floor(11 * power(random(), 0.7))::int, i.sent_at + interval '2 days'
    from survey_invitations i where i.survey_id = 'srv_nps'`);
    // Monthly CLV snapshots over the last 13 months (what the nightly recompute leaves, thinned).
    await run(sql`insert into health_history (workspace_id, subject_type, subject_id, day, health, health_band, p_alive, clv_minor)
    select ${w}, 'person', ${person('c')}, current_date - 30 * j, 60, 'fair', 0.5,
      (c % 997) * 300 + (random() * 20000)::int
    from generate_series(1, ${customers}) c, generate_series(0, 13) j`);
    await run(sql`set session_replication_role = origin`);
    timing.generated = (performance.now() - started) / 1000;
    started = performance.now();
    for (const table of [
      'people',
      'orders',
      'cases',
      'survey_invitations',
      'survey_responses',
      'health_history',
      'surveys',
      'root_causes',
    ])
      await run(sql`vacuum analyze ${sql.table(table)}`);
    timing.vacuumed = (performance.now() - started) / 1000;
    // Named once complete: a run stopped while generating leaves a workspace that is not reused.
    await sql`update workspaces set name = ${name} where id = ${w}`.execute(db.kysely);
    return w;
  }

  const sections = [
    { name: 'outcomes (GET /recovery/outcomes)', fn: getRecoveryOutcomes },
    { name: 'root causes (GET /recovery/root-causes)', fn: getRootCausePareto },
    { name: 'times (GET /recovery/times)', fn: getResolutionTimes },
  ];
  const periods = (process.env.BENCH_RECOVERY_PERIODS ?? '365d').split(',') as ('365d' | '730d')[];
  let worst = 0;
  for (const period of periods)
    for (const section of sections) {
      const seconds: number[] = [];
      let warmUp = 0;
      let summary = '';
      for (let i = 0; i <= runs; i++) {
        const t = performance.now();
        const result = await inWorkspace(db, w, systemActor, (ctx) =>
          (section.fn as (ctx: never, q: object) => Promise<unknown>)(ctx as never, { period }),
        );
        if (i > 0) seconds.push((performance.now() - t) / 1000);
        else warmUp = (performance.now() - t) / 1000;
        summary = summarize(result);
      }
      const mid = median(seconds);
      worst = Math.max(worst, mid);
      console.log(
        `${section.name}, period ${period}: median ${fmt(mid, 2)} s of ${runs} (${seconds.map((s) => fmt(s, 2)).join(', ')}; warm-up ${fmt(warmUp, 2)} s; load average ${load()}) — ${summary}`,
      );
    }
  console.log(
    `\nslowest section, median: ${fmt(worst, 2)} s (target < ${TARGET} s each: ${worst < TARGET ? 'met' : 'NOT met'})`,
  );
  console.log(machineLine(describeMachine(version)));
  console.log(
    `PostgreSQL settings: ${
      server
        ? Object.entries(server.settings ?? BENCH_SETTINGS)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')
        : 'the given server’s'
    }`,
  );
  await db.close();
} finally {
  if (server && process.env.BENCH_KEEP_PG !== '1') await server.stop();
}

/** The 1- and 5-minute load averages: the machine is shared. */
function load(): string {
  const [one, five] = loadavg();
  return `${one!.toFixed(2)} / ${five!.toFixed(2)}`;
}

function summarize(result: unknown): string {
  const r = result as Record<string, unknown>;
  if (Array.isArray(r.groups))
    return (r.groups as { group: string; customers: number }[])
      .map((g) => `${g.group} ${g.customers}`)
      .join(', ');
  if (Array.isArray(r.data)) return `${(r.data as unknown[]).length} causes of ${r.cases} cases`;
  const t = r as { acknowledge: { n: number }; resolve: { n: number } };
  return `${t.acknowledge.n} acknowledged, ${t.resolve.n} resolved`;
}
