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

/**
 * The recompute's figures of one customer as COPY fills the transaction's temporary table
 * `value_figures` (COPY is refused on tables under row-level security, not on a temporary table):
 * what only Node knows; days as numbers since 1970-01-01.
 */
export const FIGURE_COLUMNS = [
  ['subject_id', 'text'],
  ['x', 'int4'],
  ['first_day', 'int4'],
  ['last_day', 'int4'],
  ['monetary_minor', 'int8'],
  ['r_score', 'int2'],
  ['f_score', 'int2'],
  ['m_score', 'int2'],
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
  ['health_reasons', 'json'],
] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number][0];
const FIGURES = 'value_figures';

/** customer_values' columns from the temporary table's (`$now`: the day of the recompute). */
const STORED: [string, string][] = [
  ['subject_id', 'subject_id'],
  ['recency_days', '$now - last_day'],
  ['frequency', 'x + 1'],
  ['monetary_minor', 'monetary_minor'],
  ['r_score', 'r_score'],
  ['f_score', 'f_score'],
  ['m_score', 'm_score'],
  ['x', 'x'],
  ['t_x', '(last_day - first_day)::float8 / 7'],
  ['t_cal', '($now - first_day)::float8 / 7'],
  ['first_order_at', "date '1970-01-01' + first_day"],
  ['last_order_at', "date '1970-01-01' + last_day"],
  ['repeat_spend_minor', 'repeat_spend_minor'],
  ['p_alive', 'p_alive'],
  ['expected_90', 'expected_90'],
  ['expected_365', 'expected_365'],
  ['expected_spend_minor', 'expected_spend_minor'],
  ['clv_minor', 'clv_minor'],
  ['churn_risk', 'churn_risk'],
  ['churn_band', 'churn_band'],
  ['health', 'health'],
  ['health_band', 'health_band'],
  ['health_reasons', 'health_reasons'],
];

/** Fills the transaction's temporary table of figures from CSV lines (made while PostgreSQL reads). */
export async function copyFigures(ctx: Ctx, csv: Iterable<string>): Promise<void> {
  await sql`drop table if exists pg_temp.${sql.raw(FIGURES)}`.execute(ctx.db);
  await sql`create temporary table ${sql.raw(FIGURES)} (${sql.raw(
    FIGURE_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', '),
  )}) on commit drop`.execute(ctx.db);
  await ctx.tx.copyCsv(
    FIGURES,
    FIGURE_COLUMNS.map(([name]) => name),
    csv,
  );
}

/**
 * A customer's health history gets a point when their figures moved from the last point written:
 * health by a point or more, P(alive) by this much, or CLV by this share of it (and at least this
 * many minor units). Small daily drifts accumulate until they cross a threshold.
 */
export const HISTORY_MOVE = { pAlive: 0.01, clvShare: 0.01, clvMinor: 100 };
const ROWS = 'value_rows';

/**
 * Before the figures are replaced: each customer's new figures with their last history point
 * (customer_values' history columns) and whether they moved from it, into the temporary table
 * `value_rows` that both writes read (one join, instead of one in each).
 */
export async function compareWithHistory(ctx: Ctx, unit: CustomerUnit): Promise<void> {
  // Literals, not parameters: CREATE TABLE … AS takes none (the unit is one of two words).
  await sql`drop table if exists pg_temp.${sql.raw(ROWS)}`.execute(ctx.db);
  await sql`
    create temporary table ${sql.raw(ROWS)} on commit drop as
    select f.*,
      v.history_health is null or f.health <> v.history_health
        or abs(f.p_alive - v.history_p_alive) >= ${sql.lit(HISTORY_MOVE.pAlive)}
        or abs(f.clv_minor - v.history_clv_minor)
          >= greatest(${sql.lit(HISTORY_MOVE.clvMinor)}, ${sql.lit(HISTORY_MOVE.clvShare)} * abs(v.history_clv_minor)) as moved,
      v.history_health, v.history_p_alive, v.history_clv_minor
    from ${sql.raw(FIGURES)} f
    left join customer_values v on v.subject_type = ${sql.lit(unit)} and v.subject_id = f.subject_id`.execute(
    ctx.db,
  );
  await sql`drop table ${sql.raw(FIGURES)}`.execute(ctx.db);
}

/**
 * Replaces the workspace's figures with the temporary table's: one DELETE of every customer's
 * row (either unit: those without counted orders any more go too) and one INSERT. Cheaper than
 * an upsert of each row (no conflict check, no row lock; about a third less work and WAL in
 * PostgreSQL); in one transaction, so readers see the old figures until it commits. The history
 * columns become the new figures where they moved (a point is written), else stay.
 */
export async function replaceFigures(
  ctx: Ctx,
  unit: CustomerUnit,
  common: { currency: string; fitId: string; computedAt: Date; nowDay: number },
): Promise<void> {
  const values = STORED.map(([, value]) => value.replaceAll('$now', String(Math.trunc(common.nowDay))));
  const kept = (column: string) => sql.raw(`case when moved then ${column} else history_${column} end`);
  await clearFigures(ctx);
  await sql`
    insert into customer_values (workspace_id, subject_type, ${sql.raw(STORED.map(([name]) => name).join(', '))},
      currency, fit_id, computed_at, history_health, history_p_alive, history_clv_minor)
    select ${ctx.workspaceId}, ${unit}, ${sql.raw(values.join(', '))}, ${common.currency}, ${common.fitId},
      ${common.computedAt}, ${kept('health')}, ${kept('p_alive')}, ${kept('clv_minor')}
    from ${sql.raw(ROWS)}`.execute(ctx.db);
}

/** Deletes every figure of the workspace (a recompute without any counted order). */
export async function clearFigures(ctx: Ctx): Promise<void> {
  await ctx.db.deleteFrom('customer_values').execute();
}

/**
 * The day's health history: a point for each customer whose figures moved (replacing one of an
 * earlier run that day), and the unit's totals of the day for the dashboard.
 */
export async function writeHistory(ctx: Ctx, unit: CustomerUnit, day: string): Promise<void> {
  await sql`
    insert into health_history (workspace_id, subject_type, subject_id, day, health, health_band, p_alive, clv_minor)
    select ${ctx.workspaceId}, ${unit}, subject_id, ${day}::date, health, health_band, p_alive, clv_minor
    from ${sql.raw(ROWS)} where moved
    on conflict (workspace_id, subject_type, subject_id, day) do update set health = excluded.health,
      health_band = excluded.health_band, p_alive = excluded.p_alive, clv_minor = excluded.clv_minor`.execute(
    ctx.db,
  );
  await sql`
    insert into health_daily (workspace_id, subject_type, day, customers, health_sum, good, fair)
    select ${ctx.workspaceId}, ${unit}, ${day}::date, count(*), coalesce(sum(health), 0),
      count(*) filter (where health_band = 'good'), count(*) filter (where health_band = 'fair')
    from ${sql.raw(ROWS)}
    on conflict (workspace_id, subject_type, day) do update set customers = excluded.customers,
      health_sum = excluded.health_sum, good = excluded.good, fair = excluded.fair`.execute(ctx.db);
}

/** The currency of the unit's latest fit, if any: the first guess of the most used one. */
export async function lastCurrency(ctx: Ctx, unit: CustomerUnit): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('value_fits')
    .select('currency')
    .where('customer_unit', '=', unit)
    .where('currency', 'is not', null)
    .orderBy('computed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.currency ?? null;
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
