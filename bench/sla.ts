/**
 * SLA evaluation of 100,000 open cases (issue 7), target under 1 s.
 *
 *   in memory: for each case, from its opening instant, policy targets and calendar, compute the four
 *              instants (acknowledge and resolve deadlines and warnings: 4 × addBusinessMinutes), then its
 *              state at "now" (business minutes left per stage, ok / warning / breached: evaluateSlaAt) and the
 *              marks it needs (marksDue). Three calendars (Berlin with split hours and holidays, New York,
 *              Auckland), each compiled fresh per run (cold caches); cases opened over the last 60 days,
 *              across DST changes. This is the evaluation itself, done by core's functions.
 *   in SQL:    the SLA job over the same 100,000 open cases stored on a PostgreSQL server (a throwaway one,
 *              bench/lib/pg-server.ts): `evaluateSla` in one workspace transaction under row-level security,
 *              at a time when nothing new is due: the scan for newly due stages and the next instant to run
 *              at. (Marking a stage costs a task, a webhook check and an event per case on top.)
 *
 * Median of BENCH_RUNS runs (default 7 in memory, 5 in SQL). BENCH_SLA_SQL=0 skips the SQL part.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compileSlaCalendar,
  createCalendar,
  createSlaPolicy,
  createWorkspace,
  deadlinesOf,
  evaluateSla,
  evaluateSlaAt,
  inWorkspace,
  marksDue,
  systemActor,
  systemCtx,
} from '@rapport/core';
import { createDb, migrate } from '@rapport/db';
import { fixedClock } from '../packages/core/src/shared/clock.ts';
import { describeMachine, machineLine } from './lib/machine.ts';
import { startPgServer } from './lib/pg-server.ts';
import { fmt, median } from './lib/stats.ts';
import { printTable } from './lib/table.ts';

const CASES = Number(process.env.BENCH_SLA_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MS = 1000;
const DAY = 86_400_000;
const now = new Date('2026-04-01T10:00:00Z');

const split = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:30' },
];
const nine = [{ from: '09:00', to: '17:00' }];
type Hours = Record<string, { from: string; to: string }[]>;
const CALENDARS: { time_zone: string; hours: Hours; holidays: { date: string; name: string | null }[] }[] = [
  {
    time_zone: 'Europe/Berlin',
    hours: { mon: split, tue: split, wed: split, thu: split, fri: split },
    holidays: [
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
    ],
  },
  {
    time_zone: 'America/New_York',
    hours: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
    holidays: [],
  },
  {
    time_zone: 'Pacific/Auckland',
    hours: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine, sat: [{ from: '10:00', to: '14:00' }] },
    holidays: [{ date: '2026-04-27', name: 'Anzac Day (observed)' }],
  },
];
const TARGETS = [
  { acknowledgeMinutes: 30, resolveMinutes: 240 },
  { acknowledgeMinutes: 60, resolveMinutes: 960 },
  { acknowledgeMinutes: 240, resolveMinutes: 2400 },
  { acknowledgeMinutes: 480, resolveMinutes: 4800 },
];

// Deterministic cases: opened over the 60 days before `now`, some acknowledged, some waiting.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const cases = Array.from({ length: CASES }, () => {
  const opened = new Date(now.getTime() - Math.floor(random() * 60 * DAY));
  const r = random();
  return {
    calendar: Math.floor(random() * CALENDARS.length),
    targets: TARGETS[Math.floor(random() * TARGETS.length)]!,
    opened,
    status: r < 0.2 ? 'new' : r < 0.8 ? 'in_progress' : 'waiting_on_customer',
    acknowledgedAt: r < 0.2 ? null : new Date(opened.getTime() + 20 * 60_000),
    pausedAt: r >= 0.8 ? new Date(opened.getTime() + 2 * DAY) : null,
  };
});

function evaluateInMemory(): { ms: number; breached: number; warning: number } {
  const start = performance.now();
  const calendars = CALENDARS.map((c) => compileSlaCalendar(c));
  let breached = 0;
  let warning = 0;
  for (const c of cases) {
    const cal = calendars[c.calendar]!;
    const due = deadlinesOf(cal, c.opened, c.targets, 80);
    const facts = {
      status: c.status,
      acknowledged_at: c.acknowledgedAt,
      resolved_at: null,
      sla_paused_at: c.pausedAt,
      ...due,
      acknowledge_breached_at: null,
      resolve_breached_at: null,
      acknowledge_warned_at: null,
      resolve_warned_at: null,
    };
    const sla = evaluateSlaAt(cal, facts, now)!;
    marksDue(facts, now);
    if (sla.state === 'breached') breached++;
    else if (sla.state === 'warning') warning++;
  }
  return { ms: performance.now() - start, breached, warning };
}

const machine = describeMachine();
console.log(`SLA evaluation of ${CASES.toLocaleString('en')} open cases; ${machineLine(machine)}`);
evaluateInMemory(); // warm-up (JIT)
const memory = Array.from({ length: RUNS }, evaluateInMemory);
const memoryMs = median(memory.map((m) => m.ms));
const rows: string[][] = [
  [
    'in memory: 4 deadlines + state + marks per case',
    fmt(memoryMs, 0),
    `${memory[0]!.breached.toLocaleString('en')} breached, ${memory[0]!.warning.toLocaleString('en')} warning`,
    memoryMs < TARGET_MS ? 'met' : 'NOT met',
  ],
];

if (process.env.BENCH_SLA_SQL !== '0') {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const server = await startPgServer(join(root, 'bench/.data/pg-sla'));
  try {
    const db = await createDb({ url: server.url, poolSize: 2 });
    await migrate(db.kysely);
    const clock = fixedClock(now);
    const sys = systemCtx(db, clock);
    const workspace = await createWorkspace(sys, { name: `SLA bench ${Date.now()}` });
    const ws = workspace.id;
    const policies = await inWorkspace(
      db,
      ws,
      systemActor,
      async (ctx) => {
        const cal = await createCalendar(ctx, {
          name: 'Berlin',
          timeZone: 'Europe/Berlin',
          hours: CALENDARS[0]!.hours,
          holidays: CALENDARS[0]!.holidays,
        });
        const made = [];
        for (const [i, severity] of (['low', 'normal', 'high', 'urgent'] as const).entries())
          made.push(
            await createSlaPolicy(ctx, { name: severity, severity, calendarId: cal.id, ...TARGETS[3 - i]! }),
          );
        return made;
      },
      clock,
    );
    const cal = compileSlaCalendar(CALENDARS[0]!);
    const values = cases.map((c, i) => {
      const policy = policies[i % 4]!;
      const due = deadlinesOf(cal, c.opened, TARGETS[3 - (i % 4)]!, 80);
      const late = (at: Date) => (at <= now ? at.toISOString() : null);
      return [
        `case_${String(i).padStart(26, '0')}`,
        c.status,
        policy.severity,
        policy.id,
        c.opened.toISOString(),
        c.acknowledgedAt?.toISOString() ?? null,
        due.acknowledge_due_at.toISOString(),
        due.acknowledge_warn_at.toISOString(),
        due.resolve_due_at.toISOString(),
        due.resolve_warn_at.toISOString(),
        c.pausedAt?.toISOString() ?? null,
        // Everything already due is marked: the job finds nothing new (the steady state).
        late(due.acknowledge_warn_at),
        late(due.acknowledge_due_at),
        late(due.resolve_warn_at),
        late(due.resolve_due_at),
      ];
    });
    await db.kysely.transaction().execute(async (trx) => {
      const { sql } = await import('kysely');
      const person = `per_${'0'.repeat(26)}`;
      await sql`insert into people (id, workspace_id, first_name, created_at, updated_at) values (${person}, ${ws}, 'Bench', now(), now())`.execute(
        trx,
      );
      for (let i = 0; i < values.length; i += 5000) {
        await sql`insert into cases (id, workspace_id, type, severity, subject, status, person_id, tier, sla_policy_id, opened_at,
            acknowledged_at, acknowledge_due_at, acknowledge_warn_at, resolve_due_at, resolve_warn_at, sla_paused_at,
            acknowledge_warned_at, acknowledge_breached_at, resolve_warned_at, resolve_breached_at, created_at, updated_at)
          select v->>0, ${ws}, 'issue', v->>2, 'Bench case', v->>1, ${person}, 'standard', v->>3, (v->>4)::timestamptz,
            (v->>5)::timestamptz, (v->>6)::timestamptz, (v->>7)::timestamptz, (v->>8)::timestamptz, (v->>9)::timestamptz,
            (v->>10)::timestamptz, (v->>11)::timestamptz, (v->>12)::timestamptz, (v->>13)::timestamptz, (v->>14)::timestamptz,
            now(), now()
          from jsonb_array_elements(${JSON.stringify(values.slice(i, i + 5000))}::jsonb) v`.execute(trx);
      }
      await sql`analyze cases`.execute(trx);
    });
    const sqlRuns: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 5) + 1; i++) {
      const start = performance.now();
      const counts = await inWorkspace(db, ws, systemActor, (ctx) => evaluateSla(ctx), clock);
      if (i > 0) sqlRuns.push(performance.now() - start); // the first run warms the plan cache
      if (counts.warnings + counts.breaches)
        throw new Error(`expected nothing newly due, got ${JSON.stringify(counts)}`);
    }
    const sqlMs = median(sqlRuns);
    rows.push([
      `SQL: the SLA job (evaluateSla), ${server.version.split(' on ')[0]}`,
      fmt(sqlMs, 0),
      'nothing newly due (steady state)',
      sqlMs < TARGET_MS ? 'met' : 'NOT met',
    ]);
    await db.close();
  } finally {
    await server.stop();
  }
}

printTable(['what is timed', 'median ms', 'outcome', `target < ${TARGET_MS} ms`], rows);
