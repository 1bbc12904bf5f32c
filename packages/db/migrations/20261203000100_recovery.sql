-- Service recovery analytics (issue 7): the comparison group (customers who never complained) is
-- a deterministic sample taken in the order of a hash of the customer's id. With the hash in an
-- index, the sample walks it and stops once it has enough customers, instead of hashing and
-- sorting every customer of the workspace.
CREATE INDEX people_sample_idx ON people (workspace_id, hashtext(id)) WHERE merged_into_id IS NULL;
CREATE INDEX companies_sample_idx ON companies (workspace_id, hashtext(id)) WHERE merged_into_id IS NULL;
