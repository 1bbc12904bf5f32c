import type { EmailSettingsTable, EmailsTable } from '@rapport/db';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { afterCursor } from '../shared/paging.ts';

export type SettingsRow = Selectable<EmailSettingsTable>;
export type EmailRow = Selectable<EmailsTable>;

export function findSettings(ctx: Ctx): Promise<SettingsRow | undefined> {
  return ctx.db.selectFrom('email_settings').selectAll().executeTakeFirst();
}

export async function saveSettings(ctx: Ctx, row: Insertable<EmailSettingsTable>): Promise<SettingsRow> {
  const { workspace_id: _, ...set } = row;
  return ctx.db
    .insertInto('email_settings')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'id']).doUpdateSet(set))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertEmail(ctx: Ctx, row: Insertable<EmailsTable>): Promise<EmailRow> {
  return ctx.db.insertInto('emails').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Many at once (a survey's invitations), 1,000 rows a statement. */
export async function insertEmails(ctx: Ctx, rows: Insertable<EmailsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await ctx.db
      .insertInto('emails')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export function findEmail(ctx: Ctx, id: string): Promise<EmailRow | undefined> {
  return ctx.db.selectFrom('emails').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateEmail(ctx: Ctx, id: string, set: Updateable<EmailsTable>): Promise<void> {
  await ctx.db.updateTable('emails').set(set).where('id', '=', id).execute();
}

/** Emails still waiting to go out: cancelled when sending is switched off. */
export async function cancelWaiting(ctx: Ctx): Promise<number> {
  const result = await ctx.db
    .updateTable('emails')
    .set({ status: 'cancelled', body: null, error: 'sending was switched off', next_attempt_at: null })
    .where('status', 'in', ['queued', 'retrying'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface EmailFilter {
  status?: EmailRow['status'];
  kind?: EmailRow['kind'];
  caseId?: string;
  personId?: string;
  after?: unknown[];
  limit: number;
}

/** Newest first, keyset pages on (created_at, id). */
export function listEmails(ctx: Ctx, f: EmailFilter): Promise<EmailRow[]> {
  let query = ctx.db.selectFrom('emails').selectAll();
  if (f.status) query = query.where('status', '=', f.status);
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.caseId) query = query.where('case_id', '=', f.caseId);
  if (f.personId) query = query.where('person_id', '=', f.personId);
  if (f.after) query = query.where(afterCursor('created_at', 'desc', f.after));
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}
