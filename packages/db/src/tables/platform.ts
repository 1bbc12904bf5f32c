import type { Defaulted, Json, Timestamp } from './columns.ts';

// Workspaces, who may enter them and how: users, sessions, API keys; idempotency; custom field definitions.

export type Role = 'admin' | 'manager' | 'agent' | 'viewer';

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  settings: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  disabled_at: Date | null;
}

export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  workspace_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  token_prefix: string;
  token_hash: string;
  role: Role;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export interface IdempotencyKeysTable {
  workspace_id: string;
  principal: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status: number;
  response: Json<unknown>;
  created_at: Timestamp;
}

export interface CustomFieldDefsTable {
  id: string;
  workspace_id: string;
  entity: 'person' | 'company';
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'select' | 'multi_select';
  options: Defaulted<string[]>;
  required: Defaulted<boolean>;
  position: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
