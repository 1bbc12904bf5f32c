import type { Db, Tx } from '@rapport/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobWorker } from '../background.ts';
import { companyFeelings } from '../feelings/feelings.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { inWorkspace, systemActor, systemCtx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { openTestDb, testWorkspace } from '../testing.ts';
import { createUser, findUserByEmail, listMembers, setPassword } from '../users/users.service.ts';
import { findWorkspace, listWorkspacesOfUser } from '../workspaces/workspaces.service.ts';
import { generateB2B } from './demo.b2b.ts';
import { DEMO_TABLES } from './demo.rows.ts';
import { DEMO_WORKSPACES, type DemoSummary, loadDemo } from './demo.service.ts';
import { B2B_STAFF, B2C_STAFF } from './demo.staff.ts';

const CLOCK = fixedClock('2026-11-23T10:30:00Z');
const NOW = new Date('2026-11-23T00:00:00Z');
const ADMIN = { adminEmail: 'demo-admin@rapport.test', adminPassword: 'demo password 2026' };
const staffIds = (staff: typeof B2B_STAFF) => Object.fromEntries(staff.map((m) => [m.key, `usr_${m.key}`]));

let db: Db;
let summary: DemoSummary;
let failedLoad: unknown;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  db = await openTestDb();
  const sys = systemCtx(db, CLOCK);
  // A user who already exists with another password makes the first load fail half-way.
  const other = await testWorkspace(db, CLOCK);
  const last = B2C_STAFF.at(-1)!;
  const clash = await createUser(sys, other.workspaceId, {
    email: last.email,
    name: last.name,
    password: 'a different password',
    role: 'viewer',
  });
  failedLoad = await loadDemo(sys, ADMIN).catch((e: unknown) => e);
  await setPassword(sys, clash.id, ADMIN.adminPassword);
  summary = await loadDemo(sys, ADMIN);
  console.info(`demo loaded on ${db.kind} in ${summary.ms} ms: ${summary.totalRows} rows`);
}, 300_000);
afterAll(() => db.close());

function scoped<T>(workspaceId: string, fn: (tx: Tx) => Promise<T>) {
  return db.scoped({ workspaceId, actor: 'test' }, fn);
}

describe('loadDemo', () => {
  it('removes what a failed load created', async () => {
    expect(failedLoad).toBeInstanceOf(AppError);
    expect((failedLoad as AppError).details[0]?.path).toBe('email');
    // Nothing of the failed attempt was left over: the second load created fresh workspaces.
    expect(summary.workspaces.b2b.slug).toBe(DEMO_WORKSPACES.b2b.slug);
    expect(summary.workspaces.b2c.slug).toBe(DEMO_WORKSPACES.b2c.slug);
  });

  it('ends with customer value figures: companies in B2B, people in B2C', async () => {
    for (const [kind, unit] of [
      ['b2b', 'company'],
      ['b2c', 'person'],
    ] as const) {
      const rows = await db.kysely
        .selectFrom('customer_values')
        .select(['subject_type', (eb) => eb.fn.countAll<number>().as('n')])
        .where('workspace_id', '=', summary.workspaces[kind].id)
        .groupBy('subject_type')
        .execute();
      expect(rows.map((r) => r.subject_type)).toEqual([unit]);
      expect(Number(rows[0]!.n)).toBeGreaterThan(10);
    }
  });

  it('creates both workspaces with the admin as admin of both, and the staff with their roles', async () => {
    const sys = systemCtx(db, CLOCK);
    const admin = await findUserByEmail(sys, ADMIN.adminEmail);
    const workspaces = await listWorkspacesOfUser(sys, admin!.id);
    expect(workspaces.map((w) => [w.slug, w.role]).sort()).toEqual([
      ['bean-and-leaf', 'admin'],
      ['helvetia', 'admin'],
    ]);
    const b2bMembers = await listMembers(sys, summary.workspaces.b2b.id);
    expect(b2bMembers).toHaveLength(B2B_STAFF.length + 1);
    expect(b2bMembers.find((m) => m.email === 'claudia.meier@helvetia-cm.example')?.role).toBe('manager');
    expect(new Set(b2bMembers.map((m) => m.role))).toEqual(new Set(['admin', 'manager', 'agent', 'viewer']));
    expect(await listMembers(sys, summary.workspaces.b2c.id)).toHaveLength(B2C_STAFF.length + 1);
    expect(summary.login).toEqual({ email: ADMIN.adminEmail, password: ADMIN.adminPassword });
    expect(summary.now).toBe(NOW.toISOString());
  });

  it('writes exactly the counted rows, in the expected ranges', async () => {
    for (const ws of [summary.workspaces.b2b, summary.workspaces.b2c]) {
      const counts = await scoped(ws.id, async (tx) => {
        const out: Record<string, number> = {};
        for (const table of DEMO_TABLES) {
          const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(table)}`.execute(
            tx.db,
          );
          out[table] = row.rows[0]!.n;
        }
        return out;
      });
      expect(counts).toEqual(ws.rows);
    }
    const b2b = summary.workspaces.b2b.rows;
    const b2c = summary.workspaces.b2c.rows;
    expect(b2b.companies).toBeGreaterThanOrEqual(55);
    expect(b2b.people).toBeGreaterThan(350);
    expect(b2b.orders).toBeGreaterThan(1500);
    expect(b2b.interactions).toBeGreaterThan(8000);
    expect(b2b.tasks).toBeGreaterThan(300);
    expect(b2c.people).toBeGreaterThanOrEqual(5000);
    expect(b2c.products).toBeGreaterThanOrEqual(55);
    expect(b2c.orders).toBeGreaterThan(20_000);
    expect(b2c.order_lines).toBeGreaterThan(b2c.orders);
    expect(summary.totalRows).toBeGreaterThan(120_000);
    expect(summary.totalRows).toBeLessThan(250_000);
  });

  it('gives every B2B customer current contacts at all three levels', async () => {
    const rows = await scoped(summary.workspaces.b2b.id, (tx) =>
      tx.db
        .selectFrom('companies as c')
        .leftJoin('memberships as m', (join) =>
          join.onRef('m.company_id', '=', 'c.id').on('m.ended_on', 'is', null),
        )
        .select(['c.name', sql<string[]>`array_agg(distinct m.level)`.as('levels')])
        .where('c.relationship_type', '=', 'customer')
        .groupBy('c.name')
        .execute(),
    );
    expect(rows.length).toBeGreaterThanOrEqual(30);
    for (const row of rows)
      expect([row.name, [...row.levels].sort()]).toEqual([
        row.name,
        ['end_user', 'executive', 'functional_lead'],
      ]);
  });

  it('leaves its customer texts to the background analysis: both workspaces get feelings and cues', async () => {
    const sys = systemCtx(db, CLOCK);
    for (const ws of [summary.workspaces.b2b, summary.workspaces.b2c]) {
      await createJobWorker(sys, { clock: CLOCK, workspaceId: ws.id }).runDue();
      const felt = await scoped(ws.id, (tx) =>
        sql<{
          negative: number;
          positive: number;
          inbound: number;
          reviews: number;
          linked: number;
          answers: number;
          commented: number;
        }>`
          select count(*) filter (where label = 'negative' and subject_type = 'interaction')::int as negative,
            count(*) filter (where label = 'positive' and subject_type = 'interaction')::int as positive,
            (select count(*)::int from interactions where direction = 'inbound') as inbound,
            count(*) filter (where subject_type = 'review')::int as reviews,
            (select count(*)::int from reviews where person_id is not null or company_id is not null) as linked,
            count(*) filter (where subject_type = 'survey_answer')::int as answers,
            (select count(*)::int from survey_responses where trim(coalesce(comment, '')) <> '') as commented
          from feelings`.execute(tx.db),
      );
      const { negative, positive, inbound, reviews, linked, answers, commented } = felt.rows[0]!;
      // Every survey comment is felt too.
      expect(commented).toBeGreaterThan(0);
      expect(answers).toBe(commented);
      expect(negative).toBeGreaterThan(50);
      expect(positive).toBeGreaterThan(50);
      expect(negative + positive).toBeLessThanOrEqual(inbound);
      // Every review or mention linked to a customer is felt too.
      expect(reviews).toBe(linked);
    }
    // The account turning sour: its cue says so before anyone calls.
    const corvalis = await scoped(summary.workspaces.b2b.id, (tx) =>
      tx.db.selectFrom('companies').select('id').where('name', 'like', 'Corvalis%').executeTakeFirstOrThrow(),
    );
    const felt = await inWorkspace(
      db,
      summary.workspaces.b2b.id,
      systemActor,
      (ctx) => companyFeelings(ctx, corvalis.id),
      CLOCK,
    );
    expect(felt.moments.length).toBeGreaterThan(0);
    expect(felt.cue).toMatch(/^(Worried|Frustrated|Angry|Appalled|Disappointed|Unhappy)\b/);
  });

  it('refuses to load twice, with a conflict on the workspace', async () => {
    const error = await failure(loadDemo(systemCtx(db, CLOCK), ADMIN));
    expect(error.code).toBe('conflict');
    expect(error.details[0]?.path).toBe('workspace');
    expect(await findWorkspace(systemCtx(db), 'helvetia')).not.toBeNull();
  });

  it('opens cases and makes promises in both workspaces through their services', async () => {
    for (const ws of Object.values(summary.workspaces)) {
      const counts = await scoped(ws.id, async (tx) => ({
        cases: (await sql<{ n: number }>`select count(*)::int as n from cases`.execute(tx.db)).rows[0]!.n,
        statuses: (await sql<{ s: string }>`select distinct status as s from cases`.execute(tx.db)).rows
          .length,
        promises: (await sql<{ n: number }>`select count(*)::int as n from promises`.execute(tx.db)).rows[0]!
          .n,
        policies: (await sql<{ n: number }>`select count(*)::int as n from sla_policies`.execute(tx.db))
          .rows[0]!.n,
      }));
      expect(counts.cases).toBe(6);
      expect(counts.statuses).toBeGreaterThanOrEqual(4);
      expect(counts.promises).toBe(5);
      expect(counts.policies).toBe(4);
    }
  });

  it('keeps the workspaces apart: the B2B workspace sees none of the B2C rows', async () => {
    const b2cPeople = await scoped(summary.workspaces.b2c.id, (tx) =>
      tx.db.selectFrom('people').select('id').limit(500).execute(),
    );
    const seen = await scoped(summary.workspaces.b2b.id, async (tx) => ({
      people: await tx.db
        .selectFrom('people')
        .select('id')
        .where(
          'id',
          'in',
          b2cPeople.map((p) => p.id),
        )
        .execute(),
      orders: await sql<{ n: number }>`select count(*)::int as n from orders`.execute(tx.db),
      workspaces: await tx.db.selectFrom('order_lines').select('workspace_id').distinct().execute(),
    }));
    expect(seen.people).toEqual([]);
    expect(seen.orders.rows[0]!.n).toBe(summary.workspaces.b2b.rows.orders);
    expect(seen.workspaces).toEqual([{ workspace_id: summary.workspaces.b2b.id }]);
  });

  it('stores the generated ids, so a load in another database gives the same ids', async () => {
    const stored = await scoped(summary.workspaces.b2b.id, (tx) =>
      tx.db.selectFrom('companies').select('id').orderBy('id').execute(),
    );
    const generated = generateB2B({ seed: 'rapport-demo', now: NOW, staff: staffIds(B2B_STAFF) });
    expect(stored.map((r) => r.id)).toEqual(generated.companies.map((c) => c.id).sort());
  });
});
