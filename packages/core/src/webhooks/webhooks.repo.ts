import type { WebhookDeliveriesTable, WebhookMessagesTable, WebhooksTable } from '@rapport/db';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { afterCursor } from '../shared/paging.ts';

export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable> & { event_type: string };

export function insertWebhook(ctx: Ctx, row: Insertable<WebhooksTable>): Promise<WebhookRow> {
  return ctx.db.insertInto('webhooks').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listWebhooks(ctx: Ctx): Promise<WebhookRow[]> {
  return ctx.db.selectFrom('webhooks').selectAll().orderBy('id').execute();
}

export function findWebhook(ctx: Ctx, id: string): Promise<WebhookRow | undefined> {
  return ctx.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateWebhook(
  ctx: Ctx,
  id: string,
  set: Updateable<WebhooksTable>,
): Promise<WebhookRow | undefined> {
  return ctx.db.updateTable('webhooks').set(set).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteWebhook(ctx: Ctx, id: string): Promise<boolean> {
  const result = await ctx.db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The enabled subscriptions of this workspace, with what each listens to. */
export function enabledSubscriptions(ctx: Ctx): Promise<{ id: string; event_types: string[] }[]> {
  return ctx.db.selectFrom('webhooks').select(['id', 'event_types']).where('enabled', '=', true).execute();
}

export async function insertMessages(ctx: Ctx, rows: Insertable<WebhookMessagesTable>[]): Promise<void> {
  if (rows.length) await ctx.db.insertInto('webhook_messages').values(rows).execute();
}

export async function insertDeliveries(ctx: Ctx, rows: Insertable<WebhookDeliveriesTable>[]): Promise<void> {
  if (rows.length) await ctx.db.insertInto('webhook_deliveries').values(rows).execute();
}

/** Deliveries (`d`) with their message (`m`). */
function withMessage(ctx: Ctx) {
  return ctx.db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_messages as m', (join) =>
      join.onRef('m.workspace_id', '=', 'd.workspace_id').onRef('m.id', '=', 'd.message_id'),
    );
}

/** What one delivery attempt needs: the message, the subscription's URL, secret and state. */
export function findForSending(ctx: Ctx, deliveryId: string) {
  return withMessage(ctx)
    .innerJoin('webhooks as w', (join) =>
      join.onRef('w.workspace_id', '=', 'd.workspace_id').onRef('w.id', '=', 'd.webhook_id'),
    )
    .select(['d.id', 'd.status', 'd.message_id', 'm.body', 'w.url', 'w.secret', 'w.enabled'])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

export async function updateDelivery(
  ctx: Ctx,
  id: string,
  set: Updateable<WebhookDeliveriesTable>,
): Promise<void> {
  await ctx.db.updateTable('webhook_deliveries').set(set).where('id', '=', id).execute();
}

function deliveries(ctx: Ctx) {
  return withMessage(ctx).selectAll('d').select('m.event_type');
}

export function findDelivery(ctx: Ctx, webhookId: string, id: string): Promise<DeliveryRow | undefined> {
  return deliveries(ctx).where('d.webhook_id', '=', webhookId).where('d.id', '=', id).executeTakeFirst();
}

/** A subscription's deliveries, newest first (ids sort by creation), `limit + 1` of them. */
export function listDeliveries(
  ctx: Ctx,
  webhookId: string,
  filter: { status?: string | undefined },
  limit: number,
  cursor: unknown[] | null,
): Promise<DeliveryRow[]> {
  return deliveries(ctx)
    .where('d.webhook_id', '=', webhookId)
    .$if(filter.status !== undefined, (qb) => qb.where('d.status', '=', filter.status as never))
    .$if(cursor !== null, (qb) => qb.where(afterCursor('d.id', 'desc', cursor!, 'd.id')))
    .orderBy('d.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Deliveries of a disabled subscription that have not been sent yet stop here. */
export async function cancelPending(ctx: Ctx, webhookId: string, error: string): Promise<void> {
  await ctx.db
    .updateTable('webhook_deliveries')
    .set({ status: 'cancelled', error, next_attempt_at: null })
    .where('webhook_id', '=', webhookId)
    .where('status', 'in', ['pending', 'retrying'])
    .execute();
}
