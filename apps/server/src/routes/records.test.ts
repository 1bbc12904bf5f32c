import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

const ok = (method: string, path: string, body?: unknown) => api.ok(method, path, body);

describe('companies, memberships, custom fields', () => {
  it('creates a company with a normalised domain and typed custom fields, and lists it with filters', async () => {
    await ok('POST', '/api/v1/custom-fields', {
      entity: 'company',
      key: 'segment',
      label: 'Segment',
      type: 'select',
      options: ['pharma', 'medtech'],
    });
    await ok('POST', '/api/v1/custom-fields', {
      entity: 'company',
      key: 'sites',
      label: 'Sites',
      type: 'number',
    });
    const acme = await ok('POST', '/api/v1/companies', {
      name: 'Acme Pharma AG',
      domain: 'https://www.Acme-Pharma.ch/about',
      relationshipType: 'customer',
      tags: ['Key Account'],
      custom: { segment: 'pharma', sites: '3' },
    });
    expect(acme).toMatchObject({
      domain: 'acme-pharma.ch',
      tags: ['key account'],
      custom: { segment: 'pharma', sites: 3 },
    });
    await ok('POST', '/api/v1/companies', { name: 'Beta Devices', custom: { segment: 'medtech', sites: 1 } });
    const pharma = await ok('GET', '/api/v1/companies?custom.segment=pharma');
    expect(pharma.data.map((c: { name: string }) => c.name)).toEqual(['Acme Pharma AG']);
    const three = await ok('GET', '/api/v1/companies?custom.sites=3');
    expect(three.data).toHaveLength(1);
    const bad = await api.call('GET', '/api/v1/companies?custom.sites=many');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('custom.sites');
    const byDomain = await ok('GET', '/api/v1/companies?domain=www.acme-pharma.ch');
    expect(byDomain.data[0].id).toBe(acme.id);
    const found = await ok('GET', '/api/v1/companies?q=acme');
    expect(found.data[0].id).toBe(acme.id);
    const dup = await api.call('POST', '/api/v1/companies', {
      body: { name: 'Other', domain: 'acme-pharma.ch' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details[0].path).toBe('domain');
  });

  it('links people to companies with level and function and shows them on both sides', async () => {
    const company = await ok('POST', '/api/v1/companies', { name: 'Gamma Labs' });
    const ceo = await ok('POST', '/api/v1/people', { firstName: 'Carla', lastName: 'Chief' });
    const engineer = await ok('POST', '/api/v1/people', { firstName: 'Eli', lastName: 'Engineer' });
    await ok('POST', '/api/v1/memberships', {
      personId: ceo.id,
      companyId: company.id,
      role: 'CEO',
      level: 'executive',
      function: 'other',
      isPrimary: true,
    });
    await ok('POST', '/api/v1/memberships', {
      personId: engineer.id,
      companyId: company.id,
      role: 'Process engineer',
      level: 'end_user',
      function: 'engineering',
    });
    const view = await ok('GET', `/api/v1/companies/${company.id}`);
    expect(view.people.map((m: { personName: string; level: string }) => [m.personName, m.level])).toEqual([
      ['Carla Chief', 'executive'],
      ['Eli Engineer', 'end_user'],
    ]);
    const person = await ok('GET', `/api/v1/people/${ceo.id}`);
    expect(person.memberships[0]).toMatchObject({ companyName: 'Gamma Labs', role: 'CEO', isPrimary: true });
    const execs = await ok('GET', `/api/v1/people?companyId=${company.id}&level=executive`);
    expect(execs.data.map((p: { id: string }) => p.id)).toEqual([ceo.id]);
    const twice = await api.call('POST', '/api/v1/memberships', {
      body: { personId: ceo.id, companyId: company.id },
    });
    expect(twice.status).toBe(409);
    const badLevel = await api.call('POST', '/api/v1/memberships', {
      body: { personId: ceo.id, companyId: company.id, level: 'boss' },
    });
    expect(badLevel.status).toBe(400);
    expect(badLevel.body.error.details[0].path).toBe('level');
    const unknown = await api.call('POST', '/api/v1/memberships', {
      body: { personId: 'per_01jzzzzzzzzzzzzzzzzzzzzzzz', companyId: company.id },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details[0].path).toBe('personId');
  });
});

describe('interactions and the timeline', () => {
  it('logs interactions, keeps the timeline append-only with corrections, and merges orders and notes in', async () => {
    const company = await ok('POST', '/api/v1/companies', { name: 'Delta Pharma' });
    const ada = await ok('POST', '/api/v1/people', { firstName: 'Ada', email: 'ada@delta.test' });
    await ok('POST', '/api/v1/memberships', {
      personId: ada.id,
      companyId: company.id,
      level: 'functional_lead',
    });
    const call = await ok('POST', '/api/v1/interactions', {
      channel: 'phone',
      direction: 'inbound',
      occurredAt: '2026-01-10T09:00:00Z',
      subject: 'Late delivery',
      body: 'The batch is two weeks late again.',
      people: [{ personId: ada.id, role: 'from' }],
    });
    expect(call.users).toEqual([]); // an API key is not a user
    const email = await ok('POST', '/api/v1/interactions', {
      channel: 'email',
      direction: 'outbound',
      occurredAt: '2026-01-11T09:00:00Z',
      subject: 'Re: late delivery',
      people: [{ personId: ada.id, role: 'to' }],
      companyId: company.id,
    });
    await ok('POST', '/api/v1/orders', {
      personId: ada.id,
      currency: 'EUR',
      orderedAt: '2026-01-12T10:00:00Z',
      totalMinor: 120000,
    });
    await ok('POST', '/api/v1/notes', { personId: ada.id, body: 'Prefers calls in the morning.' });

    const timeline = await ok('GET', `/api/v1/people/${ada.id}/timeline`);
    expect(timeline.data.map((e: { kind: string }) => e.kind)).toEqual([
      'note',
      'order',
      'interaction',
      'interaction',
    ]);
    const onlyPhone = await ok('GET', `/api/v1/people/${ada.id}/timeline?channel=phone`);
    expect(onlyPhone.data.map((e: { id: string }) => e.id)).toEqual([call.id]);

    const fixed = await ok('POST', `/api/v1/interactions/${call.id}/corrections`, {
      reason: 'It was three weeks, not two',
      body: 'The batch is three weeks late again.',
    });
    expect(fixed).toMatchObject({ correctsId: call.id, channel: 'phone', subject: 'Late delivery' });
    const old = await ok('GET', `/api/v1/interactions/${call.id}`);
    expect(old).toMatchObject({ correctedById: fixed.id, body: 'The batch is two weeks late again.' });
    const after = await ok('GET', `/api/v1/people/${ada.id}/timeline?kind=interaction`);
    expect(after.data.map((e: { id: string }) => e.id)).toEqual([email.id, fixed.id]);
    const again = await api.call('POST', `/api/v1/interactions/${call.id}/corrections`, {
      body: { reason: 'x' },
    });
    expect(again.status).toBe(409);

    const companyTimeline = await ok('GET', `/api/v1/companies/${company.id}/timeline?kind=interaction`);
    expect(companyTimeline.data.map((e: { id: string }) => e.id)).toEqual([email.id, fixed.id]);
    const view = await ok('GET', `/api/v1/people/${ada.id}?timeline=true`);
    expect(view.timeline.data).toHaveLength(4);
    expect(view.orderTotals).toMatchObject({
      count: 1,
      byCurrency: [{ currency: 'EUR', totalMinor: 120000, count: 1 }],
    });
  });

  it('pages a long timeline with a cursor without gaps or repeats', async () => {
    const p = await ok('POST', '/api/v1/people', { firstName: 'Busy' });
    const ids: string[] = [];
    for (let day = 1; day <= 7; day++) {
      const entry = await ok('POST', '/api/v1/interactions', {
        channel: 'chat',
        direction: 'inbound',
        occurredAt: `2026-02-0${day}T12:00:00Z`,
        people: [{ personId: p.id }],
      });
      ids.unshift(entry.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = await ok(
        'GET',
        `/api/v1/people/${p.id}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.data.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('rejects interactions without anyone, with unknown people or bad channels', async () => {
    const none = await api.call('POST', '/api/v1/interactions', {
      body: { channel: 'email', direction: 'inbound' },
    });
    expect(none.status).toBe(400);
    expect(none.body.error.details[0].path).toBe('people');
    const fax = await api.call('POST', '/api/v1/interactions', {
      body: { channel: 'fax', direction: 'inbound', companyId: 'com_x' },
    });
    expect(fax.body.error.details[0].path).toBe('channel');
    const ghost = await api.call('POST', '/api/v1/interactions', {
      body: {
        channel: 'email',
        direction: 'inbound',
        people: [{ personId: 'per_01jzzzzzzzzzzzzzzzzzzzzzzz' }],
      },
    });
    expect(ghost.status).toBe(404);
    expect(ghost.body.error.details[0].path).toBe('people.0.personId');
  });
});

describe('orders, products, notes and tasks', () => {
  it('prices order lines from the catalog and checks totals', async () => {
    const beans = await ok('POST', '/api/v1/products', {
      sku: 'BEAN-ETH-250',
      name: 'Ethiopia Yirgacheffe 250 g',
      priceMinor: 1450,
      currency: 'EUR',
    });
    const p = await ok('POST', '/api/v1/people', { email: 'buyer@example.test' });
    const order = await ok('POST', '/api/v1/orders', {
      personId: p.id,
      externalId: 'SHOP-1001',
      currency: 'eur',
      lines: [
        { sku: 'BEAN-ETH-250', quantity: 2 },
        { name: 'Gift wrap', quantity: 1, unitPriceMinor: 300 },
      ],
      shippingMinor: 490,
    });
    expect(order).toMatchObject({ currency: 'EUR', subtotalMinor: 3200, totalMinor: 3690 });
    expect(order.lines[0]).toMatchObject({
      productId: beans.id,
      name: 'Ethiopia Yirgacheffe 250 g',
      totalMinor: 2900,
    });
    const view = await ok('GET', `/api/v1/people/${p.id}?timeline=true`);
    expect(view.timeline.data).toEqual([{ kind: 'order', id: order.id, at: order.orderedAt, order }]);
    const mismatch = await api.call('POST', '/api/v1/orders', {
      body: { personId: p.id, currency: 'EUR', lines: [{ sku: 'BEAN-ETH-250', quantity: 1 }], totalMinor: 1 },
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.details[0].path).toBe('totalMinor');
    const badCurrency = await api.call('POST', '/api/v1/orders', {
      body: { personId: p.id, currency: 'EURO', totalMinor: 5 },
    });
    expect(badCurrency.body.error.details[0].path).toBe('currency');
    const fractional = await api.call('POST', '/api/v1/orders', {
      body: { personId: p.id, currency: 'EUR', totalMinor: 12.5 },
    });
    expect(fractional.body.error.details[0].path).toBe('totalMinor');
    const search = await ok('GET', '/api/v1/search?q=SHOP-10');
    expect(search.orders.map((o: { id: string }) => o.id)).toEqual([order.id]);
    const refunded = await ok('PATCH', `/api/v1/orders/${order.id}`, { status: 'refunded' });
    expect(refunded.status).toBe('refunded');
  });

  it('keeps an inbox of follow-ups due, soonest first', async () => {
    const me = await api.keyFor('agent');
    const p = await ok('POST', '/api/v1/people', { firstName: 'Follow', lastName: 'Up' });
    for (const [title, dueAt] of [
      ['later', '2030-01-01T00:00:00Z'],
      ['sooner', '2020-01-01T00:00:00Z'],
      ['undated', null],
    ] as const) {
      await ok('POST', '/api/v1/tasks', { title, dueAt, personId: p.id, assigneeId: api.ws.adminId });
    }
    const due = await ok('GET', `/api/v1/tasks?assigneeId=${api.ws.adminId}&dueBefore=2025-01-01T00:00:00Z`);
    expect(due.data.map((t: { title: string; overdue: boolean }) => [t.title, t.overdue])).toEqual([
      ['sooner', true],
    ]);
    const all = await ok('GET', `/api/v1/tasks?personId=${p.id}`);
    expect(all.data.map((t: { title: string }) => t.title)).toEqual(['sooner', 'later', 'undated']);
    const done = await ok('PATCH', `/api/v1/tasks/${all.data[0].id}`, { done: true });
    expect(done.done).toBe(true);
    const open = await ok('GET', `/api/v1/tasks?personId=${p.id}`);
    expect(open.data).toHaveLength(2);
    const viewer = await api.keyFor('viewer');
    expect((await api.call('POST', '/api/v1/tasks', { key: viewer, body: { title: 'no' } })).status).toBe(
      403,
    );
    expect((await api.call('GET', '/api/v1/tasks', { key: me })).status).toBe(200);
  });
});

describe('sorting and searching every list', () => {
  it('sorts orders, products, notes, tasks and interactions both ways with stable cursors', async () => {
    const p = await ok('POST', '/api/v1/people', { firstName: 'Sorty', lastName: 'McSortface' });
    for (const [n, total] of [
      [1, 300],
      [2, 100],
      [3, 200],
    ] as const) {
      await ok('POST', '/api/v1/orders', {
        personId: p.id,
        currency: 'EUR',
        totalMinor: total,
        orderedAt: `2026-04-0${n}T00:00:00Z`,
      });
      await ok('POST', '/api/v1/notes', { personId: p.id, body: `note ${n}` });
      await ok('POST', '/api/v1/interactions', {
        channel: 'email',
        direction: 'inbound',
        occurredAt: `2026-04-0${n}T00:00:00Z`,
        people: [{ personId: p.id }],
        subject: `mail ${n}`,
      });
    }
    const totals = async (sort: string) => {
      const first = await ok('GET', `/api/v1/orders?personId=${p.id}&sort=${sort}&limit=2`);
      const rest = await ok(
        'GET',
        `/api/v1/orders?personId=${p.id}&sort=${sort}&limit=2&cursor=${first.nextCursor}`,
      );
      return [...first.data, ...rest.data].map((o: { totalMinor: number }) => o.totalMinor);
    };
    expect(await totals('totalMinor')).toEqual([100, 200, 300]);
    expect(await totals('-totalMinor')).toEqual([300, 200, 100]);
    expect(await totals('orderedAt')).toEqual([300, 100, 200]);
    const notes = await ok('GET', `/api/v1/notes?personId=${p.id}&sort=createdAt`);
    expect(notes.data.map((n: { body: string }) => n.body)).toEqual(['note 1', 'note 2', 'note 3']);
    const mails = await ok('GET', `/api/v1/interactions?personId=${p.id}&sort=occurredAt`);
    expect(mails.data.map((i: { subject: string }) => i.subject)).toEqual(['mail 1', 'mail 2', 'mail 3']);
    const badSort = await api.call('GET', '/api/v1/orders?sort=color');
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.details[0].path).toBe('sort');
  });

  it('finds people by the name of their company and by what their notes say', async () => {
    const company = await ok('POST', '/api/v1/companies', { name: 'Zebrafish Biologics' });
    const p = await ok('POST', '/api/v1/people', { firstName: 'Quentin', lastName: 'Quiet' });
    await ok('POST', '/api/v1/memberships', { personId: p.id, companyId: company.id });
    const other = await ok('POST', '/api/v1/people', { firstName: 'Nora', lastName: 'Noted' });
    await ok('POST', '/api/v1/notes', {
      personId: other.id,
      body: 'Allergic to pistachios; prefers oat milk.',
    });
    expect((await ok('GET', '/api/v1/people?q=zebrafish')).data.map((x: { id: string }) => x.id)).toEqual([
      p.id,
    ]);
    expect((await ok('GET', '/api/v1/people?q=pistach')).data.map((x: { id: string }) => x.id)).toEqual([
      other.id,
    ]);
    expect((await ok('GET', '/api/v1/search?q=zebra')).companies.map((x: { id: string }) => x.id)).toEqual([
      company.id,
    ]);
  });

  it('writes every change to the audit log with who and what', async () => {
    const note = await ok('POST', '/api/v1/notes', {
      personId: (await ok('POST', '/api/v1/people', { firstName: 'A' })).id,
      body: 'first',
    });
    await ok('PATCH', `/api/v1/notes/${note.id}`, { body: 'second' });
    await ok('DELETE', `/api/v1/notes/${note.id}`);
    const log = await ok('GET', `/api/v1/audit-log?entityId=${note.id}`);
    expect(log.data.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(log.data[1].changes).toEqual({ body: ['first', 'second'] });
    expect(log.data[0].changes).toMatchObject({ body: 'second' });
    expect(log.data.every((e: { actor: string }) => e.actor.startsWith('key_'))).toBe(true);
  });
});
