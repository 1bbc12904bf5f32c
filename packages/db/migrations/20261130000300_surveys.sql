-- Surveys: NPS, CSAT, CES and custom questionnaires; personal invitations (a signed link each,
-- stored only as its hash) and the answers, once per invitation.

CREATE TABLE surveys (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('nps', 'csat', 'ces', 'custom')),
  -- [{ id, type: scale|choice|text, label, required, … }], checked by the service's zod schema.
  questions jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'closed')),
  intro text,
  thank_you text,
  -- A person invited to or answering any survey within this many days is not invited again.
  min_days_between integer NOT NULL DEFAULT 90 CHECK (min_days_between BETWEEN 0 AND 3650),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX surveys_created_idx ON surveys (workspace_id, created_at DESC, id DESC);

-- One personal link per row. The link's token is never stored: only its SHA-256, found by the
-- public form (before a workspace is known) through the unique index.
CREATE TABLE survey_invitations (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  survey_id text NOT NULL,
  person_id text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  channel text NOT NULL
    CHECK (channel IN ('email', 'phone', 'meeting', 'in_person', 'social', 'chat', 'web', 'sms', 'letter')),
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  answered_at timestamptz,
  -- The person's owner and primary company when invited: response rates per owner and company.
  owner_id text,
  company_id text,
  created_by text,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, survey_id) REFERENCES surveys (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id),
  FOREIGN KEY (workspace_id, owner_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE SET NULL (owner_id)
);
CREATE INDEX survey_invitations_survey_idx ON survey_invitations (workspace_id, survey_id, sent_at DESC, id DESC);
-- The frequency limit: when was this person last invited (to any survey)?
CREATE INDEX survey_invitations_person_idx ON survey_invitations (workspace_id, person_id, sent_at DESC);

-- The answers. invitation_id is unique: an invitation is answered once.
CREATE TABLE survey_responses (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  survey_id text NOT NULL,
  invitation_id text NOT NULL,
  person_id text NOT NULL,
  -- The person's primary company and owner when they answered: figures per company and owner.
  company_id text,
  owner_id text,
  answers jsonb NOT NULL,
  -- The kind's metric (NPS 0–10, CSAT 1–5, CES 1–7); null for custom surveys.
  score smallint CHECK (score BETWEEN 0 AND 10),
  comment text,
  submitted_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, invitation_id),
  FOREIGN KEY (workspace_id, survey_id) REFERENCES surveys (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, invitation_id) REFERENCES survey_invitations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id),
  FOREIGN KEY (workspace_id, owner_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE SET NULL (owner_id)
);
CREATE INDEX survey_responses_survey_idx ON survey_responses (workspace_id, survey_id, submitted_at DESC, id DESC);
-- The timelines of a person and of a company.
CREATE INDEX survey_responses_person_idx ON survey_responses (workspace_id, person_id, submitted_at DESC, id DESC);
CREATE INDEX survey_responses_company_idx ON survey_responses (workspace_id, company_id, submitted_at DESC, id DESC)
  WHERE company_id IS NOT NULL;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['surveys', 'survey_invitations', 'survey_responses']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY workspace_isolation ON %I
                    USING (workspace_id = current_setting(''rapport.workspace_id'', true))
                    WITH CHECK (workspace_id = current_setting(''rapport.workspace_id'', true))', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit()', t || '_audit_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit()', t || '_audit_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit()', t || '_audit_delete', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON surveys TO rapport_app;
-- An invitation's link may be issued again (a new token and expiry); answering stamps it; merges
-- move it to the surviving person. Invitations go when their draft survey is deleted.
GRANT SELECT, INSERT, DELETE ON survey_invitations TO rapport_app;
GRANT UPDATE (token_hash, expires_at, answered_at, person_id, company_id) ON survey_invitations TO rapport_app;
-- An answer never changes; only its person and company move when records are merged.
GRANT SELECT, INSERT ON survey_responses TO rapport_app;
GRANT UPDATE (person_id, company_id) ON survey_responses TO rapport_app;

-- The server's signing secret for survey links (and what else comes to need one): generated here,
-- used unless RAPPORT_SECRET is set. A platform table without a workspace; the application role
-- reads it to sign the links it issues.
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO server_secrets (name, value)
  VALUES ('signing', replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
GRANT SELECT ON server_secrets TO rapport_app;
