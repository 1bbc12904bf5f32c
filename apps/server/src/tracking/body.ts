import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gunzip, inflate } from 'node:zlib';
import { AppError } from '@rapport/core';
import type { Context } from 'hono';

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

/** JSON, or text/plain as browsers send it with sendBeacon and analytics.js (no CORS preflight). */
const TYPES = /^(application\/(?:[\w.+-]*\+)?json|text\/plain)\b/i;

function tooLarge(bytes: number | null, limit: number) {
  const size = bytes === null ? 'more than' : `${bytes.toLocaleString('en')} bytes,`;
  return new AppError(
    'validation_failed',
    `The request is ${size} over the ${limit / 1024} KB limit of this endpoint; send fewer messages per batch. Nothing was stored.`,
    [{ path: '(body)', message: `over ${limit / 1024} KB` }],
  );
}

/** The body as bytes, read no further than `limit` (a longer one is refused without reading it all). */
async function bytesOf(c: Context, limit: number): Promise<Buffer> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > limit) throw tooLarge(declared, limit);
  // On the Node server, straight from the socket (no Web stream in between); in tests, the Request.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const stream: AsyncIterable<Uint8Array> | null =
    incoming ?? (c.req.raw.body as AsyncIterable<Uint8Array> | null);
  if (!stream) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > limit) throw tooLarge(null, limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

async function decode(c: Context, raw: Buffer, limit: number): Promise<Buffer> {
  const encoding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return raw;
  if (encoding !== 'gzip' && encoding !== 'deflate') {
    throw new AppError(
      'unsupported_media_type',
      `Content-Encoding ${encoding} is not supported; send gzip or none.`,
      [{ path: 'Content-Encoding', message: `${encoding} is not gzip` }],
    );
  }
  try {
    const options = { maxOutputLength: limit + 1 };
    const out = encoding === 'gzip' ? await gunzipAsync(raw, options) : await inflateAsync(raw, options);
    if (out.length > limit) throw tooLarge(null, limit);
    return out;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof RangeError) throw tooLarge(null, limit);
    throw new AppError(
      'invalid_json',
      `The body is not valid ${encoding} data: ${(error as Error).message}.`,
      [{ path: '(body)', message: `not ${encoding}` }],
    );
  }
}

/** A tracking request's JSON: gzip or plain, as JSON or text/plain, within `limit` bytes (uncompressed). */
export async function readTrackingBody(c: Context, limit: number): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (type && !TYPES.test(type)) {
    throw new AppError(
      'unsupported_media_type',
      'Send the messages as JSON (application/json or text/plain).',
      [{ path: 'Content-Type', message: `${type} is not JSON` }],
    );
  }
  const text = (await decode(c, await bytesOf(c, limit), limit)).toString('utf8');
  if (text.trim() === '') {
    throw new AppError('invalid_json', 'The request needs a JSON body.', [
      { path: '(body)', message: 'empty' },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_json', `The body is not valid JSON: ${(error as Error).message}.`, [
      { path: '(body)', message: (error as Error).message },
    ]);
  }
}
