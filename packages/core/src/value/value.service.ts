import type { CustomerUnit } from '@rapport/db';
import { requireCompany } from '../companies/companies.service.ts';
import { requirePerson } from '../people/people.service.ts';
import { type Ctx, inWorkspace, type SystemCtx, systemActor } from '../shared/context.ts';
import { parseInput } from '../shared/validate.ts';
import { listAllWorkspaces } from '../workspaces/workspaces.service.ts';
import { presentReasons, type StoredReason } from './value.health.ts';
import { queueAfterOrders, queueNow, scheduleNightly } from './value.job.ts';
import { presentFit, recomputeValue } from './value.recompute.ts';
import * as repo from './value.repo.ts';
import {
  type CustomerValue,
  type RecomputeResult,
  type ValueFigures,
  type ValueSettings,
  type ValueSettingsUpdate,
  valueSettingsUpdate,
} from './value.schema.ts';
import { currentSettings } from './value.settings.ts';

export { getValueDashboard } from './value.dashboard.ts';
export { RECOMPUTE_JOB, valueJobTypes } from './value.job.ts';
export {
  hasValueFilter,
  isValueSort,
  pageByValue,
  pageWithValue,
  valueBriefs,
  valueMatchingIds,
} from './value.list.ts';

/** Health history points (change points) a customer's page shows, the latest. */
const HISTORY_POINTS = 365;

export function getValueSettings(ctx: Ctx): Promise<ValueSettings> {
  return currentSettings(ctx);
}

/** Changes the settings (admins) and queues a recompute with them. */
export async function updateValueSettings(ctx: Ctx, input: ValueSettingsUpdate): Promise<ValueSettings> {
  const patch = parseInput(valueSettingsUpdate, input);
  const current = await currentSettings(ctx);
  const next = { ...current, ...patch };
  await repo.saveSettings(ctx, {
    workspace_id: ctx.workspaceId,
    customer_unit: next.customerUnit,
    model: next.model,
    horizon_weeks: next.horizonWeeks,
    annual_discount_rate: next.annualDiscountRate,
    margin: next.margin,
    currency: next.currency,
    updated_at: ctx.clock.now(),
  });
  await queueNow(ctx);
  return currentSettings(ctx);
}

/** Recomputes every customer's figures now, in the caller's transaction, and answers the fit. */
export async function recomputeValueNow(ctx: Ctx): Promise<RecomputeResult> {
  const result = await recomputeValue(
    (fn) => fn(ctx),
    await currentSettings(ctx),
    ctx.clock.now(),
    'on demand',
  );
  await scheduleNightly(ctx);
  return result;
}

/** In the transaction of an order write (create, import, refund, tracking): a recompute soon. */
export function queueValueRecompute(ctx: Ctx): Promise<void> {
  return queueAfterOrders(ctx);
}

/**
 * Schedules the nightly recompute of every workspace (or of these) where none is pending: at
 * `rapport serve` start. One per workspace and day.
 */
export async function scheduleValueNightly(sys: SystemCtx, workspaceIds?: string[]): Promise<number> {
  const ids = workspaceIds ?? (await listAllWorkspaces(sys)).map((w) => w.id);
  for (const id of ids) await inWorkspace(sys.db, id, systemActor, scheduleNightly, sys.clock);
  return ids.length;
}

function presentFigures(row: repo.FigureRow): ValueFigures {
  return {
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    rfm: {
      r: row.r_score,
      f: row.f_score,
      m: row.m_score,
      recencyDays: row.recency_days,
      frequency: row.frequency,
      monetaryMinor: Number(row.monetary_minor),
    },
    x: row.x,
    tx: row.t_x,
    T: row.t_cal,
    firstOrderAt: row.first_order_at,
    lastOrderAt: row.last_order_at,
    repeatSpendMinor: row.repeat_spend_minor === null ? null : Number(row.repeat_spend_minor),
    pAlive: row.p_alive,
    expectedPurchases90: row.expected_90,
    expectedPurchases365: row.expected_365,
    expectedSpendMinor: Number(row.expected_spend_minor),
    clvMinor: Number(row.clv_minor),
    currency: row.currency,
    churnRisk: row.churn_risk,
    churnBand: row.churn_band,
    health: row.health,
    healthBand: row.health_band,
    healthReasons: presentReasons(row.health_reasons as StoredReason[]),
    computedAt: row.computed_at.toISOString(),
  };
}

async function answerFor(ctx: Ctx, unit: CustomerUnit, id: string): Promise<CustomerValue> {
  const row = await repo.findFigures(ctx, unit, id);
  const history = await repo.historyOf(ctx, unit, id, HISTORY_POINTS);
  const fit = await repo.findFit(ctx, row?.fit_id);
  return {
    figures: row ? presentFigures(row) : null,
    healthHistory: history.reverse().map((h) => ({
      day: h.day,
      health: h.health,
      healthBand: h.health_band,
      pAlive: h.p_alive,
      clvMinor: Number(h.clv_minor),
    })),
    fit: fit ? presentFit(fit) : null,
  };
}

/** A person's figures, RFM, health with its reasons, health history and the fit used. */
export async function personValue(ctx: Ctx, personId: string): Promise<CustomerValue> {
  await requirePerson(ctx, personId);
  return answerFor(ctx, 'person', personId);
}

/** As personValue, for a company (figures exist when the workspace's customers are companies). */
export async function companyValue(ctx: Ctx, companyId: string): Promise<CustomerValue> {
  await requireCompany(ctx, companyId);
  return answerFor(ctx, 'company', companyId);
}
