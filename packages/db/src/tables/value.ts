import type { Defaulted, Json, Timestamp } from './columns.ts';

// Customer value (issue 6): settings, current figures per customer, fits, health history.

export type CustomerUnit = 'person' | 'company';
export type ValueModel = 'bgnbd' | 'paretoNbd';

export interface ValueSettingsTable {
  workspace_id: string;
  id: Defaulted<string>;
  customer_unit: CustomerUnit;
  model: ValueModel;
  horizon_weeks: number;
  annual_discount_rate: number;
  margin: number | null;
  currency: string | null;
  updated_at: Timestamp;
}

export interface CustomerValuesTable {
  workspace_id: string;
  subject_type: CustomerUnit;
  subject_id: string;
  recency_days: number;
  frequency: number;
  monetary_minor: number;
  r_score: number;
  f_score: number;
  m_score: number;
  x: number;
  t_x: number;
  t_cal: number;
  first_order_at: string;
  last_order_at: string;
  repeat_spend_minor: number | null;
  p_alive: number;
  expected_90: number;
  expected_365: number;
  expected_spend_minor: number;
  clv_minor: number;
  currency: string;
  churn_risk: number;
  churn_band: 'low' | 'medium' | 'high';
  health: number;
  health_band: 'good' | 'fair' | 'poor';
  health_reasons: Json<unknown>;
  fit_id: string;
  computed_at: Timestamp;
  /** The last health history point written (what the next recompute compares with). */
  history_health: number | null;
  history_p_alive: number | null;
  history_clv_minor: number | null;
}

export interface ValueFitsTable {
  id: string;
  workspace_id: string;
  customer_unit: CustomerUnit;
  model: ValueModel;
  currency: string | null;
  params: Json<unknown>;
  log_likelihood: number | null;
  warnings: Json<unknown>;
  customers: number;
  settings: Json<unknown>;
  tracking: Json<unknown> | null;
  cohorts: Json<unknown> | null;
  repeat_rate: Json<unknown> | null;
  duration_ms: number;
  computed_at: Timestamp;
}

/** The workspace's health on each recompute day (the dashboard's health over time). */
export interface HealthDailyTable {
  workspace_id: string;
  subject_type: CustomerUnit;
  day: string;
  customers: number;
  health_sum: number;
  good: number;
  fair: number;
}

/** Change points: a customer's health on a day is their latest point on or before it. */
export interface HealthHistoryTable {
  workspace_id: string;
  subject_type: CustomerUnit;
  subject_id: string;
  day: string;
  health: number;
  health_band: 'good' | 'fair' | 'poor';
  p_alive: number;
  clv_minor: number;
}
