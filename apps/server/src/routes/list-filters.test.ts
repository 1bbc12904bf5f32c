import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

async function ok(method: string, path: string, body?: unknown) {
  const res = await api.call(method, path, body === undefined ? {} : { body });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const names = async (path: string) =>
  ((await ok('GET', path)).data as { name: string }[]).map((record) => record.name).sort();

describe('list filters on custom fields of every type, company and level', () => {
  it('filters people by each custom field type through the API', async () => {
    const fields = [
      { key: 'nickname', type: 'text' },
      { key: 'score', type: 'number' },
      { key: 'renewal', type: 'date' },
      { key: 'vip', type: 'boolean' },
      { key: 'tier', type: 'select', options: ['gold', 'silver'] },
      { key: 'regions', type: 'multi_select', options: ['emea', 'apac', 'amer'] },
    ];
    for (const field of fields) {
      await ok('POST', '/api/v1/custom-fields', { entity: 'person', label: field.key, ...field });
    }
    await ok('POST', '/api/v1/people', {
      firstName: 'Ann',
      custom: {
        nickname: 'Annie',
        score: 7.5,
        renewal: '2027-01-31',
        vip: true,
        tier: 'gold',
        regions: ['emea', 'apac'],
      },
    });
    await ok('POST', '/api/v1/people', {
      firstName: 'Bob',
      custom: {
        nickname: 'Bobby',
        score: 10,
        renewal: '2027-02-01',
        vip: false,
        tier: 'silver',
        regions: ['amer'],
      },
    });
    await ok('POST', '/api/v1/people', { firstName: 'Cid' });
    expect(await names('/api/v1/people?custom.nickname=Annie')).toEqual(['Ann']);
    expect(await names('/api/v1/people?custom.nickname=annie')).toEqual(['Ann']);
    expect(await names('/api/v1/people?custom.score=7.5')).toEqual(['Ann']);
    expect(await names('/api/v1/people?custom.score=10')).toEqual(['Bob']);
    expect(await names('/api/v1/people?custom.score=10.0')).toEqual(['Bob']);
    expect(await names('/api/v1/people?custom.renewal=2027-02-01')).toEqual(['Bob']);
    expect(await names('/api/v1/people?custom.vip=true')).toEqual(['Ann']);
    expect(await names('/api/v1/people?custom.vip=false')).toEqual(['Bob']);
    expect(await names('/api/v1/people?custom.vip=no')).toEqual(['Bob']);
    expect(await names('/api/v1/people?custom.tier=silver')).toEqual(['Bob']);
    expect(await names('/api/v1/people?custom.regions=emea')).toEqual(['Ann']);
    expect(await names('/api/v1/people?custom.regions=apac|emea')).toEqual(['Ann']);
    expect(await names('/api/v1/people?custom.tier=gold&custom.vip=true&custom.score=7.5')).toEqual(['Ann']);
    expect(await names('/api/v1/people?custom.tier=gold&custom.vip=false')).toEqual([]);
  });

  it('filters companies by industry and custom fields, and people by company and level', async () => {
    await ok('POST', '/api/v1/custom-fields', {
      entity: 'company',
      key: 'sites',
      label: 'Sites',
      type: 'number',
    });
    await ok('POST', '/api/v1/custom-fields', {
      entity: 'company',
      key: 'partner',
      label: 'Partner',
      type: 'boolean',
    });
    const acme = await ok('POST', '/api/v1/companies', {
      name: 'Acme',
      industry: 'Pharma',
      custom: { sites: 3, partner: true },
    });
    const beta = await ok('POST', '/api/v1/companies', {
      name: 'Beta',
      industry: 'Medtech',
      custom: { sites: 12 },
    });
    expect(await names('/api/v1/companies?industry=pharma')).toEqual(['Acme']);
    expect(await names('/api/v1/companies?custom.sites=12')).toEqual(['Beta']);
    expect(await names('/api/v1/companies?custom.partner=true&industry=Pharma')).toEqual(['Acme']);
    const unknown = await api.call('GET', '/api/v1/companies?custom.vip=true');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('custom.vip');

    const dora = await ok('POST', '/api/v1/people', { firstName: 'Dora' });
    const emil = await ok('POST', '/api/v1/people', { firstName: 'Emil' });
    const fay = await ok('POST', '/api/v1/people', { firstName: 'Fay' });
    await ok('POST', '/api/v1/memberships', { personId: dora.id, companyId: acme.id, level: 'executive' });
    await ok('POST', '/api/v1/memberships', { personId: emil.id, companyId: acme.id, level: 'end_user' });
    await ok('POST', '/api/v1/memberships', { personId: fay.id, companyId: beta.id, level: 'executive' });
    expect(await names(`/api/v1/people?companyId=${acme.id}`)).toEqual(['Dora', 'Emil']);
    expect(await names(`/api/v1/people?companyId=${acme.id}&level=executive`)).toEqual(['Dora']);
    expect(await names('/api/v1/people?level=executive')).toEqual(['Dora', 'Fay']);
  });
});
