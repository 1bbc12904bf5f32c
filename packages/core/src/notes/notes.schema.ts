import { z } from 'zod';
import { isoDateTime } from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';

export const noteCreate = z
  .strictObject({
    body: z.string().trim().min(1).max(50_000),
    personId: z.string().nullable().optional(),
    companyId: z.string().nullable().optional(),
    orderId: z.string().nullable().optional(),
  })
  .refine((value) => value.personId || value.companyId || value.orderId, {
    message: 'a note is about a person, a company or an order',
    path: ['personId'],
  })
  .meta({ id: 'NoteCreate' });

export const noteUpdate = z
  .strictObject({ body: z.string().trim().min(1).max(50_000) })
  .meta({ id: 'NoteUpdate' });

export const note = z
  .object({
    id: z.string(),
    body: z.string(),
    personId: z.string().nullable(),
    companyId: z.string().nullable(),
    orderId: z.string().nullable(),
    authorId: z.string().nullable(),
    authorName: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Note' });

export const notesQuery = z
  .strictObject({
    sort: z.enum(['createdAt', '-createdAt']).default('-createdAt').describe('Newest first by default.'),
    personId: z.string().optional(),
    companyId: z.string().optional(),
    orderId: z.string().optional(),
    ...pageInput,
  })
  .meta({ id: 'NotesQuery' });

export type NoteCreate = z.input<typeof noteCreate>;
export type Note = z.infer<typeof note>;
export type NotesQuery = z.input<typeof notesQuery>;
