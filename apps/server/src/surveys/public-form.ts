import { AppError, answerSurvey, openSurvey } from '@rapport/core';
import type { Context, Hono } from 'hono';
import { STATUS, toAppError } from '../http/errors.ts';
import type { Deps } from '../http/mount.ts';
import { RateLimiter } from '../http/rate-limit.ts';
import { formPage, messagePage } from './form-html.ts';

/**
 * The public survey form at /s/<token>, outside the /api/v1 registry: no sign-in (the link's
 * signed token is the capability, so CSRF is moot), real HTML that works without JavaScript.
 * GET shows the questions; POST (a urlencoded form) records the answers once. Every refusal is a
 * page saying what happened: 400 (answers to correct, shown again), 404 (a link that is not
 * valid), 409 (answered already), 410 (expired, or the survey is closed), 429 (too many requests).
 */

const FORM_LIMIT = 64 * 1024;
/** Requests per client address and minute: plenty for people answering, little for guessing links. */
export const FORM_REQUESTS_PER_MINUTE = 60;

const HEADERS = {
  'Cache-Control': 'no-store',
  // The token is in the address: never send it on as a referrer, never index the page.
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

function html(c: Context, body: string, status: number) {
  for (const [name, value] of Object.entries(HEADERS)) c.header(name, value);
  return c.html(body, status as 200);
}

const TITLES: Partial<Record<AppError['code'], string>> = {
  not_found: 'This link is not valid',
  gone: 'This survey is no longer open',
  conflict: 'Already answered',
  payload_too_large: 'Too long',
  unsupported_media_type: 'Could not read the answers',
  rate_limited: 'Too many requests',
};

function failure(c: Context, error: unknown) {
  const appError = toAppError(error);
  if (appError.code === 'internal') {
    console.error(error);
    return html(
      c,
      messagePage('Something went wrong', 'Something went wrong on our side. Please try again in a moment.'),
      500,
    );
  }
  const title = TITLES[appError.code] ?? 'Something is not right';
  return html(c, messagePage(title, appError.message), STATUS[appError.code]);
}

function clientAddress(c: Context): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
    ?.socket;
  return forwarded || socket?.remoteAddress || 'local';
}

/** The form's fields: one value per field, a list for a field given more than once (checkboxes). */
async function readForm(c: Context): Promise<Record<string, string | string[]>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new AppError('unsupported_media_type', 'The answers must be sent by the survey’s form.', [
      { path: 'Content-Type', message: 'expected application/x-www-form-urlencoded' },
    ]);
  }
  const raw = await c.req.text();
  if (Buffer.byteLength(raw) > FORM_LIMIT) {
    throw new AppError('payload_too_large', 'The answers are too long to be recorded; please shorten them.', [
      { path: 'body', message: `over ${FORM_LIMIT} bytes` },
    ]);
  }
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const earlier = fields[key];
    fields[key] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return fields;
}

export function mountSurveyForms(app: Hono, deps: Deps) {
  const limiter = new RateLimiter(FORM_REQUESTS_PER_MINUTE, 60_000);
  const limited = (c: Context) => {
    const key = clientAddress(c);
    const wait = limiter.retryAfter(key);
    limiter.hit(key);
    if (!wait) return false;
    c.header('Retry-After', String(wait));
    throw new AppError(
      'rate_limited',
      `Too many requests from your address; please try again in ${wait} seconds.`,
    );
  };

  app.get('/s/:token', async (c) => {
    try {
      limited(c);
      return html(c, formPage(await openSurvey(deps.sys, c.req.param('token'))), 200);
    } catch (error) {
      return failure(c, error);
    }
  });

  app.post('/s/:token', async (c) => {
    const token = c.req.param('token');
    try {
      limited(c);
      const fields = await readForm(c);
      try {
        const done = await answerSurvey(deps.sys, token, fields);
        const thanks = done.thankYou ?? 'Thank you for your answers. They have been recorded.';
        return html(c, messagePage('Thank you', thanks), 200);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
        return html(c, formPage(await openSurvey(deps.sys, token), fields, error.details), 400);
      }
    } catch (error) {
      return failure(c, error);
    }
  });
}
