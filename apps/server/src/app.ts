import type { Db } from '@rapport/core';
import { type Clock, databaseHealth, systemClock, systemCtx } from '@rapport/core';
import { Hono } from 'hono';
import { mountCaseStatusPages } from './cases/status-page.ts';
import { mountDocs } from './docs.ts';
import { errorResponse } from './http/errors.ts';
import { mount, notFoundRoute } from './http/mount.ts';
import { mountWeb } from './http/web.ts';
import { openApiDocument } from './openapi.ts';
import { routes } from './routes/index.ts';
import { mountSurveyForms } from './surveys/public-form.ts';
import { mountTracking } from './tracking/tracking.ts';

export const VERSION = '0.1.0';

export interface AppOptions {
  db: Db;
  clock?: Clock;
}

export function createApp({ db, clock = systemClock }: AppOptions): Hono {
  const app = new Hono();
  const deps = { db, clock, sys: systemCtx(db, clock) };
  app.get('/api/health', async (c) => {
    const health = await databaseHealth(deps.sys);
    return c.json(
      { status: health.ok ? 'ok' : 'unavailable', database: health.database, version: VERSION },
      health.ok ? 200 : 503,
    );
  });
  let document: unknown;
  app.get('/api/openapi.json', (c) => {
    document ??= openApiDocument(routes, VERSION);
    return c.json(document as object);
  });
  mountDocs(app);
  // Static paths before parameterised ones, so /people/duplicates is not taken for /people/{id}.
  const params = (path: string) => (path.match(/\{/g) ?? []).length;
  for (const route of [...routes].sort((a, b) => params(a.path) - params(b.path))) mount(app, route, deps);
  mountTracking(app, deps);
  mountSurveyForms(app, deps);
  mountCaseStatusPages(app, deps);
  mountWeb(app);
  app.notFound(notFoundRoute);
  app.onError((error, c) => errorResponse(c, error));
  return app;
}
