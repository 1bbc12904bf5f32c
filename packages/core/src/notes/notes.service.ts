import { requireCompany } from '../companies/companies.service.ts';
import { getOrder } from '../orders/orders.service.ts';
import { requirePerson } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './notes.repo.ts';
import {
  type Note,
  type NoteCreate,
  type NotesQuery,
  noteCreate,
  notesQuery,
  noteUpdate,
} from './notes.schema.ts';

function present(row: repo.NoteRow): Note {
  return {
    id: row.id,
    body: row.body,
    personId: row.person_id,
    companyId: row.company_id,
    orderId: row.order_id,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function addNote(ctx: Ctx, input: NoteCreate): Promise<Note> {
  const value = parseInput(noteCreate, input);
  if (value.personId) await requirePerson(ctx, value.personId, 'personId');
  if (value.companyId) await requireCompany(ctx, value.companyId, 'companyId');
  if (value.orderId)
    await getOrder(ctx, value.orderId).catch(() =>
      Promise.reject(notFound('order', value.orderId!, 'orderId')),
    );
  const id = newId('note');
  const now = ctx.clock.now();
  await repo.insertNote(ctx, {
    id,
    workspace_id: ctx.workspaceId,
    body: value.body,
    person_id: value.personId ?? null,
    company_id: value.companyId ?? null,
    order_id: value.orderId ?? null,
    author_id: ctx.actor.userId,
    created_at: now,
    updated_at: now,
  });
  return getNote(ctx, id);
}

export async function getNote(ctx: Ctx, id: string): Promise<Note> {
  const [row] = await repo.findNotes(ctx, [id]);
  if (!row) throw notFound('note', id);
  return present(row);
}

export async function getNotes(ctx: Ctx, ids: string[]): Promise<Note[]> {
  const byId = new Map((await repo.findNotes(ctx, ids)).map((row) => [row.id, present(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Only the author (or an admin or manager) edits or deletes a note. */
async function ownNote(ctx: Ctx, id: string) {
  const note = await getNote(ctx, id);
  const privileged = ctx.actor.role === 'admin' || ctx.actor.role === 'manager';
  if (!privileged && note.authorId !== ctx.actor.userId) {
    throw new AppError('forbidden', 'Only the author, a manager or an admin may change this note.', [
      { path: 'id', message: 'not your note' },
    ]);
  }
  return note;
}

export async function editNote(ctx: Ctx, id: string, input: { body: string }): Promise<Note> {
  const value = parseInput(noteUpdate, input);
  await ownNote(ctx, id);
  await repo.updateNote(ctx, id, value.body);
  return getNote(ctx, id);
}

export async function deleteNote(ctx: Ctx, id: string): Promise<void> {
  await ownNote(ctx, id);
  await repo.deleteNote(ctx, id);
}

export async function listNotes(ctx: Ctx, input: NotesQuery): Promise<Page<Note>> {
  const query = parseInput(notesQuery, input);
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await repo.listNotes(
    ctx,
    query,
    query.limit,
    cursor,
    query.sort === 'createdAt' ? 'asc' : 'desc',
  );
  return toPage(
    rows,
    query.limit,
    (row) => row.created_at,
    (row) => row.id,
    present,
  );
}

export function moveNotesOfPerson(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveNotes(ctx, 'person_id', fromId, toId);
}

export function moveNotesOfCompany(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveNotes(ctx, 'company_id', fromId, toId);
}
