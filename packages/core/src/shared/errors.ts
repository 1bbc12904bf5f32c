import type { z } from 'zod';

/**
 * The closed list of error codes. The server maps each to one HTTP status (apps/server
 * errors.ts); the CLI prints the message and exits non-zero. Domain code never knows HTTP.
 */
export const ERROR_CODES = [
  'invalid_json',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'merged',
  'conflict',
  'gone',
  'idempotency_mismatch',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'data_dir_in_use',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  /** Where the problem is: a field path like `memberships.0.level`, or `line 14, column email`. */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Extra data for the caller, e.g. the survivor of a merged record. */
    readonly meta: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, details: this.details, ...this.meta } };
  }
}

export function notFound(entity: string, id: string, path = 'id'): AppError {
  return new AppError('not_found', `No ${entity} with id ${id} in this workspace.`, [
    { path, message: `${entity} ${id} not found` },
  ]);
}

export function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, [{ path, message }]);
}

export function conflict(path: string, message: string): AppError {
  return new AppError('conflict', `${path}: ${message}`, [{ path, message }]);
}

/**
 * A validation error with every field path moved under `prefix`, for input checked inside a
 * field of a larger input (a saved view's `filters` are a list query: `sort` → `filters.sort`).
 */
export function underPath(prefix: string, error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'validation_failed') return error;
  const details = error.details.map((detail) => ({ ...detail, path: `${prefix}.${detail.path}` }));
  const first = details[0];
  const summary = first ? `${first.path}: ${first.message}` : prefix;
  return new AppError(error.code, `Invalid input: ${summary}.`, details, error.meta);
}

/** Field paths from a zod error, e.g. `address.country`; `prefix` scopes them (e.g. `query`). */
export function detailsFromZod(error: z.ZodError, prefix?: string): ErrorDetail[] {
  const join = (parts: PropertyKey[]) =>
    [prefix, ...parts.map(String)].filter((part) => part !== undefined && part !== '').join('.') || '(root)';
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: join([...issue.path, key]), message: 'unknown field' }))
      : [{ path: join(issue.path), message: issue.message }],
  );
}

export function fromZod(error: z.ZodError, prefix?: string): AppError {
  const details = detailsFromZod(error, prefix);
  const first = details[0];
  const summary = first ? `${first.path}: ${first.message}` : 'invalid input';
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return new AppError('validation_failed', `Invalid input: ${summary}${more}.`, details);
}
