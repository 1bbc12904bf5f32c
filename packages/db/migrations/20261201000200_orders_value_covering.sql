-- The value recompute (issue 6) reads every customer's counted orders in one pass grouped by
-- customer. The per-customer indexes also carry status, currency and total, so that pass is an
-- index-only scan in customer order (no sort, no heap visits) instead of a sort of every order.
-- Same keys and predicates as before: the timelines and order lists use them unchanged.
DROP INDEX orders_person_idx;
CREATE INDEX orders_person_idx ON orders (workspace_id, person_id, ordered_at DESC, id DESC)
  INCLUDE (status, currency, total_minor) WHERE person_id IS NOT NULL;
DROP INDEX orders_company_idx;
CREATE INDEX orders_company_idx ON orders (workspace_id, company_id, ordered_at DESC, id DESC)
  INCLUDE (status, currency, total_minor) WHERE company_id IS NOT NULL;
