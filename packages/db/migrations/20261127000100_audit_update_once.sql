-- The audit trigger's update branch converted the old and the new row to jsonb once per column
-- of every updated row (the conversions sat inside the per-column lateral), so a bulk change of
-- 100,000 people spent most of its time there. Each row's before and after are now converted
-- once. Same entries as before: {column: [old, new]} for the changed columns, "(changed)" for
-- the hidden ones (the trigger's arguments, see *_jobs_webhooks.sql).
CREATE OR REPLACE FUNCTION rapport_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  who text := coalesce(nullif(current_setting('rapport.actor', true), ''), 'system');
  hidden text[] := coalesce(TG_ARGV::text[], '{}');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (workspace_id, actor, action, entity, entity_id)
    SELECT n.workspace_id, who, 'create', TG_TABLE_NAME, n.id FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO audit_log (workspace_id, actor, action, entity, entity_id, changes)
    SELECT n.workspace_id, who, 'update', TG_TABLE_NAME, n.id, d.changes
    FROM new_rows n
    JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
    CROSS JOIN LATERAL (
      SELECT to_jsonb(o) AS before,
             to_jsonb(n) - 'updated_at' - 'last_used_at' - 'search' - 'sort_name' AS after
      OFFSET 0
    ) j
    CROSS JOIN LATERAL (
      SELECT jsonb_object_agg(e.key, CASE WHEN e.key = ANY (hidden) THEN to_jsonb('(changed)'::text)
                                          ELSE jsonb_build_array(j.before -> e.key, e.value) END) AS changes
      FROM jsonb_each(j.after) AS e
      WHERE (j.before -> e.key) IS DISTINCT FROM e.value
    ) d
    WHERE d.changes IS NOT NULL;
  ELSE
    INSERT INTO audit_log (workspace_id, actor, action, entity, entity_id, changes)
    SELECT o.workspace_id, who, 'delete', TG_TABLE_NAME, o.id, to_jsonb(o) - 'search' - 'sort_name' - hidden
    FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;
