import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

async function person(firstName: string, tags: string[]): Promise<string> {
  const created = await api.call('POST', '/api/v1/people', {
    body: { firstName, lastName: 'Bulk', email: `${firstName.toLowerCase()}@bulk.test`, tags },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function company(name: string, tags: string[]): Promise<string> {
  const created = await api.call('POST', '/api/v1/companies', { body: { name, tags } });
  expect(created.status).toBe(201);
  return created.body.id;
}

const paths = (body: { error: { details: { path: string }[] } }) => body.error.details.map((d) => d.path);

describe('bulk actions and selection exports over HTTP', () => {
  it('tags ticked people, removes a tag from all matching, and counts them', async () => {
    const mia = await person('Mia', ['h-tag']);
    const noah = await person('Noah', ['h-tag']);
    const olga = await person('Olga', ['h-tag']);
    const added = await api.call('POST', '/api/v1/people/bulk', {
      body: { ids: [mia, noah], action: { type: 'addTags', tags: ['Fair-2026'] } },
    });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ matched: 2, changed: 2, skipped: 0 });
    const tagged = await api.call('GET', '/api/v1/people?tag=fair-2026');
    expect(tagged.body.data.map((p: { id: string }) => p.id).sort()).toEqual([mia, noah].sort());

    const count = await api.call('GET', '/api/v1/people/count?tag=h-tag');
    expect(count.body).toEqual({ count: 3, exact: true });
    const removed = await api.call('POST', '/api/v1/people/bulk', {
      body: { filter: { tag: ['h-tag', 'fair-2026'] }, action: { type: 'removeTags', tags: ['fair-2026'] } },
    });
    expect(removed.body).toEqual({ matched: 2, changed: 2, skipped: 0 });
    expect((await api.call('GET', `/api/v1/people/${olga}`)).body.tags).toEqual(['h-tag']);
    expect((await api.call('GET', '/api/v1/people/count?tag=fair-2026')).body.count).toBe(0);
  });

  it('assigns and clears the owner of companies; refuses an unknown user, bad and too many ids', async () => {
    const acme = await company('Acme Bulk', ['h-owner']);
    const beta = await company('Beta Bulk', ['h-owner']);
    const owned = await api.call('POST', '/api/v1/companies/bulk', {
      body: { filter: { tag: 'h-owner' }, action: { type: 'setOwner', ownerId: api.ws.adminId } },
    });
    expect(owned.body).toEqual({ matched: 2, changed: 2, skipped: 0 });
    expect((await api.call('GET', `/api/v1/companies/${beta}`)).body.ownerId).toBe(api.ws.adminId);

    const unknown = await api.call('POST', '/api/v1/companies/bulk', {
      body: { ids: [acme], action: { type: 'setOwner', ownerId: 'usr_nobody' } },
    });
    expect(unknown.status).toBe(400);
    expect(paths(unknown.body)).toEqual(['action.ownerId']);
    const badIds = await api.call('POST', '/api/v1/companies/bulk', {
      body: { ids: [acme, 'com_missing'], action: { type: 'setOwner', ownerId: null } },
    });
    expect(badIds.status).toBe(400);
    expect(paths(badIds.body)).toEqual(['ids.1']);
    const tooMany = await api.call('POST', '/api/v1/companies/bulk', {
      body: { ids: Array.from({ length: 1001 }, () => acme), action: { type: 'setOwner', ownerId: null } },
    });
    expect(tooMany.status).toBe(400);
    expect(paths(tooMany.body)).toEqual(['ids']);
    expect((await api.call('GET', `/api/v1/companies/${acme}`)).body.ownerId).toBe(api.ws.adminId);

    const cleared = await api.call('POST', '/api/v1/companies/bulk', {
      body: { ids: [acme, beta], action: { type: 'setOwner', ownerId: null } },
    });
    expect(cleared.body.changed).toBe(2);
    expect((await api.call('GET', '/api/v1/companies/count?tag=h-owner')).body).toEqual({
      count: 2,
      exact: true,
    });
    const audit = await api.call('GET', `/api/v1/audit-log?entityId=${acme}`);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
  });

  it('lets a viewer count and export but not change', async () => {
    const viewer = await api.keyFor('viewer');
    const id = await person('Vera', ['h-viewer']);
    for (const path of ['/api/v1/people/bulk', '/api/v1/companies/bulk']) {
      const denied = await api.call('POST', path, {
        key: viewer,
        body: { ids: [id], action: { type: 'addTags', tags: ['no'] } },
      });
      expect(denied.status).toBe(403);
    }
    expect((await api.call('GET', `/api/v1/people/${id}`)).body.tags).toEqual(['h-viewer']);
    expect((await api.call('GET', '/api/v1/people/count?tag=h-viewer', { key: viewer })).body.count).toBe(1);
    const exported = await api.call('POST', '/api/v1/exports/people', { key: viewer, body: { ids: [id] } });
    expect(exported.status).toBe(200);
  });

  it('exports exactly the selected people as CSV that imports back, or as JSON lines', async () => {
    const ids = [await person('Xena', ['h-export']), await person('Yuri', ['h-export'])];
    await person('Zoe', ['h-export-not']);
    const byIds = await api.call('POST', '/api/v1/exports/people', { body: { ids } });
    expect(byIds.status).toBe(200);
    expect(byIds.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = (byIds.body as string).trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(
      rows
        .slice(1)
        .map((row) => row.split(',')[0])
        .sort(),
    ).toEqual([...ids].sort());
    const again = await api.call('POST', '/api/v1/imports/people', {
      body: byIds.body,
      headers: { 'content-type': 'text/csv' },
    });
    expect(again.body).toMatchObject({ created: 0, updated: 0, rejected: 0, unchanged: 2 });

    const byFilter = await api.call('POST', '/api/v1/exports/people?format=jsonl', {
      body: { filter: { tag: 'h-export' } },
    });
    const records = (byFilter.body as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((r: { id: string }) => r.id).sort()).toEqual([...ids].sort());

    const companyId = await company('Export Bulk', ['h-export']);
    const companies = await api.call('POST', '/api/v1/exports/companies', {
      body: { filter: { tag: 'h-export' } },
    });
    expect((companies.body as string).trim().split('\r\n').slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^${companyId},`)),
    ]);
  });

  it('takes the list filters as the list does: custom fields, company', async () => {
    await api.call('POST', '/api/v1/custom-fields', {
      body: { entity: 'person', key: 'region', label: 'Region', type: 'text' },
    });
    const acme = await company('Acme Filters', []);
    const made = await api.call('POST', '/api/v1/people', {
      body: { firstName: 'Rita', custom: { region: 'North' } },
    });
    await api.call('POST', '/api/v1/people', { body: { firstName: 'Ruth', custom: { region: 'North' } } });
    const member = await api.call('POST', '/api/v1/memberships', {
      body: { personId: made.body.id, companyId: acme },
    });
    expect(member.status).toBe(201);
    await api.call('POST', '/api/v1/people', { body: { firstName: 'Sam', custom: { region: 'South' } } });
    expect((await api.call('GET', '/api/v1/people/count?custom.region=north')).body).toEqual({
      count: 2,
      exact: true,
    });
    const tagged = await api.call('POST', '/api/v1/people/bulk', {
      body: {
        filter: { custom: { region: 'NORTH' }, companyId: acme },
        action: { type: 'addTags', tags: ['north'] },
      },
    });
    expect(tagged.body).toEqual({ matched: 1, changed: 1, skipped: 0 });
    expect((await api.call('GET', `/api/v1/people/${made.body.id}`)).body.tags).toEqual(['north']);
    const unknown = await api.call('GET', '/api/v1/people/count?custom.nope=1');
    expect(unknown.status).toBe(400);
    expect(paths(unknown.body)).toEqual(['custom.nope']);
  });

  it('refuses a bad selection before anything streams', async () => {
    const unknown = await api.call('POST', '/api/v1/exports/people', { body: { ids: ['per_missing'] } });
    expect(unknown.status).toBe(400);
    expect(paths(unknown.body)).toEqual(['ids.0']);
    const filter = await api.call('POST', '/api/v1/exports/companies', {
      body: { filter: { relationshipType: 'alien' } },
    });
    expect(filter.status).toBe(400);
    expect(paths(filter.body)).toEqual(['filter.relationshipType']);
    const both = await api.call('POST', '/api/v1/exports/people', { body: {} });
    expect(paths(both.body)).toEqual(['ids']);
    const orders = await api.call('POST', '/api/v1/exports/orders', { body: { ids: ['ord_x'] } });
    expect(orders.status).toBe(400);
    expect(paths(orders.body)).toEqual(['kind']);
  });
});
