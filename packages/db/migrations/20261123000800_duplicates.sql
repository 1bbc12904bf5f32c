-- Pairs a user marked "not a duplicate", so the duplicates screen stops suggesting them.
CREATE TABLE duplicate_dismissals (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  entity text NOT NULL CHECK (entity IN ('person', 'company')),
  first_id text NOT NULL,
  second_id text NOT NULL,
  dismissed_by text NOT NULL,
  dismissed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, entity, first_id, second_id),
  CHECK (first_id < second_id)
);
ALTER TABLE duplicate_dismissals ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON duplicate_dismissals
  USING (workspace_id = current_setting('rapport.workspace_id', true))
  WITH CHECK (workspace_id = current_setting('rapport.workspace_id', true));
GRANT SELECT, INSERT, DELETE ON duplicate_dismissals TO rapport_app;

-- Matching keys. An address matches another when they reach the same mailbox: case, +tags,
-- and for Gmail the dots in the local part do not matter.
CREATE FUNCTION rapport_email_key(address text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN address IS NULL OR position('@' IN address) = 0 THEN NULL
    WHEN split_part(lower(address), '@', 2) IN ('gmail.com', 'googlemail.com')
      THEN replace(split_part(split_part(lower(address), '@', 1), '+', 1), '.', '') || '@gmail.com'
    ELSE split_part(split_part(lower(address), '@', 1), '+', 1) || '@' || split_part(lower(address), '@', 2)
  END
$$;

-- A company name without case, punctuation and legal form: "ACME Inc." = "Acme".
CREATE FUNCTION rapport_company_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(trim(regexp_replace(
    regexp_replace(lower(name), '[^a-z0-9äöüéèàç ]+', ' ', 'g'),
    '\m(inc|incorporated|ltd|limited|llc|gmbh|ag|sa|sas|sarl|bv|nv|plc|co|corp|corporation|company|kg|spa|srl|oy|ab|as|holding|group)\M',
    '', 'g')), '')
$$;

-- A person's full name without case, and punctuation, for "same name at the same company".
CREATE FUNCTION rapport_name_key(first_name text, last_name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(trim(regexp_replace(lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), '[^a-z0-9äöüéèàç]+', ' ', 'g')), '')
$$;
