import type {
  CompaniesTable,
  CustomFieldDefsTable,
  InteractionPeopleTable,
  InteractionsTable,
  InteractionUsersTable,
  MembershipsTable,
  NotesTable,
  OrderLinesTable,
  OrdersTable,
  PeopleTable,
  ProductsTable,
  ReviewsTable,
  SurveyInvitationsTable,
  SurveyResponsesTable,
  SurveysTable,
  TasksTable,
} from '@rapport/db';
import type { Insertable } from 'kysely';

/** A row as the generators produce it: everything but the workspace, which the loader adds. */
type Row<T> = Omit<Insertable<T>, 'workspace_id'>;

export interface DemoRows {
  custom_field_defs: Row<CustomFieldDefsTable>[];
  companies: Row<CompaniesTable>[];
  people: Row<PeopleTable>[];
  memberships: Row<MembershipsTable>[];
  products: Row<ProductsTable>[];
  orders: Row<OrdersTable>[];
  order_lines: Row<OrderLinesTable>[];
  interactions: Row<InteractionsTable>[];
  interaction_people: Row<InteractionPeopleTable>[];
  interaction_users: Row<InteractionUsersTable>[];
  notes: Row<NotesTable>[];
  tasks: Row<TasksTable>[];
  reviews: Row<ReviewsTable>[];
  surveys: Row<SurveysTable>[];
  survey_invitations: Row<SurveyInvitationsTable>[];
  survey_responses: Row<SurveyResponsesTable>[];
}

export type DemoTable = keyof DemoRows;

/** The order in which the tables are written: every row's references exist before it. */
export const DEMO_TABLES: readonly DemoTable[] = [
  'custom_field_defs',
  'companies',
  'people',
  'memberships',
  'products',
  'orders',
  'order_lines',
  'reviews',
  'interactions',
  'interaction_people',
  'interaction_users',
  'notes',
  'tasks',
  'surveys',
  'survey_invitations',
  'survey_responses',
];

export function emptyRows(): DemoRows {
  return {
    custom_field_defs: [],
    companies: [],
    people: [],
    memberships: [],
    products: [],
    orders: [],
    order_lines: [],
    interactions: [],
    interaction_people: [],
    interaction_users: [],
    notes: [],
    tasks: [],
    reviews: [],
    surveys: [],
    survey_invitations: [],
    survey_responses: [],
  };
}

export function countRows(rows: DemoRows): Record<DemoTable, number> {
  return Object.fromEntries(DEMO_TABLES.map((table) => [table, rows[table].length])) as Record<
    DemoTable,
    number
  >;
}
