-- Durable background jobs and outgoing webhooks.

-- The job queue. A job belongs to a workspace; the application role may only enqueue (in the
-- transaction of the change that caused it, so a rollback enqueues nothing) and read. Workers
-- claim jobs of every workspace as the connecting user (outside row-level security) and do the
-- job's own work in a transaction scoped to the job's workspace.
--   queued  waits for run_at
--   running claimed by locked_by until locked_until (the lease; a live worker extends it)
--   failed  the last attempt failed; runs again at run_at
--   done    finished; deleted after a retention period
--   dead    failed max_attempts times, or its lease expired on the last attempt
CREATE TABLE jobs (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  type text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'failed', 'done', 'dead')),
  -- At most one unfinished job per (workspace, type, key): enqueueing it again is a no-op.
  key text,
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 10 CHECK (max_attempts > 0),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  finished_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);
-- What a worker asks for: due jobs, and running jobs whose lease expired.
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE state IN ('queued', 'failed');
CREATE INDEX jobs_lease_idx ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE state IN ('done', 'dead');
CREATE UNIQUE INDEX jobs_key_idx ON jobs (workspace_id, type, key)
  WHERE key IS NOT NULL AND state IN ('queued', 'running', 'failed');

-- Webhook subscriptions. The secret signs deliveries (Standard Webhooks), so it is kept as is;
-- the API shows it only when it is made.
CREATE TABLE webhooks (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  url text NOT NULL,
  description text,
  event_types text[] NOT NULL,
  secret text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_by text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id)
);

-- One message per event: its id is the webhook-id of every delivery and retry; the body is
-- the exact JSON that is signed and sent.
CREATE TABLE webhook_messages (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  event_type text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id)
);

-- One delivery of a message to a subscription (a replay is a new delivery of the same message).
CREATE TABLE webhook_deliveries (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  webhook_id text NOT NULL,
  message_id text NOT NULL,
  replay_of text,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'retrying', 'succeeded', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  response_status integer,
  latency_ms integer,
  error text,
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, webhook_id) REFERENCES webhooks (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, message_id) REFERENCES webhook_messages (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (workspace_id, webhook_id, id);
CREATE INDEX webhook_deliveries_message_idx ON webhook_deliveries (workspace_id, message_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['jobs', 'webhooks', 'webhook_messages', 'webhook_deliveries']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY workspace_isolation ON %I
                    USING (workspace_id = current_setting(''rapport.workspace_id'', true))
                    WITH CHECK (workspace_id = current_setting(''rapport.workspace_id'', true))', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT ON jobs, webhook_messages TO rapport_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON webhooks, webhook_deliveries TO rapport_app;

-- Subscriptions are audited like other records, but their signing secret must stay out of the
-- log. The audit function now takes, as trigger arguments, the columns whose values it never
-- copies: a change to one is recorded as "(changed)", a deleted row is logged without it.
-- Triggers without arguments (every other table) behave as before.
CREATE OR REPLACE FUNCTION rapport_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  who text := coalesce(nullif(current_setting('rapport.actor', true), ''), 'system');
  hidden text[] := coalesce(TG_ARGV::text[], '{}');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (workspace_id, actor, action, entity, entity_id)
    SELECT n.workspace_id, who, 'create', TG_TABLE_NAME, n.id FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO audit_log (workspace_id, actor, action, entity, entity_id, changes)
    SELECT n.workspace_id, who, 'update', TG_TABLE_NAME, n.id, d.changes
    FROM new_rows n
    JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
    CROSS JOIN LATERAL (
      SELECT jsonb_object_agg(e.key, CASE WHEN e.key = ANY (hidden) THEN to_jsonb('(changed)'::text)
                                          ELSE jsonb_build_array(to_jsonb(o) -> e.key, e.value) END) AS changes
      FROM jsonb_each(to_jsonb(n) - 'updated_at' - 'last_used_at' - 'search' - 'sort_name') AS e
      WHERE (to_jsonb(o) -> e.key) IS DISTINCT FROM e.value
    ) d
    WHERE d.changes IS NOT NULL;
  ELSE
    INSERT INTO audit_log (workspace_id, actor, action, entity, entity_id, changes)
    SELECT o.workspace_id, who, 'delete', TG_TABLE_NAME, o.id, to_jsonb(o) - 'search' - 'sort_name' - hidden
    FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER webhooks_audit_insert AFTER INSERT ON webhooks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit('secret');
CREATE TRIGGER webhooks_audit_update AFTER UPDATE ON webhooks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit('secret');
CREATE TRIGGER webhooks_audit_delete AFTER DELETE ON webhooks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit('secret');
