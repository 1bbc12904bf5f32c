-- Saved views of the people and companies lists: a name, the list's filters, search and sort
-- (stored as the list's query, checked by the list's own schema when saved), the user who
-- made it, and whether only that user sees it (private) or the whole workspace (shared).
CREATE TABLE saved_views (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('people', 'companies')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  filters jsonb NOT NULL DEFAULT '{}',
  owner_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared')),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
-- One name per user and list; the views of a list in their order.
CREATE UNIQUE INDEX saved_views_name_key ON saved_views (workspace_id, kind, owner_id, lower(name));
CREATE INDEX saved_views_kind_idx ON saved_views (workspace_id, kind, position, id);

ALTER TABLE saved_views ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON saved_views
  USING (workspace_id = current_setting('rapport.workspace_id', true))
  WITH CHECK (workspace_id = current_setting('rapport.workspace_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_views TO rapport_app;

CREATE TRIGGER saved_views_audit_insert AFTER INSERT ON saved_views REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit();
CREATE TRIGGER saved_views_audit_update AFTER UPDATE ON saved_views
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit();
CREATE TRIGGER saved_views_audit_delete AFTER DELETE ON saved_views REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit();
