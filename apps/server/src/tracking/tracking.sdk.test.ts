import { Analytics } from '@segment/analytics-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../serve.ts';
import { type TestApi, testApi } from '../testing.ts';

/**
 * The real SDK (@segment/analytics-node) against a real server on 127.0.0.1: what it sends is
 * checked through the API as a user would see it.
 */
let api: TestApi;
let server: RunningServer;
let analytics: Analytics;
const statuses: number[] = [];
const errors: unknown[] = [];

beforeAll(async () => {
  api = await testApi();
  server = await startServer(api.app, 0);
  await api.call('POST', '/api/v1/custom-fields', {
    body: { entity: 'person', key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] },
  });
  const source = await api.call('POST', '/api/v1/sources', {
    body: {
      name: 'Shop backend',
      interactionEvents: [{ event: 'Support Ticket Opened', channel: 'chat', direction: 'inbound' }],
    },
  });
  analytics = new Analytics({
    writeKey: source.body.writeKey,
    host: server.url,
    path: '/v1/batch',
    maxEventsInBatch: 4,
    flushInterval: 20,
    maxRetries: 0,
  });
  analytics.on('http_response', (response) => statuses.push(response.status));
  analytics.on('error', (error) => errors.push(error));
});

afterAll(async () => {
  await server?.close();
  await api?.close();
});

const get = async (path: string) => {
  const res = await api.call('GET', path);
  expect(res.status, path).toBe(200);
  return res.body;
};

describe('@segment/analytics-node against Rapport', () => {
  it('makes people, companies, orders, refunds, timeline entries and events of what the SDK sends', async () => {
    // Before Ada signs in: her browser is only an anonymousId.
    analytics.page({
      anonymousId: 'anon-ada',
      name: 'Pricing',
      properties: {
        url: 'https://shop.example/pricing',
        path: '/pricing',
        title: 'Pricing',
        referrer: 'https://search.example/',
      },
    });
    analytics.track({ anonymousId: 'anon-ada', event: 'Viewed Product', properties: { sku: 'SKU-1' } });
    // An older account of hers, under another user id.
    analytics.identify({ userId: 'ada-old', traits: { email: 'ada.old@example.com', name: 'Ada Byron' } });
    await analytics.flush();

    analytics.identify({
      userId: 'ada-1',
      anonymousId: 'anon-ada',
      traits: {
        email: 'Ada@Example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        phone: '+44 20 7946 0000',
        title: 'Analyst',
        plan: 'pro',
        favoriteColor: 'green',
        address: { city: 'London', country: 'GB', postalCode: 'W1' },
      },
      context: { timezone: 'Europe/London', locale: 'en-GB' },
    });
    await analytics.flush();
    analytics.group({
      userId: 'ada-1',
      groupId: 'acme-1',
      traits: {
        name: 'Acme Ltd',
        website: 'https://www.acme.example/about',
        industry: 'Machinery',
        employees: 120,
      },
    });
    analytics.track({
      userId: 'ada-1',
      event: 'Order Completed',
      properties: {
        order_id: 'A-100',
        total: 27.5,
        revenue: 25,
        tax: 2,
        shipping: 3,
        discount: 2.5,
        currency: 'EUR',
        products: [
          { product_id: 'p-1', sku: 'SKU-1', name: 'Widget', price: 19, quantity: 1, category: 'Tools' },
          { product_id: 'p-2', sku: 'SKU-2', name: 'Gadget', price: 3, quantity: 2 },
        ],
      },
    });
    analytics.track({
      userId: 'ada-1',
      event: 'Order Completed',
      properties: {
        order_id: 'A-101',
        total: 9.9,
        currency: 'EUR',
        products: [{ sku: 'SKU-3', name: 'Gizmo', price: 9.9 }],
      },
    });
    analytics.track({ userId: 'ada-1', event: 'Support Ticket Opened', properties: { topic: 'Delivery' } });
    analytics.screen({ userId: 'ada-1', name: 'Orders', properties: { app: 'ios' } });
    await analytics.flush();

    analytics.track({
      userId: 'ada-1',
      event: 'Order Refunded',
      properties: { order_id: 'A-100', products: [{ sku: 'SKU-2', quantity: 1 }] },
    });
    analytics.track({ userId: 'ada-1', event: 'Order Refunded', properties: { order_id: 'A-101' } });
    analytics.alias({ previousId: 'ada-old', userId: 'ada-1' });
    analytics.alias({ previousId: 'anon-ada-phone', userId: 'ada-1' });
    await analytics.flush();
    analytics.track({ anonymousId: 'anon-ada-phone', event: 'Opened App' });
    await analytics.closeAndFlush();
    await api.settled(); // the people, companies and orders follow the answers within moments

    expect(errors).toEqual([]);
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    expect(statuses.every((status) => status === 200)).toBe(true);

    // The person: fields, the defined custom field, the other traits, timezone and locale from the context.
    const [found] = (await get('/api/v1/people?externalId=ada-1')).data;
    const ada = await get(`/api/v1/people/${found.id}`);
    expect(ada).toMatchObject({
      externalId: 'ada-1',
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: '+44 20 7946 0000',
      title: 'Analyst',
      custom: { plan: 'pro' },
      traits: { favoriteColor: 'green' },
      address: { city: 'London', country: 'GB', postalCode: 'W1' },
      timezone: 'Europe/London',
      locale: 'en-GB',
    });
    // alias ada-old → ada-1 merged the older account into her: its email is hers now too.
    expect(ada.additionalEmails).toContain('ada.old@example.com');
    const old = await api.call('GET', `/api/v1/people?email=ada.old@example.com`);
    expect(old.body.data.map((p: { id: string }) => p.id)).toEqual([ada.id]);

    // The company and her membership.
    const [acme] = (await get('/api/v1/companies?externalId=acme-1')).data;
    expect(acme).toMatchObject({
      name: 'Acme Ltd',
      domain: 'acme.example',
      industry: 'Machinery',
      employeeCount: 120,
    });
    expect(ada.memberships).toEqual([
      expect.objectContaining({ companyId: acme.id, companyName: 'Acme Ltd' }),
    ]);

    // The orders, their products, the refunds.
    const [a100] = (await get('/api/v1/orders?externalId=A-100')).data;
    expect(a100).toMatchObject({
      personId: ada.id,
      currency: 'EUR',
      status: 'paid',
      discountMinor: 250,
      taxMinor: 200,
      shippingMinor: 300,
      totalMinor: 2750 - 300,
    });
    expect(
      a100.lines.map((l: { sku: string; quantity: number; unitPriceMinor: number }) => [
        l.sku,
        l.quantity,
        l.unitPriceMinor,
      ]),
    ).toEqual([
      ['SKU-1', 1, 1900],
      ['SKU-2', 2, 300],
      ['SKU-2', -1, 300],
    ]);
    const [a101] = (await get('/api/v1/orders?externalId=A-101')).data;
    expect(a101).toMatchObject({ status: 'refunded', totalMinor: 990 });
    const products = (await get('/api/v1/products?q=SKU')).data;
    expect(products.map((p: { sku: string; name: string }) => `${p.sku} ${p.name}`).sort()).toEqual([
      'SKU-1 Widget',
      'SKU-2 Gadget',
      'SKU-3 Gizmo',
    ]);

    // Her events: the anonymous page view and product view were attached when she identified,
    // and so was the phone's event sent after the alias linked its anonymousId.
    const events = (await get(`/api/v1/people/${ada.id}/events?limit=100`)).data as {
      type: string;
      name: string | null;
      properties: Record<string, unknown>;
    }[];
    const names = events.map((e) => `${e.type}:${e.name ?? ''}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'page:Pricing',
        'track:Viewed Product',
        'identify:',
        'group:',
        'track:Order Completed',
        'track:Order Refunded',
        'track:Support Ticket Opened',
        'screen:Orders',
        'alias:',
        'track:Opened App',
      ]),
    );
    expect(events.find((e) => e.type === 'page')?.properties).toMatchObject({
      url: 'https://shop.example/pricing',
    });
    const pages = (await get(`/api/v1/people/${ada.id}/events?type=page&type=screen`)).data;
    expect(pages.map((e: { name: string }) => e.name).sort()).toEqual(['Orders', 'Pricing']);

    // The marked event is on her timeline as an interaction; her orders are there too.
    const timeline = (await get(`/api/v1/people/${ada.id}/timeline`)).data;
    const ticket = timeline.find((e: { kind: string }) => e.kind === 'interaction');
    expect(ticket.interaction).toMatchObject({
      channel: 'chat',
      direction: 'inbound',
      subject: 'Support Ticket Opened',
    });
    expect(ticket.interaction.body).toContain('topic: Delivery');
    expect(timeline.filter((e: { kind: string }) => e.kind === 'order')).toHaveLength(2);
  });
});
