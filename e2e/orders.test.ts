import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();

describe.skipIf(missing)('the order page and every way to it (Chromium)', () => {
  let app: WebApp;
  let agent: string;
  let viewer: string;
  let personId: string;
  let companyId: string;
  let orderId: string;

  beforeAll(async () => {
    app = await startWebApp();
    agent = await addUser(app, 'Olga Agent', 'agent');
    viewer = await addUser(app, 'Otto Viewer', 'viewer');
    companyId = (await app.api.call('POST', '/api/v1/companies', { body: { name: 'Kaffee Kontor GmbH' } }))
      .body.id;
    personId = (
      await app.api.call('POST', '/api/v1/people', {
        body: { firstName: 'Jonas', lastName: 'Weber', email: 'jonas@kontor.example' },
      })
    ).body.id;
    await app.api.call('POST', '/api/v1/products', {
      body: { sku: 'GRINDER-X', name: 'Hand grinder X', priceMinor: 8900, currency: 'EUR' },
    });
    // Six older orders, so the person's list has a second page.
    for (const day of [1, 2, 3, 4, 5, 6]) {
      await app.api.call('POST', '/api/v1/orders', {
        body: {
          personId,
          externalId: `KK-10${day}`,
          currency: 'EUR',
          totalMinor: 1000 * day,
          orderedAt: `2026-01-0${day}T09:00:00Z`,
        },
      });
    }
    const order = await app.api.call('POST', '/api/v1/orders', {
      body: {
        personId,
        companyId,
        externalId: 'KK-2001',
        currency: 'EUR',
        channel: 'online',
        orderedAt: '2026-02-10T14:30:00Z',
        lines: [
          { sku: 'GRINDER-X', quantity: 2, discountMinor: 800 },
          { name: 'Gift wrap', quantity: 1, unitPriceMinor: 350 },
        ],
        shippingMinor: 490,
      },
    });
    if (order.status !== 201) throw new Error(JSON.stringify(order.body));
    orderId = order.body.id;
    await app.api.call('POST', '/api/v1/interactions', {
      body: {
        channel: 'email',
        direction: 'inbound',
        subject: 'Where is my grinder?',
        occurredAt: '2026-02-14T08:00:00Z',
        people: [{ personId }],
      },
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const orderHeading = (page: Page) => page.getByRole('heading', { name: 'Order KK-2001' });

  it('lists the orders on the person 360 a page at a time and opens one: lines, totals, customer, context', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.goto(`/people/${personId}`);
    const orders = page.getByRole('region', { name: 'Orders' });
    await orders.getByRole('link', { name: 'Order KK-2001' }).waitFor();
    expect(await orders.getByRole('listitem').count()).toBe(5);
    await orders.getByRole('button', { name: 'More orders' }).click();
    await orders.getByRole('link', { name: 'Order KK-101' }).waitFor();
    expect(await orders.getByRole('listitem').count()).toBe(7);
    expect(await orders.getByRole('button', { name: 'More orders' }).count()).toBe(0);

    await orders.getByRole('link', { name: 'Order KK-2001' }).click();
    await orderHeading(page).waitFor();
    expect(page.url()).toContain(`/orders/${orderId}`);
    const lines = page.getByRole('region', { name: 'Lines' });
    const rows = await lines.getByRole('row').allInnerTexts();
    const flat = rows.map((row) => row.replace(/\s+/g, ' ').trim());
    expect(flat[1]).toBe('Hand grinder X GRINDER-X 2 €89.00 -€8.00 €170.00');
    expect(flat[2]).toBe('Gift wrap no SKU 1 €3.50 — €3.50');
    expect(flat).toContain('Subtotal €173.50');
    expect(flat).toContain('Shipping €4.90');
    expect(flat).toContain('Total €178.40');
    const customer = page.getByRole('region', { name: 'Customer' });
    await customer.getByRole('link', { name: 'Jonas Weber' }).waitFor();
    await customer.getByRole('link', { name: 'Kaffee Kontor GmbH' }).waitFor();
    await page.getByText('Channel: Online').waitFor();
    const around = page.getByRole('region', { name: 'Around this order' });
    await around.getByText('Where is my grinder?').waitFor();
    expect(await around.locator('[aria-current="true"]').innerText()).toContain('This order (KK-2001)');

    await customer.getByRole('link', { name: 'Kaffee Kontor GmbH' }).click();
    await page.getByRole('heading', { name: 'Kaffee Kontor GmbH' }).waitFor();
    await page.getByRole('region', { name: 'Orders' }).getByRole('link', { name: 'Order KK-2001' }).click();
    await orderHeading(page).waitFor();
    await page.context().close();
  });

  it('opens an order from the timeline and from Ctrl+K', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.goto(`/people/${personId}`);
    await page.getByRole('region', { name: 'Timeline' }).getByRole('link', { name: 'Order KK-2001' }).click();
    await orderHeading(page).waitFor();

    await page.goto('/people');
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await page.keyboard.press('Control+k');
    await page.getByRole('textbox', { name: 'Search everything' }).fill('KK-2001');
    await page.getByRole('button', { name: /Order KK-2001.*Jonas Weber/ }).click();
    await orderHeading(page).waitFor();
    expect(page.url()).toContain(`/orders/${orderId}`);
    await page.context().close();
  });

  it('lets an agent refund the order and add a note; the history says who and when', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.goto(`/orders/${orderId}`);
    await orderHeading(page).waitFor();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Refunded' }).click();
    await page.getByRole('alert').filter({ hasText: 'went back to the customer' }).waitFor();
    const history = page.getByRole('region', { name: 'Status history' });
    await history.getByText('Paid → Refunded').waitFor();
    expect(await history.innerText()).toContain('Olga Agent');
    const lines = page.getByRole('region', { name: 'Lines' });
    await lines.getByRole('row', { name: /Refunded/ }).waitFor();
    expect((await app.api.call('GET', `/api/v1/orders/${orderId}`)).body.status).toBe('refunded');

    const notes = page.getByRole('region', { name: 'Notes' });
    await notes.getByLabel('New note').fill('Grinder arrived broken; refunded in full.');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await notes.getByText('Grinder arrived broken; refunded in full.').waitFor();
    // The box empties once the server has stored the note.
    await expect.poll(() => notes.getByLabel('New note').inputValue()).toBe('');
    const stored = await app.api.call('GET', `/api/v1/notes?orderId=${orderId}`);
    expect(stored.body.data[0]).toMatchObject({ orderId, personId, companyId });

    // The order number and channel: the server's refusal stands by its field, then the fix is saved.
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('dialog', { name: 'Edit order KK-2001' });
    await form.getByLabel('Order number').fill('KK-101');
    await form.getByLabel('Channel').fill('phone');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('another order in this workspace has this external id').waitFor();
    expect(await form.getByLabel('Order number').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Order number').fill('KK-2001-R');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Order KK-2001-R' }).waitFor();
    await page.getByText('Channel: Phone').waitFor();
    expect((await app.api.call('GET', `/api/v1/orders/${orderId}`)).body).toMatchObject({
      externalId: 'KK-2001-R',
      channel: 'phone',
    });

    // The refund leaves the customer's totals.
    await page.getByRole('region', { name: 'Customer' }).getByRole('link', { name: 'Jonas Weber' }).click();
    await page.getByRole('region', { name: 'Orders' }).getByText('€210.00 in 6 orders').waitFor();
    await page.context().close();
  });

  it('shows a viewer the order but no way to change it', async () => {
    const page = await app.page();
    await signIn(page, viewer);
    await page.goto(`/orders/${orderId}`);
    await orderHeading(page).waitFor();
    await page.getByRole('region', { name: 'Status history' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Status' }).count()).toBe(0);
    expect(await page.getByLabel('New note').count()).toBe(0);
    const status = await page.evaluate(async (id) => {
      const response = await fetch(`/api/v1/orders/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'paid' }),
      });
      return response.status;
    }, orderId);
    expect(status).toBe(403);
    await page.goto('/orders/ord_missing');
    await page.getByRole('alert').filter({ hasText: 'This order could not be shown' }).waitFor();
    await page.context().close();
  });
});
