-- Records: custom field definitions, companies, people and their memberships.
-- Every domain table is keyed (workspace_id, id) and references others with the
-- workspace in the key, so a row can never point into another workspace.

CREATE TABLE custom_field_defs (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  entity text NOT NULL CHECK (entity IN ('person', 'company')),
  key text NOT NULL,
  label text NOT NULL,
  type text NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'select', 'multi_select')),
  options text[] NOT NULL DEFAULT '{}',
  required boolean NOT NULL DEFAULT false,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, entity, key)
);

CREATE TABLE companies (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  external_id text,
  name text NOT NULL,
  domain text,
  relationship_type text NOT NULL DEFAULT 'customer'
    CHECK (relationship_type IN ('customer', 'prospect', 'supplier', 'partner', 'distributor', 'employee', 'community')),
  industry text,
  phone text,
  address jsonb,
  employee_count integer,
  description text,
  owner_id text,
  tags text[] NOT NULL DEFAULT '{}',
  custom jsonb NOT NULL DEFAULT '{}',
  merged_into_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  sort_name text GENERATED ALWAYS AS (lower(name)) STORED,
  search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple',
      coalesce(name, '') || ' ' || coalesce(domain, '') || ' ' || coalesce(replace(domain, '.', ' '), '') || ' ' ||
      coalesce(industry, '') || ' ' || coalesce(external_id, ''))
  ) STORED,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, owner_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE SET NULL (owner_id),
  FOREIGN KEY (workspace_id, merged_into_id) REFERENCES companies (workspace_id, id)
);
CREATE UNIQUE INDEX companies_external_id_key ON companies (workspace_id, external_id)
  WHERE external_id IS NOT NULL AND merged_into_id IS NULL;
CREATE UNIQUE INDEX companies_domain_key ON companies (workspace_id, domain)
  WHERE domain IS NOT NULL AND merged_into_id IS NULL;
CREATE INDEX companies_name_idx ON companies (workspace_id, sort_name, id);
CREATE INDEX companies_updated_idx ON companies (workspace_id, updated_at, id);
CREATE INDEX companies_owner_idx ON companies (workspace_id, owner_id, sort_name, id);
CREATE INDEX companies_type_idx ON companies (workspace_id, relationship_type, sort_name, id);
CREATE INDEX companies_created_idx ON companies (workspace_id, created_at, id);
CREATE INDEX companies_search_idx ON companies USING gin (search);
CREATE INDEX companies_tags_idx ON companies USING gin (tags);

CREATE TABLE people (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  external_id text,
  first_name text,
  last_name text,
  email text,
  additional_emails text[] NOT NULL DEFAULT '{}',
  phone text,
  title text,
  relationship_type text NOT NULL DEFAULT 'customer'
    CHECK (relationship_type IN ('customer', 'prospect', 'supplier', 'partner', 'distributor', 'employee', 'community')),
  owner_id text,
  tags text[] NOT NULL DEFAULT '{}',
  custom jsonb NOT NULL DEFAULT '{}',
  consent jsonb NOT NULL DEFAULT '{}',
  preferred_channel text,
  do_not_contact boolean NOT NULL DEFAULT false,
  timezone text,
  locale text,
  address jsonb,
  birthday date,
  merged_into_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- "lovelace ada", or the email when there is no name: the key of the default sort.
  sort_name text GENERATED ALWAYS AS (
    lower(coalesce(nullif(trim(coalesce(last_name, '') || ' ' || coalesce(first_name, '')), ''), email, ''))
  ) STORED,
  search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple',
      coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' ' ||
      coalesce(replace(replace(email, '@', ' '), '.', ' '), '') || ' ' || coalesce(phone, '') || ' ' ||
      coalesce(title, '') || ' ' || coalesce(external_id, ''))
  ) STORED,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, owner_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE SET NULL (owner_id),
  FOREIGN KEY (workspace_id, merged_into_id) REFERENCES people (workspace_id, id),
  CHECK (first_name IS NOT NULL OR last_name IS NOT NULL OR email IS NOT NULL)
);
CREATE UNIQUE INDEX people_email_key ON people (workspace_id, lower(email))
  WHERE email IS NOT NULL AND merged_into_id IS NULL;
CREATE UNIQUE INDEX people_external_id_key ON people (workspace_id, external_id)
  WHERE external_id IS NOT NULL AND merged_into_id IS NULL;
CREATE INDEX people_name_idx ON people (workspace_id, sort_name, id);
CREATE INDEX people_created_idx ON people (workspace_id, created_at, id);
CREATE INDEX people_updated_idx ON people (workspace_id, updated_at, id);
CREATE INDEX people_owner_idx ON people (workspace_id, owner_id, sort_name, id);
CREATE INDEX people_type_idx ON people (workspace_id, relationship_type, sort_name, id);
CREATE INDEX people_search_idx ON people USING gin (search);
CREATE INDEX people_tags_idx ON people USING gin (tags);
CREATE INDEX people_additional_emails_idx ON people USING gin (additional_emails);
CREATE INDEX people_phone_idx ON people (workspace_id, phone) WHERE phone IS NOT NULL;

CREATE TABLE memberships (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  person_id text NOT NULL,
  company_id text NOT NULL,
  role text,
  level text CHECK (level IN ('executive', 'functional_lead', 'end_user')),
  function text CHECK (function IN ('engineering', 'marketing', 'operations', 'maintenance', 'service', 'purchasing', 'quality', 'other')),
  is_primary boolean NOT NULL DEFAULT false,
  started_on date,
  ended_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, person_id, company_id),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id)
);
CREATE INDEX memberships_company_idx ON memberships (workspace_id, company_id);
