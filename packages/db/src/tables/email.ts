import type { Defaulted, Timestamp } from './columns.ts';

// Outgoing email: a workspace's SMTP server and the emails sent through it.

export type SmtpSecurity = 'tls' | 'starttls' | 'none';
export type EmailKind = 'csat' | 'status_link' | 'survey' | 'message' | 'test';
export type EmailStatus = 'queued' | 'retrying' | 'sent' | 'failed' | 'cancelled';

export interface EmailSettingsTable {
  id: Defaulted<string>;
  workspace_id: string;
  enabled: Defaulted<boolean>;
  smtp_host: string;
  smtp_port: number;
  smtp_security: SmtpSecurity;
  smtp_username: string | null;
  smtp_password: string | null;
  from_address: string;
  from_name: string | null;
  reply_to: string | null;
  updated_at: Timestamp;
}

export interface EmailsTable {
  id: string;
  workspace_id: string;
  kind: EmailKind;
  to_address: string;
  to_name: string | null;
  person_id: string | null;
  case_id: string | null;
  subject: string;
  /** Null once sent or given up: it carries a personal link. */
  body: string | null;
  status: EmailStatus;
  attempts: Defaulted<number>;
  error: string | null;
  smtp_message_id: string | null;
  created_by: string;
  created_at: Timestamp;
  last_attempt_at: Timestamp | null;
  next_attempt_at: Timestamp | null;
  sent_at: Timestamp | null;
}
