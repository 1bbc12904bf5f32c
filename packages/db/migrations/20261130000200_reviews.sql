-- Reviews (Trustpilot, Google, App Store, G2, …) and social mentions (X, Instagram, LinkedIn,
-- Reddit, …) in one table, told apart by `kind`; and the social handles of people, by which a
-- mention's author is found.

-- A person's handles by network: {"x": "ada_l", "instagram": "ada.lovelace"}. Stored normalised
-- (lower case, no @, no URL prefix: core/src/shared/handles.ts), so matching is an equality.
ALTER TABLE people ADD COLUMN social_handles jsonb NOT NULL DEFAULT '{}';

-- The handles of a map, for the index below (IMMUTABLE: a function of its argument only).
CREATE FUNCTION rapport_handles(handles jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(value), '{}') FROM jsonb_each_text(handles)
$$;
CREATE INDEX people_social_handles_idx ON people USING gin (rapport_handles(social_handles))
  WHERE social_handles <> '{}';

-- Live people with one of these handles (any network), with the network it is on. Under
-- row-level security the GIN index is not used (&& is not LEAKPROOF); this function applies the
-- workspace itself, as the other search functions do (see *_security.sql).
CREATE FUNCTION rapport_people_with_handles(wanted text[])
RETURNS TABLE (person_id text, network text, handle text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT p.id, h.key, h.value FROM people p, jsonb_each_text(p.social_handles) h
  WHERE p.workspace_id = current_setting('rapport.workspace_id', true)
    AND p.social_handles <> '{}' AND rapport_handles(p.social_handles) && wanted
    AND p.merged_into_id IS NULL AND h.value = ANY (wanted)
$$;
REVOKE ALL ON FUNCTION rapport_people_with_handles(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rapport_people_with_handles(text[]) TO rapport_app;

CREATE TABLE reviews (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('review', 'mention')),
  -- Where it was written, lower case: trustpilot, google, app-store, g2, x, instagram, reddit, …
  source text NOT NULL CHECK (source ~ '^[a-z0-9][a-z0-9._-]{0,49}$'),
  -- The source's id: importing the same review again updates it instead of adding a second one.
  external_id text,
  rating double precision,
  rating_scale double precision NOT NULL DEFAULT 5 CHECK (rating_scale > 0 AND rating_scale <= 100),
  -- The rating on a five-star scale, whatever the source's scale: what lists filter on.
  stars double precision GENERATED ALWAYS AS (rating * 5 / rating_scale) STORED,
  title text,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
  url text,
  author_handle text,
  author_name text,
  author_email text,
  language text,
  person_id text,
  -- The person's company when the review was matched (their primary membership).
  company_id text,
  product_id text,
  occurred_at timestamptz NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, source, external_id),
  CHECK (rating IS NULL OR (rating >= 0 AND rating <= rating_scale)),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id),
  FOREIGN KEY (workspace_id, product_id) REFERENCES products (workspace_id, id) ON DELETE SET NULL (product_id)
);
CREATE INDEX reviews_occurred_idx ON reviews (workspace_id, occurred_at DESC, id DESC);
CREATE INDEX reviews_person_idx ON reviews (workspace_id, person_id, occurred_at DESC, id DESC)
  WHERE person_id IS NOT NULL;
CREATE INDEX reviews_company_idx ON reviews (workspace_id, company_id, occurred_at DESC, id DESC)
  WHERE company_id IS NOT NULL;
CREATE INDEX reviews_source_idx ON reviews (workspace_id, source, occurred_at DESC, id DESC);
CREATE INDEX reviews_unmatched_idx ON reviews (workspace_id, occurred_at DESC, id DESC)
  WHERE person_id IS NULL;

ALTER TABLE reviews ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON reviews
  USING (workspace_id = current_setting('rapport.workspace_id', true))
  WITH CHECK (workspace_id = current_setting('rapport.workspace_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON reviews TO rapport_app;

CREATE TRIGGER reviews_audit_insert AFTER INSERT ON reviews REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit();
CREATE TRIGGER reviews_audit_update AFTER UPDATE ON reviews REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit();
CREATE TRIGGER reviews_audit_delete AFTER DELETE ON reviews REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_audit();

-- Reviews and mentions import from CSV and JSON lines like the other records.
ALTER TABLE imports DROP CONSTRAINT imports_kind_check;
ALTER TABLE imports ADD CONSTRAINT imports_kind_check
  CHECK (kind IN ('people', 'companies', 'orders', 'interactions', 'reviews'));
