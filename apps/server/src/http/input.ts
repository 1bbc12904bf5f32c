import { AppError, parseInput } from '@rapport/core';
import type { Context } from 'hono';
import type { z } from 'zod';

/** JSON bodies are limited to 1 MiB; CSV imports have their own, larger limit. */
export const JSON_LIMIT = 1024 * 1024;

/**
 * Query parameters as an object: a repeated parameter becomes a list, and `custom.<key>=v`
 * parameters gather under `custom`.
 */
export function readQuery(c: Context): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const custom: Record<string, string> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (key.startsWith('custom.')) custom[key.slice(7)] = values.at(-1) ?? '';
    else out[key] = values.length === 1 ? values[0] : values;
  }
  if (Object.keys(custom).length) out.custom = custom;
  return out;
}

export async function readJsonBody(c: Context): Promise<{ value: unknown; raw: string }> {
  const type = c.req.header('content-type') ?? '';
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > JSON_LIMIT) throw tooLarge();
  const raw = await c.req.text();
  if (Buffer.byteLength(raw) > JSON_LIMIT) throw tooLarge();
  if (raw.trim() === '') {
    throw new AppError('invalid_json', 'The request needs a JSON body.', [
      { path: 'body', message: 'empty' },
    ]);
  }
  if (!/^application\/(?:[\w.+-]*\+)?json\b/i.test(type)) {
    throw new AppError(
      'unsupported_media_type',
      'Send the body as JSON with "Content-Type: application/json".',
      [{ path: 'Content-Type', message: type ? `${type} is not JSON` : 'missing' }],
    );
  }
  try {
    return { value: JSON.parse(raw), raw };
  } catch (error) {
    throw new AppError('invalid_json', `The body is not valid JSON: ${(error as Error).message}.`, [
      { path: 'body', message: (error as Error).message },
    ]);
  }
}

function tooLarge() {
  return new AppError(
    'payload_too_large',
    `The body is larger than the ${JSON_LIMIT / 1024} KiB limit for JSON.`,
    [{ path: 'body', message: `over ${JSON_LIMIT} bytes` }],
  );
}

export function parsePart<S extends z.ZodType>(schema: S | undefined, value: unknown, prefix: string) {
  return schema ? parseInput(schema, value, prefix) : undefined;
}
