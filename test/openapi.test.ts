import { routes } from '@rapport/server';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../apps/server/src/testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document that lists every route with its schemas', async () => {
    const res = await api.call('GET', '/api/openapi.json', { key: null });
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const route of routes) {
      const operation = doc.paths[`/api/v1${route.path}`]?.[route.method];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      if (route.body) expect(operation.requestBody.content['application/json'].schema).toBeDefined();
    }
    const createPerson = doc.paths['/api/v1/people'].post;
    const body = createPerson.requestBody.content['application/json'].schema;
    const schema = body.$ref ? doc.components.schemas[body.$ref.split('/').pop()] : body;
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['email', 'firstName', 'custom', 'consent']),
    );
  });

  it('serves a docs page that works offline', async () => {
    const page = await api.app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/api/openapi.json');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    const bundle = await api.app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
  });

  it('reports health with the database kind', async () => {
    const res = await api.call('GET', '/api/health', { key: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok' });
    expect(['pglite', 'postgres']).toContain(res.body.database);
  });
});
