import type { Defaulted, Timestamp } from './columns.ts';

// Interactions and who took part in them.

export interface InteractionsTable {
  id: string;
  workspace_id: string;
  channel: string;
  direction: 'inbound' | 'outbound' | 'internal';
  occurred_at: Timestamp;
  subject: string | null;
  body: string | null;
  company_id: string | null;
  corrects_id: string | null;
  correction_reason: string | null;
  external_id: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface InteractionPeopleTable {
  workspace_id: string;
  interaction_id: string;
  person_id: string;
  role: Defaulted<string>;
  occurred_at: Timestamp;
  channel: string;
}

export interface InteractionUsersTable {
  workspace_id: string;
  interaction_id: string;
  user_id: string;
  role: Defaulted<string>;
}
