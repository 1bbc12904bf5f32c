-- Health history as change points (issue 6). A recompute used to write every customer's point
-- every day: a million customers made 365 million rows a year, and the nightly insert grew with
-- the table's primary key. Now a point is written only when the customer's health, P(alive) or
-- CLV moved from the last point written (thresholds in packages/core/src/value/value.repo.ts); a
-- customer's value on a day is their latest point on or before it. customer_values keeps the last
-- point written, which the next recompute compares with.
ALTER TABLE customer_values
  ADD COLUMN history_health smallint,
  ADD COLUMN history_p_alive real,
  ADD COLUMN history_clv_minor bigint;
-- Until now every recompute wrote a point of the current figures: they are the last point.
UPDATE customer_values SET history_health = health, history_p_alive = p_alive, history_clv_minor = clv_minor;

-- The dashboard's "health over time" of the whole workspace: one row per unit and recompute day,
-- written by the recompute (a segment's is computed from the change points).
CREATE TABLE health_daily (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  subject_type text NOT NULL CHECK (subject_type IN ('person', 'company')),
  day date NOT NULL,
  customers integer NOT NULL,
  health_sum bigint NOT NULL,
  good integer NOT NULL,
  fair integer NOT NULL,
  PRIMARY KEY (workspace_id, subject_type, day)
);
INSERT INTO health_daily (workspace_id, subject_type, day, customers, health_sum, good, fair)
SELECT workspace_id, subject_type, day, count(*), sum(health),
  count(*) FILTER (WHERE health_band = 'good'), count(*) FILTER (WHERE health_band = 'fair')
FROM health_history GROUP BY workspace_id, subject_type, day;
-- The day index served that grouping; points are now read per customer (the primary key).
DROP INDEX health_history_day_idx;

ALTER TABLE health_daily ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON health_daily
  USING (workspace_id = current_setting('rapport.workspace_id', true))
  WITH CHECK (workspace_id = current_setting('rapport.workspace_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON health_daily TO rapport_app;

-- Churn risk is 1 − P(alive): its sort walks the P(alive) index backwards, so the recompute
-- maintains one index fewer for every customer.
DROP INDEX customer_values_churn_idx;
