import { AppError, answerSurvey, openSurvey } from '@rapport/core';
import type { Context, Hono } from 'hono';
import type { Deps } from '../http/mount.ts';
import { failure, html, rateLimit } from '../http/public-page.ts';
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

const TITLES: Partial<Record<AppError['code'], string>> = {
  not_found: 'This link is not valid',
  gone: 'This survey is no longer open',
  conflict: 'Already answered',
  payload_too_large: 'Too long',
  unsupported_media_type: 'Could not read the answers',
  rate_limited: 'Too many requests',
};

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
  const limited = rateLimit(FORM_REQUESTS_PER_MINUTE);

  app.get('/s/:token', async (c) => {
    try {
      limited(c);
      return html(c, formPage(await openSurvey(deps.sys, c.req.param('token'))), 200);
    } catch (error) {
      return failure(c, error, TITLES);
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
      return failure(c, error, TITLES);
    }
  });
}
