import type { Context } from 'hono';

/** The origin people will open public links at (survey forms, case status pages): this request's, as a proxy in front tells it. */
export function linkBase(c: Context) {
  const url = new URL(c.req.url);
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(':', '');
  const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim() || url.host;
  return { baseUrl: `${proto}://${host}` };
}
