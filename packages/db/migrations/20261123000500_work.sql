-- Notes and tasks (follow-ups).

CREATE TABLE notes (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  person_id text,
  company_id text,
  order_id text,
  body text NOT NULL,
  author_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id),
  FOREIGN KEY (workspace_id, order_id) REFERENCES orders (workspace_id, id),
  CHECK (person_id IS NOT NULL OR company_id IS NOT NULL OR order_id IS NOT NULL)
);
CREATE INDEX notes_person_idx ON notes (workspace_id, person_id, created_at DESC) WHERE person_id IS NOT NULL;
CREATE INDEX notes_company_idx ON notes (workspace_id, company_id, created_at DESC) WHERE company_id IS NOT NULL;
CREATE INDEX notes_order_idx ON notes (workspace_id, order_id) WHERE order_id IS NOT NULL;
CREATE INDEX notes_search_idx ON notes USING gin (search);

CREATE TABLE tasks (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  title text NOT NULL,
  description text,
  due_at timestamptz,
  assignee_id text,
  person_id text,
  company_id text,
  done_at timestamptz,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, assignee_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE SET NULL (assignee_id),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id)
);
CREATE INDEX tasks_assignee_idx ON tasks (workspace_id, assignee_id, due_at, id) WHERE done_at IS NULL;
CREATE INDEX tasks_person_idx ON tasks (workspace_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX tasks_company_idx ON tasks (workspace_id, company_id) WHERE company_id IS NOT NULL;
