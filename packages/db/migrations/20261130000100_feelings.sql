-- How customers felt: one row per analysed customer text (today inbound interactions; reviews,
-- mentions and survey answers join as other subject types). Derived data: written only by the
-- feelings.analyze job, replaced when the text is analysed again, never edited by users, so it
-- has no audit trigger (the text it comes from is audited).
CREATE TABLE feelings (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  subject_type text NOT NULL CHECK (subject_type IN ('interaction')),
  subject_id text NOT NULL,
  -- Who said it (the sender of an inbound interaction) and their account; one at least.
  person_id text,
  company_id text,
  occurred_at timestamptz NOT NULL,
  label text NOT NULL CHECK (label IN ('positive', 'negative', 'neutral')),
  score real NOT NULL CHECK (score BETWEEN -1 AND 1),
  intensity real NOT NULL CHECK (intensity BETWEEN 0 AND 1),
  -- The nine emotions, each 0..1: {"anger": 0.85, "frustration": 0.9, …}.
  emotions jsonb NOT NULL,
  top_emotion text NOT NULL,
  -- The words and phrases behind the score and each emotion (the text model's explanation).
  explanation jsonb NOT NULL,
  -- What the text is about, from a small lexicon (delivery, billing, quality, …), or null.
  topic text,
  -- The worst sentence of a long text, or an excerpt of a short one.
  moment text NOT NULL,
  -- The text model that analysed it (its build date): a newer model analyses again.
  model text NOT NULL,
  analysed_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, subject_type, subject_id),
  CHECK (person_id IS NOT NULL OR company_id IS NOT NULL),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id)
);
CREATE INDEX feelings_person_idx ON feelings (workspace_id, person_id, occurred_at DESC)
  WHERE person_id IS NOT NULL;
CREATE INDEX feelings_company_idx ON feelings (workspace_id, company_id, occurred_at DESC)
  WHERE company_id IS NOT NULL;

ALTER TABLE feelings ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON feelings
  USING (workspace_id = current_setting('rapport.workspace_id', true))
  WITH CHECK (workspace_id = current_setting('rapport.workspace_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON feelings TO rapport_app;
