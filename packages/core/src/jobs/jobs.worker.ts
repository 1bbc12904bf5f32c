import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../shared/clock.ts';
import { type Ctx, inWorkspace, type SystemCtx, systemActor } from '../shared/context.ts';
import { type Backoff, exponentialBackoff } from './jobs.backoff.ts';
import * as repo from './jobs.repo.ts';

/** One attempt of a job, as its handler sees it. */
export interface JobRun {
  id: string;
  type: string;
  workspaceId: string;
  payload: Record<string, unknown>;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /**
   * When the job runs again if this attempt fails now (the backoff counts from the failure);
   * null on the last attempt. The first call fixes it: the worker then uses the same time.
   */
  retryAt(): Date | null;
  /** Aborted when the worker stops and cannot wait any longer for this attempt. */
  signal: AbortSignal;
  clock: Clock;
  /** Runs `fn` in one transaction in the job's workspace (row-level security applies). */
  inWorkspace<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
}

/** A kind of job: what to run, and how long to wait between failed attempts. */
export interface JobType {
  /** Resolves: the job is done. Throws: the attempt failed (retried until max attempts). */
  run(job: JobRun): Promise<void>;
  backoff?: Backoff;
}

export interface WorkerOptions {
  types: Record<string, JobType>;
  clock?: Clock;
  /** Jobs run at the same time by this worker (default 4). */
  concurrency?: number;
  /** How often an idle worker looks for due jobs (default 1 s). */
  pollMs?: number;
  /** How long a claimed job stays this worker's without a heartbeat (default 30 s). */
  leaseMs?: number;
  /** How long stop() waits for running jobs before aborting them (default 10 s). */
  stopGraceMs?: number;
  /**
   * This is the only worker of the database (an embedded data directory belongs to one
   * process): at start, jobs left running by a previous process run again at once instead
   * of waiting for their leases to expire.
   */
  exclusive?: boolean;
  /** Only the jobs of this workspace (a dedicated worker, or a test's own). */
  workspaceId?: string;
  random?: () => number;
  /** What goes wrong outside a job (the database is unreachable…); default: printed to stderr. */
  onError?: (error: unknown) => void;
  /** Finished jobs are deleted after this long (default 7 days; dead ones after 30 days). */
  keepDoneMs?: number;
  keepDeadMs?: number;
}

export interface Worker {
  id: string;
  /** Runs jobs in the background until stop(). */
  start(): void;
  /** Runs the jobs due now (and those that become due meanwhile) and resolves when none is left. */
  runDue(): Promise<number>;
  /** Looks for due jobs now rather than at the next poll. */
  nudge(): void;
  /** Stops claiming, waits for running jobs (then aborts them), hands unfinished ones back. */
  stop(): Promise<void>;
}

const SWEEP_EVERY_MS = 60_000;
const DAY = 86_400_000;

interface Running {
  row: repo.JobRow;
  controller: AbortController;
  done: Promise<void>;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.slice(0, 2_000);
}

/**
 * A worker of the durable job queue. It claims jobs of every workspace (or of `workspaceId`)
 * as the connecting user, outside row-level security, and gives each handler a way into the
 * job's own workspace. Any number of workers may share a PostgreSQL database.
 */
export function createWorker(sys: SystemCtx, options: WorkerOptions): Worker {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const clock = options.clock ?? sys.clock;
  const concurrency = options.concurrency ?? 4;
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 30_000;
  const random = options.random ?? Math.random;
  const onError = options.onError ?? ((error) => console.error('rapport jobs:', error));
  const db = sys.db.kysely;
  const reach: repo.Reach = { types: Object.keys(options.types), workspaceId: options.workspaceId };
  const running = new Map<string, Running>();
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  let lastSweep = 0;

  const later = (ms: number) => new Date(clock.now().getTime() + ms);

  async function claim(limit: number): Promise<repo.JobRow[]> {
    if (limit <= 0 || !reach.types.length) return [];
    return repo.claimJobs(db, { ...reach, worker: id, now: clock.now(), leaseUntil: later(leaseMs), limit });
  }

  function launch(row: repo.JobRow): Promise<void> {
    const type = options.types[row.type]!;
    const controller = new AbortController();
    const backoff = type.backoff ?? exponentialBackoff();
    const delay = row.attempts < row.max_attempts ? backoff(row.attempts, random) : null;
    let retryAt: Date | null | undefined;
    const retryAtOnce = () => {
      retryAt ??= delay === null ? null : later(delay);
      return retryAt;
    };
    const run: JobRun = {
      id: row.id,
      type: row.type,
      workspaceId: row.workspace_id,
      payload: row.payload,
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
      retryAt: retryAtOnce,
      signal: controller.signal,
      clock,
      inWorkspace: (fn) => inWorkspace(sys.db, row.workspace_id, systemActor, fn, clock),
    };
    const key = `${row.workspace_id}/${row.id}`;
    const done = (async () => {
      try {
        await type.run(run);
        await repo.finishJob(db, row, id, clock.now());
      } catch (error) {
        if (controller.signal.aborted) await repo.releaseJobs(db, id, [row], clock.now());
        else await repo.failJob(db, row, id, clock.now(), describe(error), retryAtOnce());
      }
    })()
      .catch(onError)
      .finally(() => {
        running.delete(key);
        wakeUp?.();
      });
    running.set(key, { row, controller, done });
    return done;
  }

  async function maintain() {
    const now = clock.now().getTime();
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    await repo.sweep(
      db,
      reach,
      new Date(now),
      new Date(now - (options.keepDoneMs ?? 7 * DAY)),
      new Date(now - (options.keepDeadMs ?? 30 * DAY)),
    );
  }

  function pause(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => wakeUp?.(), ms);
      wakeUp = () => {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      };
    });
  }

  async function background() {
    if (options.exclusive) await repo.recoverAll(db, reach, clock.now()).catch(onError);
    const heartbeat = setInterval(() => {
      const rows = [...running.values()].map((r) => r.row);
      repo.extendLeases(db, id, rows, later(leaseMs)).catch(onError);
    }, leaseMs / 3);
    heartbeat.unref();
    try {
      while (!stopping) {
        let claimed = 0;
        try {
          await maintain();
          const free = concurrency - running.size;
          const rows = await claim(free);
          claimed = rows.length;
          for (const row of rows) launch(row);
          if (claimed > 0 && claimed === free) continue; // there may be more: once a slot frees
        } catch (error) {
          onError(error);
        }
        if (!stopping) await pause(pollMs); // or until a running job ends and frees a slot
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  return {
    id,
    start() {
      loop ??= background();
    },
    async runDue() {
      let total = 0;
      for (;;) {
        const rows = await claim(concurrency);
        if (!rows.length) return total;
        total += rows.length;
        await Promise.all(rows.map(launch));
      }
    },
    nudge() {
      wakeUp?.();
    },
    async stop() {
      stopping = true;
      wakeUp?.();
      await loop;
      const all = () => Promise.allSettled([...running.values()].map((r) => r.done));
      const within = (ms: number) =>
        Promise.race([all().then(() => true), new Promise<boolean>((r) => setTimeout(r, ms, false))]);
      if (await within(options.stopGraceMs ?? 10_000)) return;
      for (const r of running.values()) r.controller.abort(new Error('the worker is stopping'));
      if (await within(2_000)) return;
      // Handlers that ignore the signal: their jobs go back to the queue now.
      await repo.releaseJobs(
        db,
        id,
        [...running.values()].map((r) => r.row),
        clock.now(),
      );
    },
  };
}
