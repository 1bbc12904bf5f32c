import type { TasksTable } from '@rapport/db';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { afterCursor } from '../shared/paging.ts';

export interface TaskRow {
  id: string;
  title: string;
  description: string | null;
  due_at: Date | null;
  assignee_id: string | null;
  assignee_name: string | null;
  person_id: string | null;
  person_name: string | null;
  company_id: string | null;
  company_name: string | null;
  done_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

function withNames(ctx: Ctx) {
  return ctx.db
    .selectFrom('tasks as t')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .leftJoin('people as p', (join) =>
      join.onRef('p.workspace_id', '=', 't.workspace_id').onRef('p.id', '=', 't.person_id'),
    )
    .leftJoin('companies as c', (join) =>
      join.onRef('c.workspace_id', '=', 't.workspace_id').onRef('c.id', '=', 't.company_id'),
    )
    .select([
      't.id',
      't.title',
      't.description',
      't.due_at',
      't.assignee_id',
      'u.name as assignee_name',
      't.person_id',
      sql<
        string | null
      >`case when p.id is null then null else rapport_display_name(p.first_name, p.last_name, p.email) end`.as(
        'person_name',
      ),
      't.company_id',
      'c.name as company_name',
      't.done_at',
      't.created_by',
      't.created_at',
      't.updated_at',
    ]);
}

export function findTask(ctx: Ctx, id: string): Promise<TaskRow | undefined> {
  return withNames(ctx).where('t.id', '=', id).executeTakeFirst();
}

export async function insertTask(ctx: Ctx, row: Insertable<TasksTable>): Promise<void> {
  await ctx.db.insertInto('tasks').values(row).execute();
}

export async function updateTask(ctx: Ctx, id: string, set: Updateable<TasksTable>): Promise<boolean> {
  const result = await ctx.db
    .updateTable('tasks')
    .set({ ...set, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteTask(ctx: Ctx, id: string): Promise<boolean> {
  const result = await ctx.db.deleteFrom('tasks').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export interface TasksFilter {
  sort: 'dueAt' | 'createdAt' | '-createdAt';
  assigneeId?: string | undefined;
  status: 'open' | 'done' | 'all';
  dueBefore?: string | undefined;
  personId?: string | undefined;
  companyId?: string | undefined;
}

/** Soonest due first, undated last; keyset on (due_at nulls last, id). */
export function listTasks(
  ctx: Ctx,
  filter: TasksFilter,
  limit: number,
  cursor: unknown[] | null,
): Promise<TaskRow[]> {
  let query = withNames(ctx);
  if (filter.assigneeId) query = query.where('t.assignee_id', '=', filter.assigneeId);
  if (filter.status === 'open') query = query.where('t.done_at', 'is', null);
  if (filter.status === 'done') query = query.where('t.done_at', 'is not', null);
  if (filter.dueBefore) query = query.where('t.due_at', '<', new Date(filter.dueBefore));
  if (filter.personId) query = query.where('t.person_id', '=', filter.personId);
  if (filter.companyId) query = query.where('t.company_id', '=', filter.companyId);
  if (filter.sort !== 'dueAt') {
    const direction = filter.sort === 'createdAt' ? 'asc' : 'desc';
    if (cursor) query = query.where(afterCursor('t.created_at', direction, cursor, 't.id'));
    return query
      .orderBy('t.created_at', direction)
      .orderBy('t.id', direction)
      .limit(limit + 1)
      .execute();
  }
  if (cursor) {
    const [due, id] = cursor as [string | null, string];
    query =
      due === null
        ? query.where('t.due_at', 'is', null).where('t.id', '>', id)
        : query.where(sql<boolean>`((t.due_at, t.id) > (${due}::timestamptz, ${id}) or t.due_at is null)`);
  }
  return query
    .orderBy(sql`t.due_at asc nulls last`)
    .orderBy('t.id')
    .limit(limit + 1)
    .execute();
}

export async function moveTasks(ctx: Ctx, column: 'person_id' | 'company_id', fromId: string, toId: string) {
  await ctx.db
    .updateTable('tasks')
    .set({ [column]: toId, updated_at: ctx.clock.now() })
    .where(column, '=', fromId)
    .execute();
}

/** Open tasks whose title starts with `prefix`, counted per person (or company). */
export function openCounts(ctx: Ctx, column: 'person_id' | 'company_id', prefix: string) {
  return ctx.db
    .selectFrom('tasks')
    .select([sql.ref<string>(column).as('id'), (eb) => eb.fn.countAll<number>().as('open')])
    .where(column, 'is not', null)
    .where('done_at', 'is', null)
    .where('title', 'like', `${prefix.replace(/[\\%_]/g, '\\$&')}%`)
    .groupBy(column)
    .execute();
}
