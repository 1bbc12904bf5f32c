-- "My recently changed contacts": people of one owner, newest change first (sort=-updatedAt with
-- ownerId). Without it the list walks people_updated_idx through every owner's rows.
CREATE INDEX people_owner_updated_idx ON people (workspace_id, owner_id, updated_at, id);
