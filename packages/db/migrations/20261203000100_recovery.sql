-- Service recovery analytics (issue 7): the comparison group (customers who never complained) is
-- a deterministic sample taken in the order of a hash of the customer's id. With the hash in an
-- index, the sample walks it and stops once it has enough customers, instead of hashing and
-- sorting every customer of the workspace.
CREATE INDEX people_sample_idx ON people (workspace_id, hashtext(id)) WHERE merged_into_id IS NULL;
CREATE INDEX companies_sample_idx ON companies (workspace_id, hashtext(id)) WHERE merged_into_id IS NULL;

-- The analytics read the cases of a period (and the one before it): by opening time, with every
-- column they use included, so the scan is index-only instead of a heap visit per case.
CREATE INDEX cases_analytics_idx ON cases (workspace_id, opened_at)
  INCLUDE (id, type, status, person_id, company_id, root_cause_id, acknowledged_at, resolved_at, resolve_due_at,
           acknowledge_breached_at, resolve_breached_at, csat_invitation_id);
