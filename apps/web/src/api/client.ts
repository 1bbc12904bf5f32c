import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The API's types, generated from its OpenAPI document (scripts/api-types.ts). */
export type Schemas = components['schemas'];
export type Role = Schemas['Me']['role'];

/** Typed fetch for every route of /api (same origin, session cookie). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

export interface FieldProblem {
  path: string;
  message: string;
}

/** The server's error shape `{ error: { code, message, details } }` as an exception. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[],
  ) {
    super(message);
  }
}

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a call, or an ApiError carrying the server's message and field paths. */
export async function call<T>(request: Promise<Outcome<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { error?: { code?: string; message?: string; details?: FieldProblem[] } };
  throw new ApiError(
    response.status,
    body.error?.code ?? 'error',
    body.error?.message ?? `${response.status} ${response.statusText}`,
    body.error?.details ?? [],
  );
}

/** Field errors keyed by path (`email`, `address.city`), for forms. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.details.map((d) => [d.path, d.message]));
}

/** The message for a field or anything inside it (`tags` also answers for `tags.2`). */
export function errorFor(errors: Record<string, string>, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}
