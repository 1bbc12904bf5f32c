-- Import runs (with their row-level error report) and the audit log.

CREATE TABLE imports (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('people', 'companies', 'orders', 'interactions')),
  file_name text,
  dry_run boolean NOT NULL,
  total_rows integer NOT NULL DEFAULT 0,
  created_count integer NOT NULL DEFAULT 0,
  updated_count integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  rejected_count integer NOT NULL DEFAULT 0,
  mapping jsonb NOT NULL DEFAULT '{}',
  errors jsonb NOT NULL DEFAULT '[]',
  error_csv text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX imports_created_idx ON imports (workspace_id, created_at DESC);

-- Append-only: the application role may insert and read, never update or delete.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY,
  workspace_id text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  entity text NOT NULL,
  entity_id text NOT NULL,
  changes jsonb,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX audit_log_entity_idx ON audit_log (workspace_id, entity_id, id DESC);
CREATE INDEX audit_log_at_idx ON audit_log (workspace_id, at DESC);

-- One statement-level trigger per table and operation writes the audit rows in one set-based
-- INSERT, so bulk imports pay one extra insert, not one function call per row.
-- create: no payload (the row is its own state); update: {column: [old, new]} for changed
-- columns; delete: the whole old row.
CREATE FUNCTION rapport_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  who text := coalesce(nullif(current_setting('rapport.actor', true), ''), 'system');
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
      SELECT jsonb_object_agg(e.key, jsonb_build_array(to_jsonb(o) -> e.key, e.value)) AS changes
      FROM jsonb_each(to_jsonb(n) - 'updated_at' - 'last_used_at' - 'search' - 'sort_name') AS e
      WHERE (to_jsonb(o) -> e.key) IS DISTINCT FROM e.value
    ) d
    WHERE d.changes IS NOT NULL;
  ELSE
    INSERT INTO audit_log (workspace_id, actor, action, entity, entity_id, changes)
    SELECT o.workspace_id, who, 'delete', TG_TABLE_NAME, o.id, to_jsonb(o) - 'search' - 'sort_name' FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['custom_field_defs', 'companies', 'people', 'memberships', 'interactions',
                           'products', 'orders', 'notes', 'tasks', 'api_keys']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit()', t || '_audit_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit()', t || '_audit_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit()', t || '_audit_delete', t);
  END LOOP;
END $$;
