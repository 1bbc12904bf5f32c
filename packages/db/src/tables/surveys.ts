import type { Defaulted, Json, Timestamp } from './columns.ts';

// Surveys, their personal invitations and the answers; the server's signing secrets.

export type SurveyKind = 'nps' | 'csat' | 'ces' | 'custom';
export type SurveyStatus = 'draft' | 'active' | 'closed';

export interface SurveysTable {
  id: string;
  workspace_id: string;
  name: string;
  kind: SurveyKind;
  /** The questions as the service's schema checked them (surveys.schema.ts `question`). */
  questions: Json<unknown[]>;
  status: Defaulted<SurveyStatus>;
  intro: string | null;
  thank_you: string | null;
  min_days_between: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SurveyInvitationsTable {
  id: string;
  workspace_id: string;
  survey_id: string;
  person_id: string;
  /** SHA-256 of the link's token; the token itself is never stored. */
  token_hash: string;
  channel: string;
  sent_at: Timestamp;
  expires_at: Timestamp;
  answered_at: Date | null;
  owner_id: string | null;
  company_id: string | null;
  created_by: string | null;
}

export interface SurveyResponsesTable {
  id: string;
  workspace_id: string;
  survey_id: string;
  invitation_id: string;
  person_id: string;
  company_id: string | null;
  owner_id: string | null;
  answers: Json<Record<string, unknown>>;
  score: number | null;
  comment: string | null;
  submitted_at: Timestamp;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: Timestamp;
}
