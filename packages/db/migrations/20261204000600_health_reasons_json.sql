-- Health reasons (issue 6) are written whole by each recompute and read whole, never queried
-- inside: `json` keeps the text as written, where `jsonb` parsed a million of them into its binary
-- form on every recompute (and printed them back on every read).
ALTER TABLE customer_values ALTER COLUMN health_reasons TYPE json USING health_reasons::json;
