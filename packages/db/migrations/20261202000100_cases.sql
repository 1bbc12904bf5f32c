-- Cases with SLAs (business calendars, policies per severity and tier), their status history,
-- root causes, compensation with per-role limits and approvals; the promise ledger.

-- A customer's service tier, which picks the SLA policy (standard, gold, platinum).
ALTER TABLE people ADD COLUMN service_tier text NOT NULL DEFAULT 'standard'
  CHECK (service_tier IN ('standard', 'gold', 'platinum'));
ALTER TABLE companies ADD COLUMN service_tier text NOT NULL DEFAULT 'standard'
  CHECK (service_tier IN ('standard', 'gold', 'platinum'));

-- When the team works: an IANA time zone, intervals per weekday, holidays as local dates.
CREATE TABLE business_calendars (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  time_zone text NOT NULL,
  -- {"mon": [{"from": "09:00", "to": "17:00"}], …}, checked by the service (at least one interval).
  hours jsonb NOT NULL,
  -- [{"date": "2026-12-25", "name": "Christmas"}]
  holidays jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id)
);

-- Time to acknowledge and to resolve, in business minutes of a calendar, per severity and tier
-- (tier null: every tier without a policy of its own).
CREATE TABLE sla_policies (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  severity text NOT NULL CHECK (severity IN ('low', 'normal', 'high', 'urgent')),
  tier text CHECK (tier IN ('standard', 'gold', 'platinum')),
  calendar_id text NOT NULL,
  acknowledge_minutes integer NOT NULL CHECK (acknowledge_minutes BETWEEN 1 AND 525600),
  resolve_minutes integer NOT NULL CHECK (resolve_minutes BETWEEN 1 AND 525600),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, calendar_id) REFERENCES business_calendars (workspace_id, id)
);
CREATE UNIQUE INDEX sla_policies_match_idx ON sla_policies (workspace_id, severity, coalesce(tier, '*'));

-- The workspace's root-cause taxonomy.
CREATE TABLE root_causes (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text,
  archived_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX root_causes_name_idx ON root_causes (workspace_id, lower(name));

-- How much compensation a role may grant alone, per currency; above it a manager approves.
CREATE TABLE compensation_limits (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'agent')),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  max_amount_minor bigint NOT NULL CHECK (max_amount_minor >= 0),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, role, currency)
);

-- One row per workspace (id 'cases'): the CSAT survey sent on resolution, when SLA warnings
-- start, how long before its due date a promise reminds its owner, how long a status link
-- keeps working after the case closed.
CREATE TABLE case_settings (
  id text NOT NULL DEFAULT 'cases',
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  csat_survey_id text,
  warn_percent integer NOT NULL DEFAULT 80 CHECK (warn_percent BETWEEN 1 AND 99),
  promise_reminder_minutes integer NOT NULL DEFAULT 1440 CHECK (promise_reminder_minutes BETWEEN 0 AND 43200),
  status_link_days integer NOT NULL DEFAULT 30 CHECK (status_link_days BETWEEN 1 AND 365),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, csat_survey_id) REFERENCES surveys (workspace_id, id) ON DELETE SET NULL (csat_survey_id)
);

CREATE TABLE cases (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('complaint', 'issue', 'question', 'request')),
  category text,
  severity text NOT NULL CHECK (severity IN ('low', 'normal', 'high', 'urgent')),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  description text,
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'acknowledged', 'in_progress', 'waiting_on_customer', 'resolved', 'closed')),
  person_id text,
  company_id text,
  owner_id text,
  team text,
  -- The customer's tier when the case was opened (it chose the policy).
  tier text NOT NULL CHECK (tier IN ('standard', 'gold', 'platinum')),
  -- What the case came from: an interaction, a survey answer or a review (no foreign key: several kinds).
  source_type text CHECK (source_type IN ('interaction', 'survey_response', 'review')),
  source_id text,
  sla_policy_id text,
  opened_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  -- Deadlines from the policy; the resolve deadline moves on by the business time spent waiting on the customer.
  acknowledge_due_at timestamptz,
  resolve_due_at timestamptz,
  acknowledge_warn_at timestamptz,
  resolve_warn_at timestamptz,
  -- Set while waiting on the customer: the resolve clock is paused.
  sla_paused_at timestamptz,
  -- Marks the SLA job (or a late transition) left: warned before a deadline, breached after it.
  acknowledge_warned_at timestamptz,
  acknowledge_breached_at timestamptz,
  resolve_warned_at timestamptz,
  resolve_breached_at timestamptz,
  root_cause_id text,
  resolution text,
  csat_invitation_id text,
  -- The customer's status link: only its hash, like survey links.
  status_token_hash text UNIQUE,
  status_link_revoked_at timestamptz,
  reopened_count integer NOT NULL DEFAULT 0,
  created_by text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id),
  CHECK (person_id IS NOT NULL OR company_id IS NOT NULL),
  CHECK ((source_type IS NULL) = (source_id IS NULL)),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id),
  FOREIGN KEY (workspace_id, owner_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE SET NULL (owner_id),
  FOREIGN KEY (workspace_id, sla_policy_id) REFERENCES sla_policies (workspace_id, id) ON DELETE SET NULL (sla_policy_id),
  FOREIGN KEY (workspace_id, root_cause_id) REFERENCES root_causes (workspace_id, id)
);
CREATE INDEX cases_opened_idx ON cases (workspace_id, opened_at DESC, id DESC);
CREATE INDEX cases_person_idx ON cases (workspace_id, person_id, opened_at DESC) WHERE person_id IS NOT NULL;
CREATE INDEX cases_company_idx ON cases (workspace_id, company_id, opened_at DESC) WHERE company_id IS NOT NULL;
CREATE INDEX cases_owner_idx ON cases (workspace_id, owner_id, opened_at DESC) WHERE owner_id IS NOT NULL;
-- What the SLA job looks at: open cases.
CREATE INDEX cases_open_idx ON cases (workspace_id, resolve_due_at)
  WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX cases_source_idx ON cases (workspace_id, source_type, source_id) WHERE source_id IS NOT NULL;

-- A case's history, append-only: opened, each status change, SLA warnings and breaches,
-- compensation. The customer is copied so that timelines read one table.
CREATE TABLE case_events (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  case_id text NOT NULL,
  type text NOT NULL CHECK (type IN ('opened', 'status_changed', 'sla_warning', 'sla_breached', 'compensation')),
  from_status text,
  to_status text,
  -- acknowledge | resolve for SLA events; the compensation's id and state for compensation.
  detail jsonb NOT NULL DEFAULT '{}',
  person_id text,
  company_id text,
  actor text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id)
);
CREATE INDEX case_events_case_idx ON case_events (workspace_id, case_id, at, id);
CREATE INDEX case_events_person_idx ON case_events (workspace_id, person_id, at DESC, id DESC) WHERE person_id IS NOT NULL;
CREATE INDEX case_events_company_idx ON case_events (workspace_id, company_id, at DESC, id DESC) WHERE company_id IS NOT NULL;

CREATE TABLE case_compensations (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  case_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('refund', 'credit', 'voucher', 'gift', 'discount', 'other')),
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  reason text,
  status text NOT NULL CHECK (status IN ('approved', 'pending', 'rejected')),
  requested_by text NOT NULL,
  requested_role text NOT NULL,
  decided_by text,
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX case_compensations_case_idx ON case_compensations (workspace_id, case_id, created_at);
CREATE INDEX case_compensations_pending_idx ON case_compensations (workspace_id, created_at) WHERE status = 'pending';

-- The promise ledger: what was promised, to whom, by whom, by when; kept, broken or renegotiated.
CREATE TABLE promises (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  what text NOT NULL CHECK (length(what) BETWEEN 1 AND 1000),
  person_id text,
  company_id text,
  owner_id text,
  team text,
  interaction_id text,
  case_id text,
  due_at timestamptz NOT NULL,
  original_due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'broken', 'renegotiated')),
  kept_at timestamptz,
  broken_at timestamptz,
  reminded_at timestamptz,
  renegotiations integer NOT NULL DEFAULT 0,
  created_by text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id),
  CHECK (person_id IS NOT NULL OR company_id IS NOT NULL),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id),
  FOREIGN KEY (workspace_id, owner_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE SET NULL (owner_id),
  FOREIGN KEY (workspace_id, interaction_id) REFERENCES interactions (workspace_id, id),
  FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE SET NULL (case_id)
);
CREATE INDEX promises_created_idx ON promises (workspace_id, created_at DESC, id DESC);
CREATE INDEX promises_due_idx ON promises (workspace_id, due_at) WHERE status IN ('open', 'renegotiated');
CREATE INDEX promises_person_idx ON promises (workspace_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX promises_company_idx ON promises (workspace_id, company_id) WHERE company_id IS NOT NULL;
CREATE INDEX promises_owner_idx ON promises (workspace_id, owner_id, due_at) WHERE owner_id IS NOT NULL;
CREATE INDEX promises_case_idx ON promises (workspace_id, case_id) WHERE case_id IS NOT NULL;

-- A promise's history, append-only: made, renegotiated (new date, reason, told the customer or
-- not), reminded, kept, broken.
CREATE TABLE promise_events (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  promise_id text NOT NULL,
  type text NOT NULL CHECK (type IN ('made', 'renegotiated', 'reminded', 'kept', 'broken')),
  from_due_at timestamptz,
  to_due_at timestamptz,
  reason text,
  told_customer boolean,
  person_id text,
  company_id text,
  actor text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, promise_id) REFERENCES promises (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id)
);
CREATE INDEX promise_events_promise_idx ON promise_events (workspace_id, promise_id, at, id);
CREATE INDEX promise_events_person_idx ON promise_events (workspace_id, person_id, at DESC, id DESC) WHERE person_id IS NOT NULL;
CREATE INDEX promise_events_company_idx ON promise_events (workspace_id, company_id, at DESC, id DESC) WHERE company_id IS NOT NULL;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['business_calendars', 'sla_policies', 'root_causes', 'compensation_limits',
                           'case_settings', 'cases', 'case_events', 'case_compensations', 'promises',
                           'promise_events']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY workspace_isolation ON %I
                    USING (workspace_id = current_setting(''rapport.workspace_id'', true))
                    WITH CHECK (workspace_id = current_setting(''rapport.workspace_id'', true))', t);
  END LOOP;
  -- What people edit is audited; the event tables are the history themselves.
  FOREACH t IN ARRAY ARRAY['business_calendars', 'sla_policies', 'root_causes', 'compensation_limits',
                           'case_settings', 'cases', 'case_compensations', 'promises']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit()', t || '_audit_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit()', t || '_audit_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit()', t || '_audit_delete', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON business_calendars, sla_policies, root_causes, compensation_limits,
  case_settings TO rapport_app;
-- Cases and promises are never deleted through the application (their history is the point).
GRANT SELECT, INSERT, UPDATE ON cases, promises TO rapport_app;
GRANT SELECT, INSERT ON case_compensations TO rapport_app;
GRANT UPDATE (status, decided_by, decided_at, decision_note) ON case_compensations TO rapport_app;
-- The histories are append-only; only their customer moves when records are merged.
GRANT SELECT, INSERT ON case_events, promise_events TO rapport_app;
GRANT UPDATE (person_id, company_id) ON case_events, promise_events TO rapport_app;
