import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Json, Timestamp } from './columns.ts';

// Notes, tasks, imports, the audit log, dismissed duplicates and saved views.

export interface NotesTable {
  id: string;
  workspace_id: string;
  person_id: string | null;
  company_id: string | null;
  order_id: string | null;
  body: string;
  author_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  search: ColumnType<string, never, never>;
}

export interface TasksTable {
  id: string;
  workspace_id: string;
  title: string;
  description: string | null;
  due_at: Date | null;
  assignee_id: string | null;
  person_id: string | null;
  company_id: string | null;
  done_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ImportKind = 'people' | 'companies' | 'orders' | 'interactions' | 'reviews';

export interface ImportsTable {
  id: string;
  workspace_id: string;
  kind: ImportKind;
  file_name: string | null;
  dry_run: boolean;
  total_rows: Defaulted<number>;
  created_count: Defaulted<number>;
  updated_count: Defaulted<number>;
  unchanged_count: Defaulted<number>;
  rejected_count: Defaulted<number>;
  mapping: Json<Record<string, string | null>>;
  errors: Json<unknown[]>;
  error_csv: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  workspace_id: string;
  at: Timestamp;
  actor: string;
  action: 'create' | 'update' | 'delete';
  entity: string;
  entity_id: string;
  changes: Json<Record<string, unknown> | null>;
}

export interface DuplicateDismissalsTable {
  workspace_id: string;
  entity: 'person' | 'company';
  first_id: string;
  second_id: string;
  dismissed_by: string;
  dismissed_at: Timestamp;
}

export interface SavedViewsTable {
  id: string;
  workspace_id: string;
  kind: 'people' | 'companies';
  name: string;
  /** The list's query (filters, search, sort) as the list's schema parsed it. */
  filters: Json<Record<string, unknown>>;
  owner_id: string;
  visibility: Defaulted<'private' | 'shared'>;
  position: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
