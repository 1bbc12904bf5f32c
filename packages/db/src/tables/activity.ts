import type { ColumnType } from 'kysely';
import type { Defaulted, Timestamp } from './columns.ts';

// Interactions and who took part in them; reviews and social mentions.

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

export interface ReviewsTable {
  id: string;
  workspace_id: string;
  kind: 'review' | 'mention';
  source: string;
  external_id: string | null;
  rating: number | null;
  rating_scale: Defaulted<number>;
  /** rating on a five-star scale (generated). */
  stars: ColumnType<number | null, never, never>;
  title: string | null;
  text: string;
  url: string | null;
  author_handle: string | null;
  author_name: string | null;
  author_email: string | null;
  language: string | null;
  person_id: string | null;
  company_id: string | null;
  product_id: string | null;
  occurred_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}
