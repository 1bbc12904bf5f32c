/**
 * Bulk actions at a million people, on a PostgreSQL server: tag (and untag) 1,000 ticked people
 * and the ~100,000 people a filter matches, and count the list's matches, against the same
 * UPDATE written by hand and run as the table owner, measured in the same run.
 *
 *   ours:      core's bulkPeople as the API calls it: one transaction under row-level security
 *              (the ids checked, the filter's matches counted against the bound), one UPDATE,
 *              the audit triggers.
 *   reference: the UPDATE alone, by hand, as the superuser (no row-level security, no checks),
 *              with the same audit triggers: what any implementation has to pay.
 *
 * Targets: 1,000 ticked people in under 1 s; 100,000 people by filter at most 1.25 times the
 * UPDATE by hand (its absolute time is the schema's index and audit work on this machine; see
 * docs/benchmarks.md); a count for "select all N matching" in under 500 ms.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bulkPeople,
  countPeople,
  type Db,
  inWorkspace,
  type PeopleBulk,
  type RELATIONSHIP_TYPES,
  systemActor,
} from '@rapport/core';
import { createDb } from '@rapport/db';
import pg from 'pg';
import { ensureDataset } from './lib/dataset.ts';
import { FULL_SIZE } from './lib/dataset-sql.ts';
import { describeMachine, machineLine } from './lib/machine.ts';
import { startPgServer } from './lib/pg-server.ts';
import { fmt, median } from './lib/stats.ts';
import { printTable } from './lib/table.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PEOPLE = Number(process.env.BENCH_BULK_PEOPLE ?? 1_000_000);
const TARGETS = { ids: 1_000, ratio: 1.25, count: 500 };
const root = fileURLToPath(new URL('..', import.meta.url));
// People at full size, the rest of the dataset small: the bulk actions touch people only.
const size = {
  ...FULL_SIZE,
  people: PEOPLE,
  companies: 30_000,
  interactions: 1_000,
  orders: 1_000,
  notes: 1_000,
  tasks: 100,
  products: 50,
  heavy: 100,
};
type Relationship = (typeof RELATIONSHIP_TYPES)[number];
const TYPES = ['prospect', 'supplier', 'partner', 'distributor', 'employee', 'community'];

const server = await startPgServer(join(root, 'bench/.data/pg-bulk'));
let db: Db | undefined;
try {
  const dataset = await ensureDataset(server.url, size, console.log);
  const ws = dataset.workspaceId;
  db = await createDb({ url: dataset.url, poolSize: 2 });
  const owner = new pg.Client({ connectionString: dataset.url });
  await owner.connect();
  const q = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await owner.query<T>(text, values)).rows;

  // 1,000 live people spread over the table, and the relationship types whose people come
  // closest to (not over) the 100,000 bound.
  const ids = (
    await q<{ id: string }>(
      `select id from people where workspace_id = $1 and merged_into_id is null order by md5(id) limit 1000`,
      [ws],
    )
  ).map((row) => row.id);
  const perType = new Map(
    (
      await q<{ t: string; n: string }>(
        `select relationship_type t, count(*) n from people where workspace_id = $1 and merged_into_id is null group by 1`,
        [ws],
      )
    ).map((row) => [row.t, Number(row.n)]),
  );
  const choices = TYPES.flatMap((a, i) => [[a], ...TYPES.slice(i + 1).map((b) => [a, b])]);
  const types = choices
    .map((c) => ({ c, n: c.reduce((sum, t) => sum + (perType.get(t) ?? 0), 0) }))
    .filter((x) => x.n <= 100_000)
    .sort((x, y) => y.n - x.n)[0]!;
  const total = [...perType.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${total.toLocaleString('en')} live people; filter relationshipType=${types.c.join(',')}: ${types.n.toLocaleString('en')} people`,
  );

  const ours = async (input: PeopleBulk, expect: number) => {
    const started = performance.now();
    const result = await inWorkspace(db!, ws, systemActor, (ctx) => bulkPeople(ctx, input));
    const ms = performance.now() - started;
    if (result.changed !== expect) throw new Error(`changed ${result.changed}, expected ${expect}`);
    console.log(`  rapport ${input.action.type} of ${expect}: ${fmt(ms, 0)} ms`);
    return ms;
  };
  const reference = async (set: string, where: string, values: unknown[], expect: number) => {
    const started = performance.now();
    await owner.query('begin');
    const result = await owner.query(
      `update people set ${set}, updated_at = now() where workspace_id = $1 and merged_into_id is null and ${where}`,
      [ws, ...values],
    );
    await owner.query('commit');
    const ms = performance.now() - started;
    if (result.rowCount !== expect)
      throw new Error(`reference changed ${result.rowCount}, expected ${expect}`);
    console.log(`  by hand ${set.split(' = ')[1]} of ${expect}: ${fmt(ms, 0)} ms`);
    return ms;
  };
  const scopes = {
    ids: { input: { ids }, where: 'id = any($2)', value: ids, n: ids.length },
    filter: {
      input: { filter: { relationshipType: types.c as Relationship[] } },
      where: 'relationship_type = any($2)',
      value: types.c,
      n: types.n,
    },
  };
  // Warm-up, not measured: the first statements after the server starts read from disk and plan.
  await ours({ ids, action: { type: 'addTags', tags: ['bench-warm'] } }, ids.length);
  await ours({ ids, action: { type: 'removeTags', tags: ['bench-warm'] } }, ids.length);
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const [name, scope] of Object.entries(scopes) as [keyof typeof scopes, (typeof scopes)['ids']][]) {
    const add: number[] = [];
    const remove: number[] = [];
    const refAdd: number[] = [];
    const refRemove: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      // Alternate who goes first, so that neither always meets a warmer cache.
      const steps = [
        async () => {
          add.push(
            await ours({ ...scope.input, action: { type: 'addTags', tags: ['bench-bulk'] } }, scope.n),
          );
          remove.push(
            await ours({ ...scope.input, action: { type: 'removeTags', tags: ['bench-bulk'] } }, scope.n),
          );
        },
        async () => {
          const tag = `not (tags @> '{bench-ref}') and ${scope.where}`;
          refAdd.push(await reference(`tags = tags || '{bench-ref}'::text[]`, tag, [scope.value], scope.n));
          refRemove.push(
            await reference(
              `tags = array_remove(tags, 'bench-ref')`,
              `tags @> '{bench-ref}' and ${scope.where}`,
              [scope.value],
              scope.n,
            ),
          );
        },
      ];
      for (const step of run % 2 ? steps : steps.reverse()) await step();
      await q('vacuum people');
    }
    const label =
      name === 'ids'
        ? `${scope.n.toLocaleString('en')} ticked ids`
        : `filter, ${scope.n.toLocaleString('en')} people`;
    rows.push([
      `add a tag, ${label}`,
      fmt(median(add), 0),
      fmt(median(refAdd), 0),
      fmt(median(add) / median(refAdd), 2),
    ]);
    rows.push([
      `remove it, ${label}`,
      fmt(median(remove), 0),
      fmt(median(refRemove), 0),
      fmt(median(remove) / median(refRemove), 2),
    ]);
    const worst = Math.max(median(add), median(remove));
    const ratio = Math.max(median(add) / median(refAdd), median(remove) / median(refRemove));
    verdicts.push(
      name === 'ids'
        ? `${label}: ${fmt(worst, 0)} ms (target < ${TARGETS.ids} ms) ${worst < TARGETS.ids ? 'PASS' : 'FAIL'}`
        : `${label}: ${fmt(worst, 0)} ms, ${fmt(ratio, 2)} × by hand (target ≤ ${TARGETS.ratio}) ${ratio <= TARGETS.ratio ? 'PASS' : 'FAIL'}`,
    );
  }

  const counts: [string, Parameters<typeof countPeople>[1]][] = [
    [`relationshipType=${types.c.join(',')} (exact)`, { relationshipType: types.c as Relationship[] }],
    ['tag=vip', { tag: 'vip' }],
    ['no filter (estimate)', {}],
  ];
  const countRows: string[][] = [];
  let slowest = 0;
  for (const [label, filter] of counts) {
    const times: number[] = [];
    let answer = { count: 0, exact: true };
    for (let run = 0; run < RUNS + 2; run++) {
      const started = performance.now();
      answer = await inWorkspace(db, ws, systemActor, (ctx) => countPeople(ctx, filter));
      times.push(performance.now() - started);
    }
    slowest = Math.max(slowest, median(times));
    countRows.push([
      label,
      answer.count.toLocaleString('en'),
      answer.exact ? 'exact' : 'estimate',
      fmt(median(times), 0),
    ]);
  }
  verdicts.push(
    `count: ${fmt(slowest, 0)} ms (target < ${TARGETS.count} ms) ${slowest < TARGETS.count ? 'PASS' : 'FAIL'}`,
  );
  await q('truncate audit_log');
  await owner.end();

  console.log(`\n${machineLine(describeMachine(server.version))}`);
  console.log(`Medians of ${RUNS} runs, each its own transaction, committed.\n`);
  printTable(['bulk action', 'Rapport (ms)', 'UPDATE by hand (ms)', 'ratio'], rows);
  console.log('');
  printTable(['count', 'answer', '', 'ms'], countRows);
  console.log(`\n${verdicts.join('\n')}`);
} finally {
  await db?.close();
  await server.stop();
}
