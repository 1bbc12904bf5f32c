import { AppError } from './errors.ts';

interface PgError {
  code: string;
  constraint?: string;
  detail?: string;
  message: string;
  column?: string;
}

function isPgError(error: unknown): error is PgError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as PgError).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((error as PgError).code)
  );
}

/** Unique constraints a user can run into, by name: the field it concerns and what to do. */
const UNIQUE: Record<string, [path: string, message: string]> = {
  people_email_key: [
    'email',
    'another person in this workspace has this email; update that person or merge the two',
  ],
  people_external_id_key: ['externalId', 'another person in this workspace has this external id'],
  companies_domain_key: [
    'domain',
    'another company in this workspace has this domain; update it or merge the two',
  ],
  companies_external_id_key: ['externalId', 'another company in this workspace has this external id'],
  orders_external_id_key: ['externalId', 'another order in this workspace has this external id'],
  interactions_external_id_key: ['externalId', 'another interaction in this workspace has this external id'],
  products_workspace_id_sku_key: ['sku', 'another product in this workspace has this SKU'],
  reviews_workspace_id_source_external_id_key: [
    'externalId',
    'another review or mention from this source has this external id',
  ],
  memberships_workspace_id_person_id_company_id_key: [
    'companyId',
    'this person is already a member of this company',
  ],
  custom_field_defs_workspace_id_entity_key_key: [
    'key',
    'a custom field with this key already exists for this entity',
  ],
  saved_views_name_key: ['name', 'you already have a view of this list with this name; choose another name'],
  users_email_key: ['email', 'a user with this email already exists'],
  workspaces_slug_key: ['slug', 'a workspace with this slug already exists'],
};

/** Foreign keys, by the column that points: which field names an unknown record. */
const REFERENCE: Record<string, string> = {
  owner_id: 'ownerId',
  assignee_id: 'assigneeId',
  person_id: 'personId',
  company_id: 'companyId',
  order_id: 'orderId',
  product_id: 'productId',
  corrects_id: 'correctsId',
  user_id: 'userId',
  merged_into_id: 'mergedIntoId',
};

/**
 * Turns what PostgreSQL refused into an AppError a user can act on. Anything not recognised
 * here is a bug and stays an internal error.
 */
export function fromDbError(error: unknown): AppError | null {
  if (!isPgError(error)) return null;
  if (error.code === '23505') {
    const known = error.constraint ? UNIQUE[error.constraint] : undefined;
    const [path, message] = known ?? ['(record)', `duplicate value (${error.detail ?? error.constraint})`];
    return new AppError('conflict', `${path}: ${message}.`, [{ path, message }]);
  }
  if (error.code === '23503') {
    // Under row-level security PostgreSQL omits the key values from the detail; the
    // constraint name (<table>_workspace_id_<column>_fkey) still says which column failed.
    const column =
      /\(workspace_id, (\w+)\)/.exec(error.detail ?? '')?.[1] ??
      Object.keys(REFERENCE).find((key) => error.constraint?.endsWith(`_${key}_fkey`)) ??
      '';
    const path = REFERENCE[column] ?? (column || '(reference)');
    if ((error.detail ?? '').includes('is still referenced')) {
      return new AppError('conflict', `This record is still referenced by other records (${error.detail}).`, [
        { path, message: 'still referenced' },
      ]);
    }
    const id = /=\([^,]+, ([^)]+)\)/.exec(error.detail ?? '')?.[1] ?? '';
    const message = `${id || 'the referenced record'} does not exist in this workspace`;
    return new AppError('validation_failed', `${path}: ${message}.`, [{ path, message }]);
  }
  if (error.code === '23514' || error.code === '23502' || error.code.startsWith('22')) {
    return new AppError('validation_failed', `The database rejected a value: ${error.message}.`, [
      { path: error.column ?? '(record)', message: error.message },
    ]);
  }
  if (error.code === '42501' && error.message.includes('row-level security')) {
    return new AppError('forbidden', 'That record belongs to another workspace.', [
      { path: 'workspaceId', message: 'not your workspace' },
    ]);
  }
  return null;
}
