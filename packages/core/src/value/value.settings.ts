import type { Ctx } from '../shared/context.ts';
import * as repo from './value.repo.ts';
import type { ValueSettings } from './value.schema.ts';

export const DEFAULT_SETTINGS: ValueSettings = {
  customerUnit: 'person',
  model: 'bgnbd',
  horizonWeeks: 52,
  annualDiscountRate: 0.1,
  margin: null,
  currency: null,
  updatedAt: null,
};

/** The workspace's value settings (the defaults until an admin changes them). */
export async function currentSettings(ctx: Ctx): Promise<ValueSettings> {
  const row = await repo.findSettings(ctx);
  if (!row) return DEFAULT_SETTINGS;
  return {
    customerUnit: row.customer_unit,
    model: row.model,
    horizonWeeks: row.horizon_weeks,
    annualDiscountRate: Math.round(row.annual_discount_rate * 1e6) / 1e6,
    margin: row.margin === null ? null : Math.round(row.margin * 1e6) / 1e6,
    currency: row.currency,
    updatedAt: row.updated_at.toISOString(),
  };
}
