-- Tracking applies what messages mean (identify → people, group → companies, alias → merges,
-- Order Completed/Refunded → orders, timeline events) after the request has stored them, in
-- chunks (core/src/tracking/tracking.apply.ts): a request answers once its events are stored.
-- `effect` is null for a message that means nothing more (a page, a plain track), else pending,
-- applied or refused; `error` says why an effect was refused (the event itself stays stored).
ALTER TABLE events ADD COLUMN effect text CHECK (effect IN ('pending', 'applied', 'refused'));
ALTER TABLE events ADD COLUMN error text;
CREATE INDEX events_pending_idx ON events (workspace_id, id) WHERE effect = 'pending';
GRANT UPDATE (effect, error) ON events TO rapport_app;
