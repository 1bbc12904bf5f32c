import type { Defaulted, Json, Timestamp } from './columns.ts';

// The background job queue and outgoing webhooks.

export type JobState = 'queued' | 'running' | 'failed' | 'done' | 'dead';

export interface JobsTable {
  id: string;
  workspace_id: string;
  type: string;
  payload: Json<Record<string, unknown>>;
  state: Defaulted<JobState>;
  key: string | null;
  run_at: Timestamp;
  attempts: Defaulted<number>;
  max_attempts: Defaulted<number>;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Date | null;
}

export interface WebhooksTable {
  id: string;
  workspace_id: string;
  url: string;
  description: string | null;
  event_types: string[];
  secret: string;
  enabled: Defaulted<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookMessagesTable {
  id: string;
  workspace_id: string;
  event_type: string;
  body: string;
  created_at: Timestamp;
}

export type DeliveryStatus = 'pending' | 'retrying' | 'succeeded' | 'failed' | 'cancelled';

export interface WebhookDeliveriesTable {
  id: string;
  workspace_id: string;
  webhook_id: string;
  message_id: string;
  replay_of: string | null;
  status: Defaulted<DeliveryStatus>;
  attempts: Defaulted<number>;
  response_status: number | null;
  latency_ms: number | null;
  error: string | null;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Timestamp;
}
