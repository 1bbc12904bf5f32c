-- Service recovery outcomes (issue 7) read each measured customer's CLV snapshots around a date
-- (up to 40,000 customers per request, about seven snapshots each): a range of the primary key
-- (subject, day). With clv_minor carried in the key's index the read is index-only, instead of a
-- heap visit per snapshot. The key's index is replaced rather than joined by a second one: the
-- nightly value recompute writes a row per customer here, and each row still updates one index.
ALTER TABLE health_history DROP CONSTRAINT health_history_pkey,
  ADD CONSTRAINT health_history_pkey PRIMARY KEY (workspace_id, subject_type, subject_id, day) INCLUDE (clv_minor);
