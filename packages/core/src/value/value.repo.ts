import type { CustomerUnit, CustomerValuesTable, ValueFitsTable, ValueSettingsTable } from '@rapport/db';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

export type SettingsRow = Selectable<ValueSettingsTable>;
export type FigureRow = Selectable<CustomerValuesTable>;
export type FitRow = Selectable<ValueFitsTable>;

export function findSettings(ctx: Ctx): Promise<SettingsRow | undefined> {
  return ctx.db.selectFrom('value_settings').selectAll().executeTakeFirst();
}

export async function saveSettings(ctx: Ctx, row: Insertable<ValueSettingsTable>): Promise<void> {
  const { workspace_id: _, id: __, ...set } = row;
  await ctx.db
    .insertInto('value_settings')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'id']).doUpdateSet(set))
    .execute();
}

/** Columns of customer_values written by the recompute, with their array types for unnest. */
export const FIGURE_COLUMNS = [
  ['subject_id', 'text'],
  ['recency_days', 'int4'],
  ['frequency', 'int4'],
  ['monetary_minor', 'int8'],
  ['r_score', 'int2'],
  ['f_score', 'int2'],
  ['m_score', 'int2'],
  ['x', 'int4'],
  ['t_x', 'float4'],
  ['t_cal', 'float4'],
  ['first_order_at', 'date'],
  ['last_order_at', 'date'],
  ['repeat_spend_minor', 'int8'],
  ['p_alive', 'float4'],
  ['expected_90', 'float4'],
  ['expected_365', 'float4'],
  ['expected_spend_minor', 'int8'],
  ['clv_minor', 'int8'],
  ['churn_risk', 'float4'],
  ['churn_band', 'text'],
  ['health', 'int2'],
  ['health_band', 'text'],
  ['health_reasons', 'jsonb'],
] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number][0];

/**
 * Upserts one batch of figures: one array per column, expanded by unnest (a single statement per
 * batch; COPY is refused under row-level security). History gets the day's point in the same go.
 */
export async function upsertFigures(
  ctx: Ctx,
  unit: CustomerUnit,
  columns: Record<FigureColumn, unknown[]>,
  common: { currency: string; fitId: string; computedAt: Date; day: string },
): Promise<void> {
  const names = FIGURE_COLUMNS.map(([name]) => sql.ref(name));
  const arrays = FIGURE_COLUMNS.map(([name, type]) => sql`${columns[name]}::${sql.raw(type)}[]`);
  const updates = sql.join(
    [...FIGURE_COLUMNS.slice(1).map(([name]) => name), 'currency', 'fit_id', 'computed_at'].map(
      (name) => sql`${sql.ref(name)} = excluded.${sql.ref(name)}`,
    ),
  );
  await sql`
    insert into customer_values (workspace_id, subject_type, ${sql.join(names)}, currency, fit_id, computed_at)
    select ${ctx.workspaceId}, ${unit}, u.*, ${common.currency}, ${common.fitId}, ${common.computedAt}
    from unnest(${sql.join(arrays)}) as u
    on conflict (workspace_id, subject_type, subject_id) do update set ${updates}`.execute(ctx.db);
  await sql`
    insert into health_history (workspace_id, subject_type, subject_id, day, health, health_band, p_alive, clv_minor)
    select ${ctx.workspaceId}, ${unit}, u.id, ${common.day}::date, u.health, u.band, u.alive, u.clv
    from unnest(${columns.subject_id}::text[], ${columns.health}::int2[], ${columns.health_band}::text[],
      ${columns.p_alive}::float4[], ${columns.clv_minor}::int8[]) as u (id, health, band, alive, clv)
    on conflict (workspace_id, subject_type, subject_id, day) do update set
      health = excluded.health, health_band = excluded.health_band, p_alive = excluded.p_alive,
      clv_minor = excluded.clv_minor`.execute(ctx.db);
}

/** Figures the last recompute did not write (no counted order any more, or another unit). */
export async function deleteStale(ctx: Ctx, unit: CustomerUnit, fitId: string): Promise<void> {
  await ctx.db
    .deleteFrom('customer_values')
    .where((eb) => eb.or([eb('subject_type', '<>', unit), eb('fit_id', '<>', fitId)]))
    .execute();
}

export async function insertFit(ctx: Ctx, row: Insertable<ValueFitsTable>): Promise<void> {
  await ctx.db.insertInto('value_fits').values(row).execute();
}

export function findFit(ctx: Ctx, id?: string): Promise<FitRow | undefined> {
  let query = ctx.db.selectFrom('value_fits').selectAll();
  if (id) query = query.where('id', '=', id);
  return query.orderBy('computed_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export function findFigures(ctx: Ctx, unit: CustomerUnit, id: string): Promise<FigureRow | undefined> {
  return ctx.db
    .selectFrom('customer_values')
    .selectAll()
    .where('subject_type', '=', unit)
    .where('subject_id', '=', id)
    .executeTakeFirst();
}

export function briefs(ctx: Ctx, unit: CustomerUnit, ids: string[]) {
  return ctx.db
    .selectFrom('customer_values')
    .select([
      'subject_id',
      'clv_minor',
      'currency',
      'health',
      'health_band',
      'p_alive',
      'churn_risk',
      'churn_band',
    ])
    .where('subject_type', '=', unit)
    .where('subject_id', 'in', ids.length ? ids : [''])
    .execute();
}

export function historyOf(ctx: Ctx, unit: CustomerUnit, id: string, limit: number) {
  return ctx.db
    .selectFrom('health_history')
    .select(['day', 'health', 'health_band', 'p_alive', 'clv_minor'])
    .where('subject_type', '=', unit)
    .where('subject_id', '=', id)
    .orderBy('day', 'desc')
    .limit(limit)
    .execute();
}
