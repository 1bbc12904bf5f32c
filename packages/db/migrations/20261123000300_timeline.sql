-- How people are named in lists and timelines: "Ada Lovelace", or the email when nameless.
CREATE FUNCTION rapport_display_name(first_name text, last_name text, email text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), email, '(no name)')
$$;

-- The timeline: interactions are append-only (no UPDATE or DELETE is granted to the
-- application role); a correction is a new interaction that references the one it corrects.

CREATE TABLE interactions (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel text NOT NULL
    CHECK (channel IN ('email', 'phone', 'meeting', 'in_person', 'social', 'chat', 'web', 'sms', 'letter')),
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),
  occurred_at timestamptz NOT NULL,
  subject text,
  body text,
  company_id text,
  corrects_id text,
  correction_reason text,
  external_id text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id),
  FOREIGN KEY (workspace_id, corrects_id) REFERENCES interactions (workspace_id, id)
);
CREATE UNIQUE INDEX interactions_external_id_key ON interactions (workspace_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX interactions_occurred_idx ON interactions (workspace_id, occurred_at DESC, id DESC);
CREATE INDEX interactions_company_idx ON interactions (workspace_id, company_id, occurred_at DESC, id DESC)
  WHERE company_id IS NOT NULL;
CREATE INDEX interactions_corrects_idx ON interactions (workspace_id, corrects_id) WHERE corrects_id IS NOT NULL;

-- People on the customer's side. occurred_at and channel are copied here so that a
-- person's timeline is one index range scan.
CREATE TABLE interaction_people (
  workspace_id text NOT NULL,
  interaction_id text NOT NULL,
  person_id text NOT NULL,
  role text NOT NULL DEFAULT 'participant' CHECK (role IN ('from', 'to', 'cc', 'attendee', 'participant')),
  occurred_at timestamptz NOT NULL,
  channel text NOT NULL,
  PRIMARY KEY (workspace_id, interaction_id, person_id),
  FOREIGN KEY (workspace_id, interaction_id) REFERENCES interactions (workspace_id, id),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id)
);
CREATE INDEX interaction_people_person_idx ON interaction_people (workspace_id, person_id, occurred_at DESC, interaction_id DESC);

-- Users on our side.
CREATE TABLE interaction_users (
  workspace_id text NOT NULL,
  interaction_id text NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  role text NOT NULL DEFAULT 'participant' CHECK (role IN ('from', 'to', 'cc', 'attendee', 'participant')),
  PRIMARY KEY (workspace_id, interaction_id, user_id),
  FOREIGN KEY (workspace_id, interaction_id) REFERENCES interactions (workspace_id, id)
);
CREATE INDEX interaction_users_user_idx ON interaction_users (workspace_id, user_id);
