import type { Database, JobsTable } from '@rapport/db';
import { type ExpressionBuilder, type Insertable, type Kysely, type Selectable, sql } from 'kysely';

export type JobRow = Selectable<JobsTable>;
type Db = Kysely<Database>;
type JobKey = Pick<JobRow, 'workspace_id' | 'id'>;

/** Inserts jobs in one statement; the ids of those inserted (a key already pending skips one). */
export async function insertJobs(db: Db, rows: Insertable<JobsTable>[]): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await db
    .insertInto('jobs')
    .values(rows)
    // The predicate of the partial unique index, as literals: PostgreSQL infers the index only
    // from a predicate it can prove at planning time, not from parameters.
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'type', 'key'])
        .where(sql<boolean>`key is not null and state in ('queued', 'running', 'failed')`)
        .doNothing(),
    )
    .returning('id')
    .execute();
  return inserted.map((row) => row.id);
}

/** The jobs a worker looks after: its types, and one workspace or all. */
export interface Reach {
  types: string[];
  workspaceId?: string | undefined;
}

export interface ClaimOptions extends Reach {
  worker: string;
  now: Date;
  leaseUntil: Date;
  limit: number;
}

function inReach(eb: ExpressionBuilder<Database, 'jobs'>, reach: Reach) {
  return eb.and([
    eb('type', 'in', reach.types),
    ...(reach.workspaceId === undefined ? [] : [eb('workspace_id', '=', reach.workspaceId)]),
  ]);
}

/**
 * Takes up to `limit` due jobs (queued or failed and due, or running with an expired lease and
 * attempts left) in one statement: rows other workers hold are skipped, not waited for.
 */
export function claimJobs(db: Db, o: ClaimOptions): Promise<JobRow[]> {
  const due = db
    .selectFrom('jobs')
    .select(['workspace_id', 'id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('state', 'in', ['queued', 'failed']), eb('run_at', '<=', o.now)]),
        eb.and([
          eb('state', '=', 'running'),
          eb('locked_until', '<=', o.now),
          eb('attempts', '<', eb.ref('max_attempts')),
        ]),
      ]),
    )
    .where((eb) => inReach(eb, o))
    .orderBy('run_at')
    .orderBy('id')
    .limit(o.limit)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable('jobs as j')
    .from(due.as('due'))
    .set((eb) => ({
      state: 'running',
      attempts: eb('j.attempts', '+', 1),
      locked_by: o.worker,
      locked_until: o.leaseUntil,
      updated_at: o.now,
    }))
    .whereRef('j.workspace_id', '=', 'due.workspace_id')
    .whereRef('j.id', '=', 'due.id')
    .returningAll('j')
    .execute();
}

function ownedBy(db: Db, worker: string, jobs: JobKey[]) {
  return db
    .updateTable('jobs')
    .where('state', '=', 'running')
    .where('locked_by', '=', worker)
    .where((eb) =>
      eb.or(jobs.map((job) => eb.and([eb('workspace_id', '=', job.workspace_id), eb('id', '=', job.id)]))),
    );
}

/** Marks a job this worker still holds as done; false if its lease was lost to another worker. */
export async function finishJob(db: Db, job: JobKey, worker: string, now: Date): Promise<boolean> {
  const result = await ownedBy(db, worker, [job])
    .set({ state: 'done', finished_at: now, updated_at: now, locked_by: null, locked_until: null })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records a failed attempt: runs again at `retryAt`, or is dead when there is none. */
export async function failJob(
  db: Db,
  job: JobKey,
  worker: string,
  now: Date,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await ownedBy(db, worker, [job])
    .set({
      state: retryAt ? 'failed' : 'dead',
      ...(retryAt ? { run_at: retryAt } : { finished_at: now }),
      last_error: error,
      updated_at: now,
      locked_by: null,
      locked_until: null,
    })
    .execute();
}

/** Hands jobs back (a worker that stops): they run again at once, on any worker. */
export async function releaseJobs(db: Db, worker: string, jobs: JobKey[], now: Date): Promise<void> {
  if (!jobs.length) return;
  await ownedBy(db, worker, jobs)
    .set({ state: 'queued', run_at: now, updated_at: now, locked_by: null, locked_until: null })
    .execute();
}

/** A live worker keeps its jobs: their leases move to `until`. */
export async function extendLeases(db: Db, worker: string, jobs: JobKey[], until: Date): Promise<void> {
  if (!jobs.length) return;
  await ownedBy(db, worker, jobs).set({ locked_until: until }).execute();
}

/**
 * For the only process of an embedded database, at start: every running job was left by a
 * process that is gone, so it is queued again, due at once and first in line since its run_at
 * is in the past (dead if that was its last attempt).
 */
export async function recoverAll(db: Db, reach: Reach, now: Date): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: eb
        .case()
        .when('attempts', '>=', eb.ref('max_attempts'))
        .then('dead' as const)
        .else('queued' as const)
        .end(),
      updated_at: now,
      locked_by: null,
      locked_until: null,
      last_error: 'interrupted: the process running it stopped',
    }))
    .where('state', '=', 'running')
    .where((eb) => inReach(eb, reach))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Jobs whose lease expired on their last attempt are dead; old finished jobs are deleted. */
export async function sweep(
  db: Db,
  reach: Reach,
  now: Date,
  keepDoneUntil: Date,
  keepDeadUntil: Date,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      state: 'dead',
      finished_at: now,
      updated_at: now,
      locked_by: null,
      locked_until: null,
      last_error: 'lease expired on the last attempt: the worker running it stopped or hung',
    })
    .where('state', '=', 'running')
    .where('locked_until', '<=', now)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .where((eb) => inReach(eb, reach))
    .execute();
  await db
    .deleteFrom('jobs')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'done'), eb('finished_at', '<', keepDoneUntil)]),
        eb.and([eb('state', '=', 'dead'), eb('finished_at', '<', keepDeadUntil)]),
      ]),
    )
    .where((eb) => inReach(eb, reach))
    .execute();
}

/** The state of the unfinished job of this type and key in the transaction's workspace, if any. */
export async function unfinishedState(db: Db, type: string, key: string): Promise<JobRow['state'] | null> {
  const row = await db
    .selectFrom('jobs')
    .select('state')
    .where('type', '=', type)
    .where('key', '=', key)
    .where('state', 'in', ['queued', 'running', 'failed'])
    .executeTakeFirst();
  return row?.state ?? null;
}
