import { AppError, DataDirInUseError, type ErrorCode, fromDbError } from '@rapport/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The one table from error code to HTTP status. */
export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  merged: 409,
  conflict: 409,
  gone: 410,
  idempotency_mismatch: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  data_dir_in_use: 503,
  internal: 500,
};

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DataDirInUseError) return new AppError('data_dir_in_use', error.message);
  return (
    fromDbError(error) ?? new AppError('internal', 'Something went wrong on our side; it has been logged.')
  );
}

/**
 * Every error answers `{ error: { code, message, details: [{ path, message }] } }`. A GET of
 * a merged-away record is redirected to its survivor (301), with the same body.
 */
export function errorResponse(c: Context, error: unknown) {
  const appError = toAppError(error);
  if (appError.code === 'internal') console.error(error);
  const survivor = appError.meta.mergedIntoId;
  if (appError.code === 'merged' && c.req.method === 'GET' && typeof survivor === 'string') {
    const prefix = survivor.slice(0, survivor.indexOf('_') + 1);
    const id = c.req.path.split('/').find((part) => part.startsWith(prefix));
    if (id) {
      c.header('Location', c.req.path.replace(id, survivor));
      return c.json(appError.toJSON(), 301);
    }
  }
  return c.json(appError.toJSON(), STATUS[appError.code]);
}
