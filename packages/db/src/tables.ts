import type { ColumnType, Generated } from 'kysely';

/** A column the database fills on insert (default) but that can be given. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string | undefined, T | string>;

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

export type RelationshipType =
  | 'customer'
  | 'prospect'
  | 'supplier'
  | 'partner'
  | 'distributor'
  | 'employee'
  | 'community';

export interface Address {
  street?: string | undefined;
  city?: string | undefined;
  region?: string | undefined;
  postalCode?: string | undefined;
  country?: string | undefined;
}

export interface CompaniesTable {
  id: string;
  workspace_id: string;
  external_id: string | null;
  name: string;
  domain: string | null;
  relationship_type: Defaulted<RelationshipType>;
  industry: string | null;
  phone: string | null;
  address: Json<Address | null>;
  employee_count: number | null;
  description: string | null;
  owner_id: string | null;
  tags: Defaulted<string[]>;
  custom: Json<Record<string, unknown>>;
  merged_into_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sort_name: ColumnType<string, never, never>;
  search: ColumnType<string, never, never>;
}

export interface PeopleTable {
  id: string;
  workspace_id: string;
  external_id: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  additional_emails: Defaulted<string[]>;
  phone: string | null;
  title: string | null;
  relationship_type: Defaulted<RelationshipType>;
  owner_id: string | null;
  tags: Defaulted<string[]>;
  custom: Json<Record<string, unknown>>;
  consent: Json<Record<string, unknown>>;
  preferred_channel: string | null;
  do_not_contact: Defaulted<boolean>;
  timezone: string | null;
  locale: string | null;
  address: Json<Address | null>;
  birthday: string | null;
  traits: Json<Record<string, unknown>>;
  merged_into_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sort_name: ColumnType<string, never, never>;
  search: ColumnType<string, never, never>;
}

export interface MembershipsTable {
  id: string;
  workspace_id: string;
  person_id: string;
  company_id: string;
  role: string | null;
  level: 'executive' | 'functional_lead' | 'end_user' | null;
  function: string | null;
  is_primary: Defaulted<boolean>;
  started_on: string | null;
  ended_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

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

export interface ProductsTable {
  id: string;
  workspace_id: string;
  sku: string;
  name: string;
  description: string | null;
  category: string | null;
  price_minor: ColumnType<number | null, number | null | undefined, number | null>;
  currency: string | null;
  active: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type OrderStatus = 'pending' | 'paid' | 'fulfilled' | 'cancelled' | 'refunded';

export interface OrdersTable {
  id: string;
  workspace_id: string;
  external_id: string | null;
  person_id: string | null;
  company_id: string | null;
  status: Defaulted<OrderStatus>;
  ordered_at: Timestamp;
  currency: string;
  subtotal_minor: Defaulted<number>;
  discount_minor: Defaulted<number>;
  tax_minor: Defaulted<number>;
  shipping_minor: Defaulted<number>;
  total_minor: number;
  channel: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderLinesTable {
  workspace_id: string;
  order_id: string;
  line_no: number;
  product_id: string | null;
  sku: string | null;
  name: string;
  quantity: number;
  unit_price_minor: number;
  discount_minor: Defaulted<number>;
  total_minor: number;
}

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

export type ImportKind = 'people' | 'companies' | 'orders' | 'interactions';

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
}

export interface PersonIdentitiesTable {
  workspace_id: string;
  kind: 'user' | 'anonymous';
  value: string;
  person_id: string;
  created_at: Timestamp;
}

export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  workspace_members: WorkspaceMembersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  idempotency_keys: IdempotencyKeysTable;
  custom_field_defs: CustomFieldDefsTable;
  companies: CompaniesTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  interactions: InteractionsTable;
  interaction_people: InteractionPeopleTable;
  interaction_users: InteractionUsersTable;
  products: ProductsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  notes: NotesTable;
  tasks: TasksTable;
  imports: ImportsTable;
  audit_log: AuditLogTable;
  duplicate_dismissals: DuplicateDismissalsTable;
  sources: SourcesTable;
  events: EventsTable;
  person_identities: PersonIdentitiesTable;
}
