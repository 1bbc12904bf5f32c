-- Row-level security: every workspace-scoped table answers only rows of the workspace set
-- in the transaction (rapport.workspace_id) to the application role.

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['workspace_members', 'api_keys', 'idempotency_keys', 'custom_field_defs',
                           'companies', 'people', 'memberships', 'interactions', 'interaction_people',
                           'interaction_users', 'products', 'orders', 'order_lines', 'notes', 'tasks',
                           'imports', 'audit_log']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY workspace_isolation ON %I
                    USING (workspace_id = current_setting(''rapport.workspace_id'', true))
                    WITH CHECK (workspace_id = current_setting(''rapport.workspace_id'', true))', t);
  END LOOP;
END $$;

ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON workspaces
  USING (id = current_setting('rapport.workspace_id', true))
  WITH CHECK (id = current_setting('rapport.workspace_id', true));

GRANT SELECT, UPDATE ON workspaces TO rapport_app;
GRANT SELECT (id, email, name, created_at, disabled_at) ON users TO rapport_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON workspace_members, api_keys, idempotency_keys, custom_field_defs,
  companies, people, memberships, interaction_people, interaction_users, products, orders, order_lines,
  notes, tasks TO rapport_app;
GRANT SELECT, INSERT ON interactions, imports, audit_log TO rapport_app;
GRANT UPDATE (error_csv) ON imports TO rapport_app;
-- An interaction's content never changes; only its account link moves when two companies merge.
GRANT UPDATE (company_id) ON interactions TO rapport_app;

-- Index-assisted predicates. Under row-level security PostgreSQL will not use an index for an
-- operator that is not LEAKPROOF (full-text @@, array and jsonb containment), so a rare search
-- term would scan every row of the workspace. These SECURITY DEFINER functions do the indexed
-- lookup themselves, restricted to the transaction's workspace, and return ids that the
-- RLS-protected query then joins on.
CREATE FUNCTION rapport_people_matching(q tsquery) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT p.id FROM people p
  WHERE p.workspace_id = current_setting('rapport.workspace_id', true) AND p.search @@ q
  UNION
  SELECT m.person_id FROM memberships m JOIN companies c ON c.workspace_id = m.workspace_id AND c.id = m.company_id
  WHERE c.workspace_id = current_setting('rapport.workspace_id', true) AND c.search @@ q
  UNION
  SELECT n.person_id FROM notes n
  WHERE n.workspace_id = current_setting('rapport.workspace_id', true) AND n.search @@ q AND n.person_id IS NOT NULL
$$;

CREATE FUNCTION rapport_companies_matching(q tsquery) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT c.id FROM companies c
  WHERE c.workspace_id = current_setting('rapport.workspace_id', true) AND c.search @@ q
  UNION
  SELECT n.company_id FROM notes n
  WHERE n.workspace_id = current_setting('rapport.workspace_id', true) AND n.search @@ q AND n.company_id IS NOT NULL
$$;

CREATE FUNCTION rapport_people_with_email(addr text) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT p.id FROM people p
  WHERE p.workspace_id = current_setting('rapport.workspace_id', true)
    AND (lower(p.email) = lower(addr) OR p.additional_emails @> ARRAY[lower(addr)])
$$;

REVOKE ALL ON FUNCTION rapport_people_matching(tsquery), rapport_companies_matching(tsquery),
  rapport_people_with_email(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rapport_people_matching(tsquery), rapport_companies_matching(tsquery),
  rapport_people_with_email(text) TO rapport_app;

CREATE FUNCTION rapport_people_with_any_email(addrs text[]) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT p.id FROM people p
  WHERE p.workspace_id = current_setting('rapport.workspace_id', true) AND p.additional_emails && addrs
$$;
REVOKE ALL ON FUNCTION rapport_people_with_any_email(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rapport_people_with_any_email(text[]) TO rapport_app;
