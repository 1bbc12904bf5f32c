import type { Ctx } from '../shared/context.ts';

export interface StoredResponse {
  request_hash: string;
  status: number;
  response: unknown;
}

export function findKey(ctx: Ctx, principal: string, key: string): Promise<StoredResponse | undefined> {
  return ctx.db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status', 'response'])
    .where('principal', '=', principal)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function insertKey(
  ctx: Ctx,
  row: {
    principal: string;
    key: string;
    method: string;
    path: string;
    request_hash: string;
    status: number;
    response: unknown;
  },
): Promise<void> {
  await ctx.db
    .insertInto('idempotency_keys')
    .values({
      ...row,
      workspace_id: ctx.workspaceId,
      response: JSON.stringify(row.response),
      created_at: ctx.clock.now(),
    })
    .execute();
}

export async function deleteOlderThan(ctx: Ctx, before: Date): Promise<void> {
  await ctx.db.deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
}
