import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, choose, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();

describe.skipIf(missing)('reviews and mentions (Chromium)', () => {
  let app: WebApp;
  let agent: string;
  let lenaId: string;

  beforeAll(async () => {
    app = await startWebApp();
    agent = await addUser(app, 'Rita Reviews', 'agent');
    const lena = await app.api.call('POST', '/api/v1/people', {
      body: {
        firstName: 'Lena',
        lastName: 'Brewer',
        email: 'lena@example.com',
        socialHandles: { instagram: 'lena.brews' },
      },
    });
    lenaId = lena.body.id;
    await app.api.call('POST', '/api/v1/people', { body: { firstName: 'Otto', lastName: 'Other' } });
    const batch = await app.api.call('POST', '/api/v1/reviews/batch', {
      body: {
        items: [
          {
            source: 'trustpilot',
            rating: 5,
            title: 'Wonderful beans',
            text: 'Fresh, fragrant and delivered the next day.',
            authorEmail: 'lena@example.com',
            occurredAt: '2026-03-01T10:00:00Z',
          },
          {
            source: 'google',
            rating: 1,
            text: 'Cold coffee and a long wait.',
            authorName: 'Walk-in guest',
            occurredAt: '2026-03-02T10:00:00Z',
          },
          {
            kind: 'mention',
            source: 'instagram',
            text: 'Morning cup with my favourite roast',
            authorHandle: 'https://www.instagram.com/lena.brews/',
            occurredAt: '2026-03-03T10:00:00Z',
          },
          {
            kind: 'mention',
            source: 'x',
            text: 'Where can I buy these beans in Vienna?',
            authorHandle: '@coffee_otto',
            occurredAt: '2026-03-04T10:00:00Z',
          },
        ],
      },
    });
    expect(batch.body.created).toBe(4);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const rowTexts = (page: Awaited<ReturnType<WebApp['page']>>) =>
    page.getByRole('table', { name: 'Reviews and mentions' }).locator('tbody tr').allInnerTexts();

  it('lists reviews and mentions, filters them, links one to a person, and shows it on their timeline', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
    await page.getByRole('heading', { name: 'Reviews and mentions' }).hover(); // not over the menu
    await expect.poll(async () => (await rowTexts(page)).length).toBe(4);
    const first = (await rowTexts(page))[0]!;
    expect(first).toContain('Where can I buy these beans');
    await page.getByRole('img', { name: '5 of 5 stars' }).waitFor();
    expect(await serious(page)).toEqual([]);

    await choose(page, page, 'Kind', 'Mentions');
    await expect.poll(async () => (await rowTexts(page)).length).toBe(2);
    await choose(page, page, 'Author', 'Not matched');
    await expect.poll(async () => rowTexts(page)).toEqual([expect.stringContaining('@coffee_otto')]);
    expect(page.url()).toContain('matched=false');

    await page.goto('/reviews?stars=1-2');
    await expect.poll(async () => rowTexts(page)).toEqual([expect.stringContaining('Cold coffee')]);

    // The open review is in the address; link it to Lena in the drawer.
    await page.getByRole('button', { name: /Cold coffee and a long wait/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Review on Google' });
    await drawer.getByText('Not matched to anyone yet.').waitFor();
    expect(await serious(page)).toEqual([]);
    await drawer.getByRole('combobox', { name: 'Link to a person' }).fill('Lena');
    await page.getByRole('option', { name: /Lena Brewer/ }).click();
    await drawer.getByRole('button', { name: 'Link' }).click();
    await drawer.getByRole('link', { name: 'Lena Brewer' }).click();

    await page.getByRole('heading', { name: 'Lena Brewer' }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Cold coffee and a long wait.').waitFor();
    await timeline.getByText('Morning cup with my favourite roast').waitFor();
    expect(await timeline.getByText('Mention', { exact: true }).count()).toBe(1);
    const linked = await app.api.call('GET', `/api/v1/people/${lenaId}/reviews`);
    expect(linked.body.data).toHaveLength(3);
    await page.context().close();
  });
});
