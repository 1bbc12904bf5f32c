import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

const FILE = 'name,domain,employees\nAcme,acme.test,120\nBroken,not a domain,12\nBeta,beta.test,many\n';

describe('imports and exports over HTTP', () => {
  it('previews, dry-runs, imports a CSV and serves the error CSV', async () => {
    const form = new FormData();
    form.set('file', new File([FILE], 'companies.csv', { type: 'text/csv' }));
    const preview = await api.app.request('/api/v1/imports/companies/preview', {
      method: 'POST',
      headers: { authorization: `Bearer ${api.key}` },
      body: form,
    });
    expect(preview.status).toBe(200);
    const shown = (await preview.json()) as { suggestedMapping: unknown };
    expect(shown).toMatchObject({ headers: ['name', 'domain', 'employees'], totalRows: 3 });
    expect(shown.suggestedMapping).toEqual({ name: 'name', domain: 'domain', employees: 'employeeCount' });

    const dry = await api.call('POST', '/api/v1/imports/companies?dryRun=true', {
      body: FILE,
      headers: { 'content-type': 'text/csv' },
    });
    expect(dry.status).toBe(201);
    expect(dry.body).toMatchObject({ dryRun: true, created: 1, rejected: 2, hasErrorCsv: true });
    expect((await api.call('GET', '/api/v1/companies?q=acme')).body.data).toEqual([]);

    const run = await api.call('POST', '/api/v1/imports/companies?fileName=companies.csv', {
      body: FILE,
      headers: { 'content-type': 'text/csv' },
    });
    expect(run.body).toMatchObject({ dryRun: false, created: 1, rejected: 2, fileName: 'companies.csv' });
    expect(run.body.errors).toEqual([
      { line: 3, column: 'domain', message: 'must be a domain like acme.com' },
      { line: 4, column: 'employees', message: 'must be a number like 42' },
    ]);
    const errors = await api.app.request(`/api/v1/imports/${run.body.id}/errors.csv`, {
      headers: { authorization: `Bearer ${api.key}` },
    });
    expect(errors.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await errors.text();
    expect(text).toContain('Broken,not a domain,12,"line 3, domain: must be a domain like acme.com"');
    const listed = await api.call('GET', '/api/v1/imports');
    expect(listed.body.data.map((r: { id: string }) => r.id)).toContain(run.body.id);
  });

  it('refuses other media types and unknown kinds', async () => {
    const json = await api.call('POST', '/api/v1/imports/people', { body: { a: 1 } });
    expect(json.status).toBe(415);
    const planets = await api.call('POST', '/api/v1/imports/planets', {
      body: 'a\n1',
      headers: { 'content-type': 'text/csv' },
    });
    expect(planets.status).toBe(400);
    expect(planets.body.error.details[0].path).toBe('kind');
    const empty = await api.call('POST', '/api/v1/imports/people', {
      body: ' ',
      headers: { 'content-type': 'text/csv' },
    });
    expect(empty.status).toBe(400);
  });

  it('exports CSV that imports back unchanged, and JSON lines', async () => {
    await api.call('POST', '/api/v1/people', {
      body: { firstName: 'Export', lastName: 'Me', email: 'export@example.test', tags: ['a', 'b'] },
    });
    const res = await api.app.request('/api/v1/exports/people', {
      headers: { authorization: `Bearer ${api.key}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('people.csv');
    const csv = await res.text();
    expect(csv.split('\r\n')[0]).toMatch(/^id,external_id,first_name,last_name,email,/);
    expect(csv).toContain('export@example.test');
    const again = await api.call('POST', '/api/v1/imports/people', {
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(again.body).toMatchObject({ created: 0, updated: 0, rejected: 0 });
    expect(again.body.unchanged).toBeGreaterThan(0);
    const lines = await (
      await api.app.request('/api/v1/exports/people?format=jsonl', {
        headers: { authorization: `Bearer ${api.key}` },
      })
    ).text();
    const first = JSON.parse(lines.split('\n')[0]!);
    expect(first).toHaveProperty('memberships');
    const viewer = await api.keyFor('viewer');
    const orders = await api.app.request('/api/v1/exports/orders', {
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(orders.status).toBe(200);
    expect((await orders.text()).split('\r\n')[0]).toMatch(/^id,external_id,person_id,person_email,/);
  });
});
