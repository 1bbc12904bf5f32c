import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Hono } from 'hono';

const require = createRequire(import.meta.url);

/** Swagger UI, served from our own node_modules: the docs page works with no internet. */
export function mountDocs(app: Hono) {
  const dist = join(require.resolve('swagger-ui-dist/package.json'), '..');
  const asset = (name: string, type: string) => {
    const body = readFileSync(join(dist, name));
    app.get(`/api/docs/${name}`, (c) =>
      c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' }),
    );
  };
  asset('swagger-ui.css', 'text/css; charset=utf-8');
  asset('swagger-ui-bundle.js', 'text/javascript; charset=utf-8');
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Rapport API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });
  </script>
</body>
</html>`),
  );
}
