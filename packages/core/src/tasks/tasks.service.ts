import type { TasksTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import { requireCompany } from '../companies/companies.service.ts';
import { requirePerson } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './tasks.repo.ts';
import {
  type Task,
  type TaskCreate,
  type TasksQuery,
  type TaskUpdate,
  taskCreate,
  tasksQuery,
  taskUpdate,
} from './tasks.schema.ts';

function present(ctx: Ctx, row: repo.TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    dueAt: row.due_at?.toISOString() ?? null,
    overdue: !row.done_at && !!row.due_at && row.due_at < ctx.clock.now(),
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    personId: row.person_id,
    personName: row.person_name,
    companyId: row.company_id,
    companyName: row.company_name,
    done: row.done_at !== null,
    doneAt: row.done_at?.toISOString() ?? null,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function createTask(ctx: Ctx, input: TaskCreate): Promise<Task> {
  const value = parseInput(taskCreate, input);
  if (value.personId) await requirePerson(ctx, value.personId, 'personId');
  if (value.companyId) await requireCompany(ctx, value.companyId, 'companyId');
  const id = newId('task');
  const now = ctx.clock.now();
  await repo.insertTask(ctx, {
    id,
    workspace_id: ctx.workspaceId,
    title: value.title,
    description: value.description ?? null,
    due_at: value.dueAt ? new Date(value.dueAt) : null,
    assignee_id: value.assigneeId !== undefined ? value.assigneeId : ctx.actor.userId,
    person_id: value.personId ?? null,
    company_id: value.companyId ?? null,
    created_by: ctx.actor.id,
    created_at: now,
    updated_at: now,
  });
  return getTask(ctx, id);
}

export async function getTask(ctx: Ctx, id: string): Promise<Task> {
  const row = await repo.findTask(ctx, id);
  if (!row) throw notFound('task', id);
  return present(ctx, row);
}

export async function updateTask(ctx: Ctx, id: string, input: TaskUpdate): Promise<Task> {
  const patch = parseInput(taskUpdate, input);
  const current = await repo.findTask(ctx, id);
  if (!current) throw notFound('task', id);
  const set: Updateable<TasksTable> = {};
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.dueAt !== undefined) set.due_at = patch.dueAt ? new Date(patch.dueAt) : null;
  if (patch.assigneeId !== undefined) set.assignee_id = patch.assigneeId;
  if (patch.done !== undefined && patch.done !== (current.done_at !== null)) {
    set.done_at = patch.done ? ctx.clock.now() : null;
  }
  if (Object.keys(set).length) await repo.updateTask(ctx, id, set);
  return getTask(ctx, id);
}

export async function deleteTask(ctx: Ctx, id: string): Promise<void> {
  if (!(await repo.deleteTask(ctx, id))) throw notFound('task', id);
}

export async function listTasks(ctx: Ctx, input: TasksQuery): Promise<Page<Task>> {
  const query = parseInput(tasksQuery, input);
  const assigneeId = query.assigneeId === 'me' ? (ctx.actor.userId ?? '') : query.assigneeId;
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await repo.listTasks(ctx, { ...query, assigneeId }, query.limit, cursor);
  const sortValue = (row: repo.TaskRow) => (query.sort === 'dueAt' ? row.due_at : row.created_at);
  return toPage(
    rows,
    query.limit,
    sortValue,
    (row) => row.id,
    (row) => present(ctx, row),
  );
}

export function moveTasksOfPerson(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveTasks(ctx, 'person_id', fromId, toId);
}

export function moveTasksOfCompany(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveTasks(ctx, 'company_id', fromId, toId);
}

/** Open tasks whose title starts with `titlePrefix` (e.g. Rapport's own alerts), per person or company. */
export async function openTaskCounts(
  ctx: Ctx,
  unit: 'person' | 'company',
  titlePrefix: string,
): Promise<Map<string, number>> {
  const rows = await repo.openCounts(ctx, unit === 'person' ? 'person_id' : 'company_id', titlePrefix);
  return new Map(rows.map((row) => [row.id, Number(row.open)]));
}
