-- The name-sorted people list with a tag filter: row-level security keeps the GIN index on tags
-- out of the plan (@> is not LEAKPROOF), so the list walks the name index and tests each row's
-- tags. With tags and merged_into_id in the index, that walk is index-only (no heap visit per
-- row); people.repo looks up a page's ids this way first and reads the full rows of that page only.
DROP INDEX people_name_idx;
CREATE INDEX people_name_idx ON people (workspace_id, sort_name, id) INCLUDE (tags, merged_into_id);
