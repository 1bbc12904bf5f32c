import type { Db } from '@rapport/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { systemCtx } from '../shared/context.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { createWorker, enqueueJob, type JobRun, type JobType, type WorkerOptions } from './jobs.service.ts';

let db: Db;
let ws: TestWorkspace;
const clock = fixedClock('2026-11-26T10:00:00Z');

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
});
afterAll(() => db.close());

/** A job type no other test file uses, so that workers on a shared server database keep apart. */
let serial = 0;
const typeName = () => `test.${process.pid}.${Date.now()}.${serial++}`;

function worker(types: Record<string, JobType>, options: Partial<WorkerOptions> = {}, on: Db = db) {
  return createWorker(systemCtx(on, clock), {
    types,
    clock,
    workspaceId: ws.workspaceId,
    random: () => 0.5,
    onError: (error) => {
      throw error;
    },
    ...options,
  });
}

const enqueue = (
  type: string,
  extra: { payload?: Record<string, unknown>; maxAttempts?: number; key?: string } = {},
) => ws.run((ctx) => enqueueJob(ctx, { type, ...extra }));

async function job(id: string) {
  return db.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('the job queue', () => {
  it('enqueues in the caller’s transaction: a rollback leaves no job', async () => {
    const type = typeName();
    await expect(
      ws.run(async (ctx) => {
        await enqueueJob(ctx, { type });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const rows = await db.kysely.selectFrom('jobs').select('id').where('type', '=', type).execute();
    expect(rows).toEqual([]);
  });

  it('keeps one unfinished job per key, and takes the key again once it is done', async () => {
    const type = typeName();
    const first = await enqueue(type, { key: 'recompute' });
    expect(first).toMatch(/^job_/);
    expect(await enqueue(type, { key: 'recompute' })).toBeNull();
    expect(await worker({ [type]: { run: async () => {} } }).runDue()).toBe(1);
    expect(await enqueue(type, { key: 'recompute' })).toMatch(/^job_/);
  });

  it('runs a due job once, in its workspace, as the application role under row-level security', async () => {
    const type = typeName();
    const other = await testWorkspace(db, clock);
    await other.run((ctx) => createPerson(ctx, { firstName: 'Elsewhere' }));
    const seen: unknown[] = [];
    const id = (await enqueue(type, { payload: { hello: 'world' } }))!;
    const ran = await worker({
      [type]: {
        run: (run) =>
          run.inWorkspace(async (ctx) => {
            const probe = await sql<{ role: string; people: number }>`
              select current_user as role, (select count(*)::int from people where first_name = 'Elsewhere') as people`.execute(
              ctx.db,
            );
            seen.push({
              payload: run.payload,
              workspace: ctx.workspaceId,
              attempt: run.attempt,
              ...probe.rows[0],
            });
          }),
      },
    }).runDue();
    expect(ran).toBe(1);
    expect(seen).toEqual([
      { payload: { hello: 'world' }, workspace: ws.workspaceId, attempt: 1, role: 'rapport_app', people: 0 },
    ]);
    expect(await job(id)).toMatchObject({ state: 'done', attempts: 1, locked_by: null, last_error: null });
  });

  it('keeps workspaces apart: a workspace sees only its jobs and may not change them', async () => {
    const other = await testWorkspace(db, clock);
    const theirs = (await other.run((ctx) => enqueueJob(ctx, { type: typeName() })))!;
    const mine = (await enqueue(typeName()))!;
    const seen = await ws.run((ctx) =>
      sql<{ id: string }>`select id from jobs where id in (${theirs}, ${mine})`.execute(ctx.db),
    );
    expect(seen.rows).toEqual([{ id: mine }]);
    await expect(
      ws.run((ctx) => sql`update jobs set state = 'done' where id = ${mine}`.execute(ctx.db)),
    ).rejects.toThrow();
  });

  it('retries a failed job with exponential backoff on the injected clock, then gives up', async () => {
    const type = typeName();
    const id = (await enqueue(type, { maxAttempts: 3 }))!;
    const retryAts: (string | null)[] = [];
    const failing = worker({
      [type]: {
        run: async (run: JobRun) => {
          retryAts.push(run.retryAt()?.toISOString() ?? null);
          throw new Error(`attempt ${run.attempt} failed`);
        },
      },
    });
    const start = clock.now().getTime();
    expect(await failing.runDue()).toBe(1);
    // 2 s doubled per attempt, half of it jittered (random() = 0.5 here): 1.5 s, then 3 s.
    expect(await job(id)).toMatchObject({
      state: 'failed',
      attempts: 1,
      run_at: new Date(start + 1_500),
      last_error: 'attempt 1 failed',
    });
    expect(await failing.runDue()).toBe(0); // not due yet
    clock.advance(1_500);
    expect(await failing.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ state: 'failed', attempts: 2, run_at: new Date(start + 4_500) });
    clock.advance(3_000);
    expect(await failing.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ state: 'dead', attempts: 3, last_error: 'attempt 3 failed' });
    expect(retryAts).toEqual([
      new Date(start + 1_500).toISOString(),
      new Date(start + 4_500).toISOString(),
      null,
    ]);
    clock.advance(3_600_000);
    expect(await failing.runDue()).toBe(0);
  });

  it('counts the backoff from the failure, not from the start of a slow attempt', async () => {
    const type = typeName();
    const id = (await enqueue(type))!;
    const start = clock.now().getTime();
    await worker({
      [type]: {
        run: async () => {
          clock.advance(15_000); // e.g. a request that timed out
          throw new Error('timed out');
        },
      },
    }).runDue();
    expect(await job(id)).toMatchObject({ state: 'failed', run_at: new Date(start + 15_000 + 1_500) });
  });

  it('runs a job again when the worker that claimed it stops answering (lease expiry)', async () => {
    const type = typeName();
    const id = (await enqueue(type))!;
    const entered = gate();
    const hang = gate();
    const runs: string[] = [];
    const crashed = worker(
      {
        [type]: {
          run: async () => {
            runs.push('first worker');
            entered.open();
            await hang.opened;
          },
        },
      },
      { leaseMs: 30_000 },
    );
    const stuck = crashed.runDue();
    await entered.opened;
    const healthy = worker({ [type]: { run: async () => void runs.push('second worker') } });
    expect(await healthy.runDue()).toBe(0); // the lease still holds
    clock.advance(30_000);
    expect(await healthy.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ state: 'done', attempts: 2 });
    hang.open(); // the first worker comes back: its job is no longer its own
    await stuck;
    expect(await job(id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(runs).toEqual(['first worker', 'second worker']);
  });

  it('marks a job dead when its lease expires on its last attempt', async () => {
    const type = typeName();
    const id = (await enqueue(type, { maxAttempts: 1 }))!;
    const entered = gate();
    const hang = gate();
    const crashed = worker({
      [type]: {
        run: async () => {
          entered.open();
          await hang.opened;
        },
      },
    });
    const stuck = crashed.runDue();
    await entered.opened;
    clock.advance(60_000);
    const sweeper = worker({ [type]: { run: async () => {} } }, { pollMs: 10 });
    sweeper.start();
    await expect.poll(async () => (await job(id)).state).toBe('dead');
    await sweeper.stop();
    hang.open();
    await stuck;
    expect((await job(id)).last_error).toContain('lease expired on the last attempt');
  });

  it('never runs a job twice with two workers claiming at the same time', async () => {
    // On a server, the second worker has its own connection pool, as another process would.
    // (PGlite is one connection in one process: both workers share it.)
    const other = db.kind === 'postgres' ? await openTestDb() : db;
    try {
      const type = typeName();
      const ids = new Set<string>();
      for (let i = 0; i < 60; i++) ids.add((await enqueue(type, { payload: { i } }))!);
      const runs: string[] = [];
      const handler: JobType = {
        run: async (run) => {
          runs.push(run.id);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        },
      };
      const [a, b] = await Promise.all([
        worker({ [type]: handler }, { concurrency: 4 }).runDue(),
        worker({ [type]: handler }, { concurrency: 4 }, other).runDue(),
      ]);
      expect(a + b).toBe(60);
      expect(runs.length).toBe(60);
      expect(new Set(runs)).toEqual(ids);
      const states = await db.kysely
        .selectFrom('jobs')
        .select(['state', 'attempts'])
        .where('type', '=', type)
        .execute();
      expect(states.every((s) => s.state === 'done' && s.attempts === 1)).toBe(true);
    } finally {
      if (other !== db) await other.close();
    }
  });

  it('runs jobs in the background as they come, and hands unfinished ones back when it stops', async () => {
    const type = typeName();
    const slow = typeName();
    const done: string[] = [];
    const entered = gate();
    const background = worker(
      {
        [type]: { run: async (run) => void done.push(run.id) },
        [slow]: {
          run: (run) =>
            new Promise((_, reject) => {
              entered.open();
              run.signal.addEventListener('abort', () => reject(run.signal.reason));
            }),
        },
      },
      { pollMs: 10, stopGraceMs: 50 },
    );
    background.start();
    const quick = (await enqueue(type))!;
    await expect.poll(() => done).toEqual([quick]);
    const held = (await enqueue(slow))!;
    await entered.opened;
    expect(await job(held)).toMatchObject({ state: 'running', locked_by: background.id });
    await background.stop();
    expect(await job(held)).toMatchObject({ state: 'queued', locked_by: null, run_at: clock.now() });
  });

  it('on an exclusive start, runs at once the jobs a killed process left running', async () => {
    const type = typeName();
    const id = (await enqueue(type))!;
    const entered = gate();
    const killed = worker({
      [type]: {
        run: () => {
          entered.open();
          return new Promise<void>(() => {});
        },
      },
    });
    void killed.runDue(); // never returns: as if the process died holding the job
    await entered.opened;
    const restarted = worker({ [type]: { run: async () => {} } }, { exclusive: true, pollMs: 10 });
    restarted.start();
    await expect.poll(async () => (await job(id)).state).toBe('done');
    await restarted.stop();
    expect((await job(id)).attempts).toBe(2);
  });
});
