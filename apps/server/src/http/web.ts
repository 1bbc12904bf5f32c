import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { compress } from 'hono/compress';

/** Where `vite build` puts the web app (apps/web/dist). */
export function webDir(): string {
  return join(createRequire(import.meta.url).resolve('@rapport/web/package.json'), '..', 'dist');
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rapport</title></head>
<body><h1>The web app is not built</h1><p>Run <code>npm run build -w @rapport/web</code> (or <code>npm start</code>,
which builds it), then reload. The API is up: <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/**
 * The web app: its hashed assets cached for a year, and index.html for every other path outside
 * /api, so the browser's router shows /people/per_… on a reload or a shared link.
 */
export function mountWeb(app: Hono, dir = webDir()) {
  const index = join(dir, 'index.html');
  app.use('/assets/*', compress());
  app.use(
    '/assets/*',
    serveStatic({
      root: dir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.get('*', async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) {
      return next();
    }
    if (!existsSync(index)) return c.html(NOT_BUILT, 503);
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(index, 'utf8'));
  });
}
