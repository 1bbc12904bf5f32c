-- Customer value (issue 6): a workspace's value settings, the current figures of each customer
-- (RFM, BG/NBD or Pareto/NBD, Gamma-Gamma, discounted CLV, churn risk, health), the history of
-- model fits and a daily history of health. Figures are derived data written only by the
-- value.recompute job: no audit trigger on them (the orders they come from are audited).

-- One row per workspace (absent: the defaults). Changed by admins, so audited.
CREATE TABLE value_settings (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id text NOT NULL DEFAULT 'value_settings' CHECK (id = 'value_settings'),
  -- Who a customer is: a person (B2C) or a company (B2B).
  customer_unit text NOT NULL DEFAULT 'person' CHECK (customer_unit IN ('person', 'company')),
  model text NOT NULL DEFAULT 'bgnbd' CHECK (model IN ('bgnbd', 'paretoNbd')),
  horizon_weeks integer NOT NULL DEFAULT 52 CHECK (horizon_weeks BETWEEN 1 AND 520),
  annual_discount_rate real NOT NULL DEFAULT 0.1 CHECK (annual_discount_rate BETWEEN 0 AND 1),
  -- Share of revenue that is profit (CLV is then a profit CLV); null: CLV is revenue.
  margin real CHECK (margin > 0 AND margin <= 1),
  -- Only orders in this currency count; null: the workspace's most used order currency.
  currency text CHECK (currency ~ '^[A-Z]{3}$'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);

-- The current figures: one row per customer with at least one paid or fulfilled order in the
-- workspace currency. subject is a person or a company (no foreign key: derived data, replaced
-- whole by each recompute; rows of customers without such orders any more are deleted).
CREATE TABLE customer_values (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  subject_type text NOT NULL CHECK (subject_type IN ('person', 'company')),
  subject_id text NOT NULL,
  -- RFM: raw values (days since the last purchase, purchase days, spend to date) and quintiles 1–5.
  recency_days integer NOT NULL,
  frequency integer NOT NULL,
  monetary_minor bigint NOT NULL,
  r_score smallint NOT NULL CHECK (r_score BETWEEN 1 AND 5),
  f_score smallint NOT NULL CHECK (f_score BETWEEN 1 AND 5),
  m_score smallint NOT NULL CHECK (m_score BETWEEN 1 AND 5),
  -- The model's summary in weeks: repeat purchases, time of the last one since the first, age.
  x integer NOT NULL,
  t_x real NOT NULL,
  t_cal real NOT NULL,
  first_order_at date NOT NULL,
  last_order_at date NOT NULL,
  -- Mean value of repeat purchases (zero-amount ones excluded), minor units; null without any.
  repeat_spend_minor bigint,
  p_alive real NOT NULL CHECK (p_alive BETWEEN 0 AND 1),
  expected_90 real NOT NULL,
  expected_365 real NOT NULL,
  expected_spend_minor bigint NOT NULL,
  clv_minor bigint NOT NULL,
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  churn_risk real NOT NULL CHECK (churn_risk BETWEEN 0 AND 1),
  churn_band text NOT NULL CHECK (churn_band IN ('low', 'medium', 'high')),
  health smallint NOT NULL CHECK (health BETWEEN 0 AND 100),
  health_band text NOT NULL CHECK (health_band IN ('good', 'fair', 'poor')),
  -- [{ component, weight, score, reason }]: what the health score is made of, in plain words.
  health_reasons jsonb NOT NULL,
  fit_id text NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, subject_type, subject_id)
);
-- Lists sort and filter on the figures (keyset pages on (figure, id)).
CREATE INDEX customer_values_clv_idx ON customer_values (workspace_id, subject_type, clv_minor, subject_id);
CREATE INDEX customer_values_health_idx ON customer_values (workspace_id, subject_type, health, subject_id);
CREATE INDEX customer_values_alive_idx ON customer_values (workspace_id, subject_type, p_alive, subject_id);
CREATE INDEX customer_values_churn_idx ON customer_values (workspace_id, subject_type, churn_risk, subject_id);

-- Every fit, kept as history: parameters, log-likelihood, warnings, and what the dashboard reads
-- (calibration/holdout tracking, cohort retention, repeat-purchase rate), computed by the job.
CREATE TABLE value_fits (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  customer_unit text NOT NULL CHECK (customer_unit IN ('person', 'company')),
  model text NOT NULL CHECK (model IN ('bgnbd', 'paretoNbd')),
  currency text CHECK (currency ~ '^[A-Z]{3}$'),
  -- { model: {...}, gammaGamma: {...} } and their log-likelihoods.
  params jsonb NOT NULL,
  log_likelihood double precision,
  warnings jsonb NOT NULL DEFAULT '[]',
  customers integer NOT NULL,
  -- The settings it ran with, the trigger, timings, and the dashboard's precomputed series.
  settings jsonb NOT NULL,
  tracking jsonb,
  cohorts jsonb,
  repeat_rate jsonb,
  duration_ms integer NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX value_fits_computed_idx ON value_fits (workspace_id, computed_at DESC, id DESC);

-- How health moves: one row per customer per day the figures were computed (the day's last run).
CREATE TABLE health_history (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  subject_type text NOT NULL CHECK (subject_type IN ('person', 'company')),
  subject_id text NOT NULL,
  day date NOT NULL,
  health smallint NOT NULL CHECK (health BETWEEN 0 AND 100),
  health_band text NOT NULL CHECK (health_band IN ('good', 'fair', 'poor')),
  p_alive real NOT NULL,
  clv_minor bigint NOT NULL,
  PRIMARY KEY (workspace_id, subject_type, subject_id, day)
);
CREATE INDEX health_history_day_idx ON health_history (workspace_id, subject_type, day);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['value_settings', 'customer_values', 'value_fits', 'health_history']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY workspace_isolation ON %I
                    USING (workspace_id = current_setting(''rapport.workspace_id'', true))
                    WITH CHECK (workspace_id = current_setting(''rapport.workspace_id'', true))', t);
  END LOOP;
END $$;

CREATE TRIGGER value_settings_audit_insert AFTER INSERT ON value_settings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit();
CREATE TRIGGER value_settings_audit_update AFTER UPDATE ON value_settings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit();

GRANT SELECT, INSERT, UPDATE ON value_settings TO rapport_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON customer_values, health_history TO rapport_app;
GRANT SELECT, INSERT ON value_fits TO rapport_app;
