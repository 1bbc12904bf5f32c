import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, post as postAs, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

describe.skipIf(missing)('the themes screen in a real browser (Chromium)', () => {
  let app: WebApp;
  let viewer: string;
  let personId: string;

  const post = (path: string, body: unknown) => postAs(app, path, body);

  beforeAll(async () => {
    app = await startWebApp();
    viewer = await addUser(app, 'Vic Viewer', 'viewer');
    personId = (await post('/api/v1/people', { firstName: 'Rita', lastName: 'Roast' })).id;
    const bodies = [
      'My parcel arrived crushed',
      'The parcel never arrived, nobody answers',
      'Parcel left in the rain again',
      'Lovely oat milk latte',
      'Best oat milk in town',
    ];
    for (const [i, body] of bodies.entries())
      await post('/api/v1/interactions', {
        channel: 'email',
        direction: 'inbound',
        occurredAt: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
        body,
        people: [{ personId }],
      });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows what customers talk about and opens the texts behind a theme', async () => {
    const page = await app.page();
    await signIn(page, viewer);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Themes' }).waitFor();
    // Opened by its address, as the accessibility test opens every page (no navigation animating).
    await page.goto('/themes');
    await page.getByRole('heading', { name: 'Themes' }).waitFor();
    await page.getByText('5 texts in this period').waitFor();
    await page.getByRole('button', { name: 'Texts about parcel' }).waitFor();
    expect(await serious(page)).toEqual([]);
    await page.getByRole('button', { name: 'Texts about parcel' }).click();
    const drawer = page.getByRole('dialog', { name: '“parcel”' });
    await drawer.getByText('The parcel never arrived, nobody answers').waitFor();
    expect(await drawer.getByRole('article').count()).toBe(3);
    await drawer.getByRole('link', { name: 'Open the person' }).first().click();
    await page.getByRole('heading', { name: 'Rita Roast' }).waitFor();
    expect(page.url()).toContain(`/people/${personId}`);
    await page.context().close();
  });
});
