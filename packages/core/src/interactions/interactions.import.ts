import { queueFeelings } from '../feelings/feelings.service.ts';
import type { Ctx } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { chunks, emptyOutcome, type ImportOutcome } from '../shared/transfer.ts';
import { emitEvents } from '../webhooks/webhooks.service.ts';
import { getInteractions } from './interactions.service.ts';

/** One interaction row of an import, its people, company and users already resolved to ids. */
export interface InteractionImportRow {
  line: number;
  id?: string | null;
  externalId?: string | null;
  channel: string;
  direction: 'inbound' | 'outbound' | 'internal';
  occurredAt: string;
  subject?: string | null;
  body?: string | null;
  companyId?: string | null;
  personIds: string[];
  userIds: string[];
  correctsId?: string | null;
  correctionReason?: string | null;
}

/**
 * Adds interactions to the timeline. The timeline is append-only: a row that matches a stored
 * interaction (by id or external id) with the same content is left as it is (a re-import is
 * harmless); with different content it is refused, since history is corrected, not rewritten.
 */
export async function importInteractions(ctx: Ctx, rows: InteractionImportRow[]): Promise<ImportOutcome> {
  const outcome = emptyOutcome();
  const existing = new Map<
    string,
    { id: string; subject: string | null; body: string | null; occurred_at: Date; channel: string }
  >();
  const ids = rows.flatMap((r) => (r.id ? [r.id] : []));
  const externalIds = rows.flatMap((r) => (r.externalId ? [r.externalId] : []));
  for (const part of chunks(ids, 5000)) {
    for (const row of await ctx.db
      .selectFrom('interactions')
      .select(['id', 'external_id', 'subject', 'body', 'occurred_at', 'channel'])
      .where('id', 'in', part)
      .execute()) {
      existing.set(`i:${row.id}`, row);
    }
  }
  for (const part of chunks(externalIds, 5000)) {
    for (const row of await ctx.db
      .selectFrom('interactions')
      .select(['id', 'external_id', 'subject', 'body', 'occurred_at', 'channel'])
      .where('external_id', 'in', part)
      .execute()) {
      existing.set(`x:${row.external_id}`, row);
    }
  }
  const inserts: InteractionImportRow[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const keys = [row.id ? `i:${row.id}` : null, row.externalId ? `x:${row.externalId}` : null].filter(
      (k): k is string => !!k,
    );
    const stored = keys.map((k) => existing.get(k)).find(Boolean);
    if (stored) {
      const same =
        stored.channel === row.channel &&
        (stored.subject ?? null) === (row.subject ?? null) &&
        (stored.body ?? null) === (row.body ?? null) &&
        stored.occurred_at.getTime() === new Date(row.occurredAt).getTime();
      if (same) outcome.unchanged++;
      else {
        outcome.problems.push({
          line: row.line,
          field: row.externalId ? 'externalId' : 'id',
          message: `matches ${stored.id} with other content; the timeline is append-only, add a correction instead`,
        });
      }
      continue;
    }
    if (keys.some((k) => seen.has(k))) {
      outcome.problems.push({
        line: row.line,
        field: row.externalId ? 'externalId' : 'id',
        message: 'appears twice in the file',
      });
      continue;
    }
    for (const k of keys) seen.add(k);
    inserts.push(row);
  }
  const now = ctx.clock.now();
  const created: string[] = [];
  for (const part of chunks(inserts, 500)) {
    const withIds = part.map((row) => ({
      row,
      id: row.id && /^int_[0-9a-z]{26}$/.test(row.id) ? row.id : newId('interaction'),
    }));
    await ctx.db
      .insertInto('interactions')
      .values(
        withIds.map(({ row, id }) => ({
          id,
          workspace_id: ctx.workspaceId,
          channel: row.channel,
          direction: row.direction,
          occurred_at: row.occurredAt,
          subject: row.subject ?? null,
          body: row.body ?? null,
          company_id: row.companyId ?? null,
          external_id: row.externalId ?? null,
          corrects_id: row.correctsId ?? null,
          correction_reason: row.correctionReason ?? null,
          created_by: ctx.actor.id,
          created_at: now,
        })),
      )
      .execute();
    const people = withIds.flatMap(({ row, id }) =>
      [...new Set(row.personIds)].map((personId) => ({
        workspace_id: ctx.workspaceId,
        interaction_id: id,
        person_id: personId,
        occurred_at: row.occurredAt,
        channel: row.channel,
      })),
    );
    if (people.length) await ctx.db.insertInto('interaction_people').values(people).execute();
    const users = withIds.flatMap(({ row, id }) =>
      [...new Set(row.userIds)].map((userId) => ({
        workspace_id: ctx.workspaceId,
        interaction_id: id,
        user_id: userId,
      })),
    );
    if (users.length) await ctx.db.insertInto('interaction_users').values(users).execute();
    created.push(...withIds.map(({ id }) => id));
    await queueFeelings(
      ctx,
      withIds.map(({ row, id }) => ({
        id,
        direction: row.direction,
        text: !!(row.subject || row.body),
        corrects: !!row.correctsId,
      })),
    );
  }
  await emitEvents(ctx, 'interaction.logged', created, (ids) => getInteractions(ctx, ids));
  outcome.created = inserts.length;
  return outcome;
}
