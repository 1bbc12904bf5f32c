-- Outgoing email: a workspace's SMTP server, and every email Rapport sends for it (CSAT
-- invitations on resolution, case status links, survey invitations, tests), sent by the job `email.send` with retries.

CREATE TABLE email_settings (
  id text NOT NULL DEFAULT 'email',
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  enabled boolean NOT NULL DEFAULT true,
  smtp_host text NOT NULL,
  smtp_port integer NOT NULL CHECK (smtp_port BETWEEN 1 AND 65535),
  -- tls: TLS from the first byte (465); starttls: upgrade required (587); none: plain (a local relay).
  smtp_security text NOT NULL CHECK (smtp_security IN ('tls', 'starttls', 'none')),
  smtp_username text,
  -- Kept as given (the SMTP server needs it); never answered by the API nor written to the audit log.
  smtp_password text,
  from_address text NOT NULL,
  from_name text,
  reply_to text,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id)
);

CREATE TABLE emails (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('csat', 'status_link', 'survey', 'test')),
  to_address text NOT NULL,
  to_name text,
  person_id text,
  case_id text,
  subject text NOT NULL,
  -- The text carries a personal link (a CSAT invitation, a case's status page): kept until the
  -- email is sent or given up, then dropped.
  body text,
  status text NOT NULL CHECK (status IN ('queued', 'retrying', 'sent', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  error text,
  smtp_message_id text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  last_attempt_at timestamptz,
  next_attempt_at timestamptz,
  sent_at timestamptz,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id) ON DELETE SET NULL (person_id),
  FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE SET NULL (case_id)
);
CREATE INDEX emails_created_idx ON emails (workspace_id, created_at DESC, id DESC);
CREATE INDEX emails_case_idx ON emails (workspace_id, case_id, created_at DESC) WHERE case_id IS NOT NULL;

ALTER TABLE email_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE emails ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON email_settings
  USING (workspace_id = current_setting('rapport.workspace_id', true))
  WITH CHECK (workspace_id = current_setting('rapport.workspace_id', true));
CREATE POLICY workspace_isolation ON emails
  USING (workspace_id = current_setting('rapport.workspace_id', true))
  WITH CHECK (workspace_id = current_setting('rapport.workspace_id', true));

CREATE TRIGGER email_settings_audit_insert AFTER INSERT ON email_settings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit('smtp_password');
CREATE TRIGGER email_settings_audit_update AFTER UPDATE ON email_settings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit('smtp_password');
CREATE TRIGGER email_settings_audit_delete AFTER DELETE ON email_settings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit('smtp_password');

GRANT SELECT, INSERT, UPDATE, DELETE ON email_settings TO rapport_app;
GRANT SELECT, INSERT, UPDATE ON emails TO rapport_app;
