-- Tracking: sources (a write key per sending app), the event stream they fill, and the ids a
-- tracking SDK knows a person by (its userId and the anonymousIds of its devices).

CREATE TABLE sources (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- Not a secret (Segment's write keys sit in web pages): kept as it is, so admins can copy it
  -- again, and looked up by one unique index (before a workspace is known).
  write_key text NOT NULL UNIQUE,
  enabled boolean NOT NULL DEFAULT true,
  -- Track events that go onto the timeline as interactions: [{ event, channel, direction }].
  interaction_events jsonb NOT NULL DEFAULT '[]',
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);

-- What the SDKs sent: every identify, track, page, screen, group and alias, as received.
-- An append-only, high-volume log: no audit trigger (the events are their own record) and no
-- foreign keys, not even to workspaces: a key check runs per row and takes a share lock on the
-- referenced row (the workspace, the source, the person), which every concurrent batch would
-- contend for. person_id is set only by the ingest path from a resolved person; merges move it,
-- deleting a source deletes its events (sources.service), row-level security keeps workspaces apart.
CREATE TABLE events (
  workspace_id text NOT NULL,
  source_id text NOT NULL,
  message_id text NOT NULL,
  id text NOT NULL,
  type text NOT NULL CHECK (type IN ('identify', 'track', 'page', 'screen', 'group', 'alias')),
  name text,
  person_id text,
  user_id text,
  anonymous_id text,
  properties jsonb NOT NULL DEFAULT '{}',
  context jsonb NOT NULL DEFAULT '{}',
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  -- A retried message (same messageId from the same source) is stored once.
  PRIMARY KEY (workspace_id, source_id, message_id)
);
CREATE INDEX events_source_idx ON events (workspace_id, source_id, id);
CREATE INDEX events_person_idx ON events (workspace_id, person_id, occurred_at DESC, id DESC)
  WHERE person_id IS NOT NULL;
-- Events not attached to a person yet, found again when an identify or alias names their ids.
CREATE INDEX events_unattached_anonymous_idx ON events (workspace_id, anonymous_id)
  WHERE person_id IS NULL AND anonymous_id IS NOT NULL;
CREATE INDEX events_unattached_user_idx ON events (workspace_id, user_id)
  WHERE person_id IS NULL AND user_id IS NOT NULL;

-- The ids a tracking SDK knows a person by. A person created or updated through the API with an
-- external id is found by that too (people.external_id); these rows add the rest.
CREATE TABLE person_identities (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('user', 'anonymous')),
  value text NOT NULL,
  person_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, kind, value),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id)
);
CREATE INDEX person_identities_person_idx ON person_identities (workspace_id, person_id);

-- What an identify said about a person that is neither a field nor a defined custom field.
ALTER TABLE people ADD COLUMN traits jsonb NOT NULL DEFAULT '{}';

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sources', 'events', 'person_identities']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY workspace_isolation ON %I
                    USING (workspace_id = current_setting(''rapport.workspace_id'', true))
                    WITH CHECK (workspace_id = current_setting(''rapport.workspace_id'', true))', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON sources, person_identities TO rapport_app;
-- Events are never edited: only attached to a person (or moved to a merge's survivor), and
-- deleted with their source.
GRANT SELECT, INSERT, DELETE ON events TO rapport_app;
GRANT UPDATE (person_id) ON events TO rapport_app;

CREATE TRIGGER sources_audit_insert AFTER INSERT ON sources REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit();
CREATE TRIGGER sources_audit_update AFTER UPDATE ON sources REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit();
CREATE TRIGGER sources_audit_delete AFTER DELETE ON sources REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit();

-- Live people by primary email, for identifies (email dedupe). Under row-level security the
-- index on lower(email) is not used (lower() is not LEAKPROOF); this function applies the
-- workspace itself. PL/pgSQL, so that its plan is made once per session, not per call.
CREATE FUNCTION rapport_people_with_primary_emails(addrs text[]) RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  RETURN QUERY SELECT p.id FROM people p
    WHERE p.workspace_id = current_setting('rapport.workspace_id', true)
      AND lower(p.email) = ANY (addrs) AND p.email IS NOT NULL AND p.merged_into_id IS NULL;
END $$;
REVOKE ALL ON FUNCTION rapport_people_with_primary_emails(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rapport_people_with_primary_emails(text[]) TO rapport_app;
