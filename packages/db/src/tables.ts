/** The database as Kysely sees it: every table's row type, one file per part of the product under tables/. */

import type {
  InteractionPeopleTable,
  InteractionsTable,
  InteractionUsersTable,
  ReviewsTable,
} from './tables/activity.ts';
import type {
  BusinessCalendarsTable,
  CaseCompensationsTable,
  CaseEventsTable,
  CaseSettingsTable,
  CasesTable,
  CompensationLimitsTable,
  PromiseEventsTable,
  PromisesTable,
  RootCausesTable,
  SlaPoliciesTable,
} from './tables/cases.ts';
import type { OrderLinesTable, OrdersTable, ProductsTable } from './tables/commerce.ts';
import type { EmailSettingsTable, EmailsTable } from './tables/email.ts';
import type { FeelingsTable } from './tables/feelings.ts';
import type {
  JobsTable,
  WebhookDeliveriesTable,
  WebhookMessagesTable,
  WebhooksTable,
} from './tables/jobs.ts';
import type {
  ApiKeysTable,
  CustomFieldDefsTable,
  IdempotencyKeysTable,
  SessionsTable,
  UsersTable,
  WorkspaceMembersTable,
  WorkspacesTable,
} from './tables/platform.ts';
import type { CompaniesTable, MembershipsTable, PeopleTable } from './tables/records.ts';
import type {
  ServerSecretsTable,
  SurveyInvitationsTable,
  SurveyResponsesTable,
  SurveysTable,
} from './tables/surveys.ts';
import type { EventsTable, PersonIdentitiesTable, SourcesTable } from './tables/tracking.ts';
import type {
  CustomerValuesTable,
  HealthDailyTable,
  HealthHistoryTable,
  ValueFitsTable,
  ValueSettingsTable,
} from './tables/value.ts';
import type {
  AuditLogTable,
  DuplicateDismissalsTable,
  ImportsTable,
  NotesTable,
  SavedViewsTable,
  TasksTable,
} from './tables/work.ts';

export type * from './tables/activity.ts';
export type * from './tables/cases.ts';
export type * from './tables/commerce.ts';
export type * from './tables/email.ts';
export type * from './tables/feelings.ts';
export type * from './tables/jobs.ts';
export type * from './tables/platform.ts';
export type * from './tables/records.ts';
export type * from './tables/surveys.ts';
export type * from './tables/tracking.ts';
export type * from './tables/value.ts';
export type * from './tables/work.ts';

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
  saved_views: SavedViewsTable;
  jobs: JobsTable;
  webhooks: WebhooksTable;
  webhook_messages: WebhookMessagesTable;
  webhook_deliveries: WebhookDeliveriesTable;
  email_settings: EmailSettingsTable;
  emails: EmailsTable;
  sources: SourcesTable;
  events: EventsTable;
  person_identities: PersonIdentitiesTable;
  feelings: FeelingsTable;
  reviews: ReviewsTable;
  surveys: SurveysTable;
  survey_invitations: SurveyInvitationsTable;
  survey_responses: SurveyResponsesTable;
  server_secrets: ServerSecretsTable;
  value_settings: ValueSettingsTable;
  customer_values: CustomerValuesTable;
  value_fits: ValueFitsTable;
  health_history: HealthHistoryTable;
  health_daily: HealthDailyTable;
  business_calendars: BusinessCalendarsTable;
  sla_policies: SlaPoliciesTable;
  root_causes: RootCausesTable;
  compensation_limits: CompensationLimitsTable;
  case_settings: CaseSettingsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_compensations: CaseCompensationsTable;
  promises: PromisesTable;
  promise_events: PromiseEventsTable;
}
