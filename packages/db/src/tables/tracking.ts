import type { Defaulted, Json, Timestamp } from './columns.ts';

// Tracking: sources (write keys), the events SDKs sent, and the ids people are known by.

export interface InteractionEventRule {
  event: string;
  channel: string;
  direction: 'inbound' | 'outbound' | 'internal';
}

export interface SourcesTable {
  id: string;
  workspace_id: string;
  name: string;
  write_key: string;
  enabled: Defaulted<boolean>;
  interaction_events: Json<InteractionEventRule[]>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type EventType = 'identify' | 'track' | 'page' | 'screen' | 'group' | 'alias';

export type EventEffect = 'pending' | 'applied' | 'refused';

export interface EventsTable {
  workspace_id: string;
  source_id: string;
  message_id: string;
  id: string;
  type: EventType;
  name: string | null;
  person_id: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  properties: Json<Record<string, unknown>>;
  context: Json<Record<string, unknown>>;
  occurred_at: Timestamp;
  received_at: Timestamp;
  /** What it means beyond being stored (people, orders, …): null when nothing. */
  effect: EventEffect | null;
  /** Why its effect was refused. */
  error: string | null;
}

export interface PersonIdentitiesTable {
  workspace_id: string;
  kind: 'user' | 'anonymous';
  value: string;
  person_id: string;
  created_at: Timestamp;
}
