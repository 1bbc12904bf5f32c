import type { Json, Timestamp } from './columns.ts';

// How customers felt: one analysed customer text per row (derived data).

export type FeelingSubjectType = 'interaction' | 'review' | 'survey_answer';

export interface FeelingsTable {
  id: string;
  workspace_id: string;
  subject_type: FeelingSubjectType;
  subject_id: string;
  person_id: string | null;
  company_id: string | null;
  occurred_at: Timestamp;
  label: 'positive' | 'negative' | 'neutral';
  score: number;
  intensity: number;
  emotions: Json<Record<string, number>>;
  top_emotion: string;
  explanation: Json<unknown>;
  topic: string | null;
  moment: string;
  model: string;
  analysed_at: Timestamp;
}
