import type { AuditLogTable } from '@rapport/db';
import type { Selectable } from 'kysely';
import type { Ctx } from '../shared/context.ts';

export type AuditRow = Selectable<AuditLogTable>;

export function listAudit(
  ctx: Ctx,
  filter: {
    entityId?: string | undefined;
    entity?: string | undefined;
    actor?: string | undefined;
    since?: string | undefined;
  },
  limit: number,
  before: number | null,
): Promise<AuditRow[]> {
  let query = ctx.db.selectFrom('audit_log').selectAll();
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.actor) query = query.where('actor', '=', filter.actor);
  if (filter.since) query = query.where('at', '>=', new Date(filter.since));
  if (before !== null) query = query.where('id', '<', before);
  return query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}
