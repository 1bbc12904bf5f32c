import type { ColumnType } from 'kysely';
import type { Defaulted, Json, Timestamp } from './columns.ts';

// The relationship records: companies, people and their memberships.

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
  /** Picks the SLA policy of their cases (cases.ts). */
  service_tier: Defaulted<'standard' | 'gold' | 'platinum'>;
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
  /** Handles by network ({ x: 'ada_l' }), normalised: lower case, no @, no URL prefix. */
  social_handles: Json<Record<string, string>>;
  merged_into_id: string | null;
  /** Picks the SLA policy of their cases (cases.ts). */
  service_tier: Defaulted<'standard' | 'gold' | 'platinum'>;
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
