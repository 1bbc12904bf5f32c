import { z } from 'zod';
import { isoDateTime, text } from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';

export const taskCreate = z
  .strictObject({
    title: text(300).min(1),
    description: text(10_000).nullable().optional(),
    dueAt: isoDateTime.nullable().optional(),
    assigneeId: z.string().nullable().optional().describe('Default: the signed-in user.'),
    personId: z.string().nullable().optional(),
    companyId: z.string().nullable().optional(),
  })
  .meta({ id: 'TaskCreate' });

export const taskUpdate = z
  .strictObject({
    title: text(300).min(1),
    description: text(10_000).nullable(),
    dueAt: isoDateTime.nullable(),
    assigneeId: z.string().nullable(),
    done: z.boolean(),
  })
  .partial()
  .meta({ id: 'TaskUpdate' });

export const task = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    dueAt: isoDateTime.nullable(),
    overdue: z.boolean(),
    assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    personId: z.string().nullable(),
    personName: z.string().nullable(),
    companyId: z.string().nullable(),
    companyName: z.string().nullable(),
    done: z.boolean(),
    doneAt: isoDateTime.nullable(),
    createdBy: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Task' });

export const tasksQuery = z
  .strictObject({
    sort: z
      .enum(['dueAt', 'createdAt', '-createdAt'])
      .default('dueAt')
      .describe('dueAt: soonest due first, undated last (default); createdAt / -createdAt.'),
    assigneeId: z.string().optional().describe('A user id, or "me".'),
    status: z.enum(['open', 'done', 'all']).default('open'),
    dueBefore: isoDateTime.optional().describe('Open tasks due before this time (e.g. end of today).'),
    personId: z.string().optional(),
    companyId: z.string().optional(),
    ...pageInput,
  })
  .meta({ id: 'TasksQuery' });

export type TaskCreate = z.input<typeof taskCreate>;
export type TaskUpdate = z.input<typeof taskUpdate>;
export type Task = z.infer<typeof task>;
export type TasksQuery = z.input<typeof tasksQuery>;
