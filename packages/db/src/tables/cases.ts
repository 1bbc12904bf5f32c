import type { Defaulted, Json, Timestamp } from './columns.ts';

// Cases with SLAs (calendars, policies, settings, root causes, compensation) and the promise ledger.

export type ServiceTier = 'standard' | 'gold' | 'platinum';
export type CaseSeverity = 'low' | 'normal' | 'high' | 'urgent';
export type CaseStatus =
  | 'new'
  | 'acknowledged'
  | 'in_progress'
  | 'waiting_on_customer'
  | 'resolved'
  | 'closed';
export type PromiseStatus = 'open' | 'kept' | 'broken' | 'renegotiated';

export interface BusinessCalendarsTable {
  id: string;
  workspace_id: string;
  name: string;
  time_zone: string;
  /** { mon: [{ from: '09:00', to: '17:00' }], … } as the service checked it. */
  hours: Json<Record<string, { from: string; to: string }[]>>;
  holidays: Json<{ date: string; name: string | null }[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SlaPoliciesTable {
  id: string;
  workspace_id: string;
  name: string;
  severity: CaseSeverity;
  tier: ServiceTier | null;
  calendar_id: string;
  acknowledge_minutes: number;
  resolve_minutes: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RootCausesTable {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  archived_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CompensationLimitsTable {
  id: string;
  workspace_id: string;
  role: 'admin' | 'manager' | 'agent';
  currency: string;
  max_amount_minor: number;
  updated_at: Timestamp;
}

export interface CaseSettingsTable {
  id: Defaulted<string>;
  workspace_id: string;
  csat_survey_id: string | null;
  warn_percent: Defaulted<number>;
  promise_reminder_minutes: Defaulted<number>;
  status_link_days: Defaulted<number>;
  updated_at: Timestamp;
}

export interface CasesTable {
  id: string;
  workspace_id: string;
  type: 'complaint' | 'issue' | 'question' | 'request';
  category: string | null;
  severity: CaseSeverity;
  subject: string;
  description: string | null;
  status: Defaulted<CaseStatus>;
  person_id: string | null;
  company_id: string | null;
  owner_id: string | null;
  team: string | null;
  tier: ServiceTier;
  source_type: 'interaction' | 'survey_response' | 'review' | null;
  source_id: string | null;
  sla_policy_id: string | null;
  opened_at: Timestamp;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  acknowledge_due_at: Date | null;
  resolve_due_at: Date | null;
  acknowledge_warn_at: Date | null;
  resolve_warn_at: Date | null;
  sla_paused_at: Date | null;
  acknowledge_warned_at: Date | null;
  acknowledge_breached_at: Date | null;
  resolve_warned_at: Date | null;
  resolve_breached_at: Date | null;
  root_cause_id: string | null;
  resolution: string | null;
  csat_invitation_id: string | null;
  status_token_hash: string | null;
  status_link_revoked_at: Date | null;
  reopened_count: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseEventsTable {
  id: string;
  workspace_id: string;
  case_id: string;
  type: 'opened' | 'status_changed' | 'sla_warning' | 'sla_breached' | 'compensation';
  from_status: string | null;
  to_status: string | null;
  detail: Json<Record<string, unknown>>;
  person_id: string | null;
  company_id: string | null;
  actor: string;
  at: Timestamp;
}

export interface CaseCompensationsTable {
  id: string;
  workspace_id: string;
  case_id: string;
  kind: 'refund' | 'credit' | 'voucher' | 'gift' | 'discount' | 'other';
  amount_minor: number;
  currency: string;
  reason: string | null;
  status: 'approved' | 'pending' | 'rejected';
  requested_by: string;
  requested_role: string;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Timestamp;
}

export interface PromisesTable {
  id: string;
  workspace_id: string;
  what: string;
  person_id: string | null;
  company_id: string | null;
  owner_id: string | null;
  team: string | null;
  interaction_id: string | null;
  case_id: string | null;
  due_at: Timestamp;
  original_due_at: Timestamp;
  status: Defaulted<PromiseStatus>;
  kept_at: Date | null;
  broken_at: Date | null;
  reminded_at: Date | null;
  renegotiations: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PromiseEventsTable {
  id: string;
  workspace_id: string;
  promise_id: string;
  type: 'made' | 'renegotiated' | 'reminded' | 'kept' | 'broken';
  from_due_at: Date | null;
  to_due_at: Date | null;
  reason: string | null;
  told_customer: boolean | null;
  person_id: string | null;
  company_id: string | null;
  actor: string;
  at: Timestamp;
}
