import { AppError } from '@rapport/core';
import type { Context } from 'hono';

/** CSV (and JSON-lines) uploads may be large (a shop's order history); JSON bodies stay at 1 MiB. */
export const UPLOAD_LIMIT = 200 * 1024 * 1024;

export interface Upload {
  file: Buffer;
  fileName: string | null;
  mapping: string | null;
  dryRun: boolean;
}

function tooLarge() {
  return new AppError(
    'payload_too_large',
    `The file is larger than the ${UPLOAD_LIMIT / 1024 / 1024} MiB upload limit; import it with the CLI.`,
    [{ path: 'file', message: `over ${UPLOAD_LIMIT} bytes` }],
  );
}

/**
 * A CSV or JSON-lines file sent as the body (`Content-Type: text/csv` or `application/x-ndjson`,
 * options in the query) or as a form
 * (`multipart/form-data` with `file`, and optionally `mapping` and `dryRun` fields).
 */
export async function readUpload(c: Context): Promise<Upload> {
  const type = c.req.header('content-type') ?? '';
  if (Number(c.req.header('content-length') ?? 0) > UPLOAD_LIMIT) throw tooLarge();
  const flag = (value: unknown) => value === 'true' || value === '1';
  if (/^multipart\/form-data/i.test(type)) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) {
      throw new AppError('validation_failed', 'The form needs a "file" field with the CSV file.', [
        { path: 'file', message: 'missing' },
      ]);
    }
    if (file.size > UPLOAD_LIMIT) throw tooLarge();
    return {
      file: Buffer.from(await file.arrayBuffer()),
      fileName: file.name || null,
      mapping: typeof form.mapping === 'string' && form.mapping.trim() ? form.mapping : null,
      dryRun: flag(form.dryRun) || flag(c.req.query('dryRun')),
    };
  }
  const jsonl = /^application\/(x-ndjson|jsonl|x-jsonlines|json-lines)/i.test(type);
  if (!jsonl && !/^(text\/csv|text\/plain|application\/csv|application\/octet-stream)/i.test(type)) {
    throw new AppError(
      'unsupported_media_type',
      'Send the file as the body with "Content-Type: text/csv" (or application/x-ndjson for JSON lines), or as multipart/form-data.',
      [{ path: 'Content-Type', message: type ? `${type} is not CSV` : 'missing' }],
    );
  }
  const file = Buffer.from(await c.req.arrayBuffer());
  if (file.length > UPLOAD_LIMIT) throw tooLarge();
  return {
    file,
    fileName: c.req.query('fileName') ?? (jsonl ? 'upload.jsonl' : null),
    mapping: c.req.query('mapping') ?? null,
    dryRun: flag(c.req.query('dryRun')),
  };
}
