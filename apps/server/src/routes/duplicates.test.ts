import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

const ok = (method: string, path: string, body?: unknown) => api.ok(method, path, body);

describe('duplicates and merge', () => {
  it('suggests people who share a mailbox, a phone or a name at one company', async () => {
    const a = await ok('POST', '/api/v1/people', {
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane.doe@gmail.com',
    });
    const b = await ok('POST', '/api/v1/people', {
      firstName: 'J.',
      lastName: 'Doe',
      email: 'janedoe+shop@gmail.com',
    });
    const c = await ok('POST', '/api/v1/people', { firstName: 'Max', phone: '+41 44 123 45 67' });
    const d = await ok('POST', '/api/v1/people', { firstName: 'Maxi', phone: '+41 (44) 123-45-67' });
    await ok('POST', '/api/v1/people', { firstName: 'Unique', email: 'unique@example.test' });
    const pairs = await ok('GET', '/api/v1/people/duplicates');
    const found = pairs.data.map(
      (p: { first: { id: string }; second: { id: string }; reasons: string[] }) => [
        [p.first.id, p.second.id].sort().join(' '),
        p.reasons,
      ],
    );
    expect(found).toContainEqual([[a.id, b.id].sort().join(' '), ['email']]);
    expect(found).toContainEqual([[c.id, d.id].sort().join(' '), ['phone']]);
    expect(found).toHaveLength(2);

    await ok('POST', '/api/v1/people/duplicates/dismiss', { firstId: d.id, secondId: c.id });
    const after = await ok('GET', '/api/v1/people/duplicates');
    expect(after.data).toHaveLength(1);
  });

  it('merges two people keeping every interaction, order, note, task and membership of both', async () => {
    const company = await ok('POST', '/api/v1/companies', { name: 'Merge Co', domain: 'merge.test' });
    const other = await ok('POST', '/api/v1/companies', { name: 'Other Co' });
    const keep = await ok('POST', '/api/v1/people', {
      firstName: 'Kim',
      email: 'kim@merge.test',
      tags: ['vip'],
    });
    const lose = await ok('POST', '/api/v1/people', {
      lastName: 'Park',
      email: 'kim.park@merge.test',
      phone: '+1 555 0101',
      tags: ['newsletter'],
      doNotContact: true,
    });
    await ok('POST', '/api/v1/memberships', { personId: keep.id, companyId: company.id, role: 'Buyer' });
    await ok('POST', '/api/v1/memberships', { personId: lose.id, companyId: company.id, role: 'Purchasing' });
    await ok('POST', '/api/v1/memberships', { personId: lose.id, companyId: other.id, role: 'Advisor' });
    const shared = await ok('POST', '/api/v1/interactions', {
      channel: 'meeting',
      direction: 'internal',
      people: [{ personId: keep.id }, { personId: lose.id }],
    });
    const own = await ok('POST', '/api/v1/interactions', {
      channel: 'sms',
      direction: 'inbound',
      people: [{ personId: lose.id }],
    });
    const order = await ok('POST', '/api/v1/orders', { personId: lose.id, currency: 'USD', totalMinor: 999 });
    await ok('POST', '/api/v1/notes', { personId: lose.id, body: 'Met at the trade fair.' });
    await ok('POST', '/api/v1/tasks', { title: 'Send samples', personId: lose.id });

    const merged = await ok('POST', '/api/v1/people/merge', { survivorId: keep.id, mergedId: lose.id });
    expect(merged).toMatchObject({
      firstName: 'Kim',
      lastName: 'Park',
      email: 'kim@merge.test',
      additionalEmails: ['kim.park@merge.test'],
      phone: '+1 555 0101',
      doNotContact: true,
    });
    expect(merged.tags.sort()).toEqual(['newsletter', 'vip']);
    expect(
      merged.memberships.map((m: { companyName: string; role: string }) => [m.companyName, m.role]).sort(),
    ).toEqual([
      ['Merge Co', 'Buyer'],
      ['Other Co', 'Advisor'],
    ]);
    const timeline = await ok('GET', `/api/v1/people/${keep.id}/timeline`);
    const ids = timeline.data.map((e: { id: string }) => e.id);
    expect(ids).toEqual(expect.arrayContaining([shared.id, own.id, order.id]));
    expect(timeline.data.filter((e: { kind: string }) => e.kind === 'note')).toHaveLength(1);
    expect((await ok('GET', `/api/v1/tasks?personId=${keep.id}`)).data).toHaveLength(1);

    const pointer = await api.call('GET', `/api/v1/people/${lose.id}`);
    expect(pointer.status).toBe(301);
    expect(pointer.headers.get('location')).toBe(`/api/v1/people/${keep.id}`);
    expect(pointer.body.error).toMatchObject({ code: 'merged', mergedIntoId: keep.id });
    const write = await api.call('PATCH', `/api/v1/people/${lose.id}`, { body: { title: 'x' } });
    expect(write.status).toBe(409);
    expect((await ok('GET', '/api/v1/people?email=kim.park@merge.test')).data[0].id).toBe(keep.id);
    const audit = await ok('GET', `/api/v1/audit-log?entityId=${lose.id}`);
    expect(audit.data[0]).toMatchObject({ action: 'update', changes: { merged_into_id: [null, keep.id] } });
  });

  it('merges two companies and moves their people, interactions and orders', async () => {
    const a = await ok('POST', '/api/v1/companies', { name: 'Initech Inc.', domain: 'initech.com' });
    const b = await ok('POST', '/api/v1/companies', {
      name: 'INITECH',
      domain: 'initech.de',
      industry: 'Software',
    });
    const suggestions = await ok('GET', '/api/v1/companies/duplicates');
    const pair = suggestions.data.find((p: { first: { id: string }; second: { id: string } }) =>
      [p.first.id, p.second.id].includes(a.id),
    );
    expect(pair.reasons).toEqual(['domain_name', 'name']);
    const person = await ok('POST', '/api/v1/people', { firstName: 'Peter' });
    await ok('POST', '/api/v1/memberships', { personId: person.id, companyId: b.id });
    const meeting = await ok('POST', '/api/v1/interactions', {
      channel: 'meeting',
      direction: 'outbound',
      companyId: b.id,
    });
    await ok('POST', '/api/v1/orders', { companyId: b.id, currency: 'EUR', totalMinor: 5000 });
    const merged = await ok('POST', '/api/v1/companies/merge', { survivorId: a.id, mergedId: b.id });
    expect(merged).toMatchObject({ domain: 'initech.com', industry: 'Software' });
    expect(merged.people.map((m: { personId: string }) => m.personId)).toEqual([person.id]);
    const view = await ok('GET', `/api/v1/companies/${a.id}?timeline=true`);
    expect(view.orderTotals.count).toBe(1);
    expect(view.timeline.data.map((e: { id: string }) => e.id)).toContain(meeting.id);
    expect((await api.call('GET', `/api/v1/companies/${b.id}`)).status).toBe(301);
    const self = await api.call('POST', '/api/v1/companies/merge', {
      body: { survivorId: a.id, mergedId: a.id },
    });
    expect(self.status).toBe(400);
  });
});
