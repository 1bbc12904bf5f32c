import { AppError } from '@rapport/core';
import type { Context } from 'hono';
import { messagePage } from '../surveys/form-html.ts';
import { STATUS, toAppError } from './errors.ts';
import { RateLimiter } from './rate-limit.ts';

/**
 * What the public pages opened by a signed link share (the survey form /s/<token>, the case
 * status page /c/<token>): strict headers, a page per refusal with its status, and a rate limit
 * per client address and process.
 */

const HEADERS = {
  'Cache-Control': 'no-store',
  // The token is in the address: never send it on as a referrer, never index the page.
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

export function html(c: Context, body: string, status: number) {
  for (const [name, value] of Object.entries(HEADERS)) c.header(name, value);
  return c.html(body, status as 200);
}

/** The page for an error: its title by code (`titles`), the error's message, its HTTP status. */
export function failure(c: Context, error: unknown, titles: Partial<Record<AppError['code'], string>>) {
  const appError = toAppError(error);
  if (appError.code === 'internal') {
    console.error(error);
    return html(
      c,
      messagePage('Something went wrong', 'Something went wrong on our side. Please try again in a moment.'),
      500,
    );
  }
  const title = titles[appError.code] ?? 'Something is not right';
  return html(c, messagePage(title, appError.message), STATUS[appError.code]);
}

function clientAddress(c: Context): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
    ?.socket;
  return forwarded || socket?.remoteAddress || 'local';
}

/** Counts a request of the client; throws rate_limited (with Retry-After) past `perMinute`. */
export function rateLimit(perMinute: number): (c: Context) => void {
  const limiter = new RateLimiter(perMinute, 60_000);
  return (c) => {
    const key = clientAddress(c);
    const wait = limiter.retryAfter(key);
    limiter.hit(key);
    if (!wait) return;
    c.header('Retry-After', String(wait));
    throw new AppError(
      'rate_limited',
      `Too many requests from your address; please try again in ${wait} seconds.`,
    );
  };
}
