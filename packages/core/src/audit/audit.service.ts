import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './audit.repo.ts';
import { type AuditEntry, type AuditQuery, auditQuery } from './audit.schema.ts';

/** Who changed what, newest first. The database writes the log (see the audit triggers). */
export async function listAuditLog(ctx: Ctx, input: AuditQuery): Promise<Page<AuditEntry>> {
  const query = parseInput(auditQuery, input);
  let before: number | null = null;
  if (query.cursor) {
    const [id] = decodeCursor(query.cursor, 2);
    if (typeof id !== 'number') throw invalid('cursor', 'is not a cursor from this list');
    before = id;
  }
  const rows = await repo.listAudit(ctx, query, query.limit, before);
  return toPage(
    rows,
    query.limit,
    (row) => row.id,
    (row) => String(row.id),
    (row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      changes: row.changes,
    }),
  );
}

/** One record's history, oldest first (at most `limit` entries, the latest ones): for its own page. */
export async function historyOf(
  ctx: Ctx,
  entity: string,
  entityId: string,
  limit = 100,
): Promise<AuditEntry[]> {
  const page = await listAuditLog(ctx, { entity, entityId, limit });
  return page.data.reverse();
}
