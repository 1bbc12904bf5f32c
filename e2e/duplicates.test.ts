import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, browserMissing, post as postAs, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

type Pair = { first: { id: string }; second: { id: string }; reasons: string[] };

describe.skipIf(missing)('the duplicates screen in a real browser (Chromium)', () => {
  let app: WebApp;
  let agent: string;
  let viewer: string;
  let adaId: string;
  let kingId: string;

  const post = (path: string, body: unknown) => postAs(app, path, body);

  beforeAll(async () => {
    app = await startWebApp();
    agent = await addUser(app, 'Grace Agent', 'agent');
    viewer = await addUser(app, 'Vic Viewer', 'viewer');
    // The same mailbox (other case) as an additional email: detected as the same person.
    adaId = (
      await post('/api/v1/people', {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@analytical.example',
      })
    ).id;
    kingId = (
      await post('/api/v1/people', {
        firstName: 'Ada',
        lastName: 'King',
        email: 'countess@lovelace.example',
        additionalEmails: ['Ada@Analytical.example'],
        title: 'Countess',
      })
    ).id;
    for (const [personId, subject] of [
      [adaId, 'Difference engine delivery'],
      [kingId, 'Notes on the analytical engine'],
    ]) {
      await post('/api/v1/interactions', {
        channel: 'email',
        direction: 'inbound',
        subject,
        people: [{ personId }],
      });
    }
    await post('/api/v1/companies', { name: 'Analytical Engines Ltd' });
    await post('/api/v1/companies', { name: 'Analytical Engines' });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('lets an agent compare two people side by side, merge them and open the survivor', async () => {
    const suggested = (await app.api.call('GET', '/api/v1/people/duplicates')).body.data as Pair[];
    expect(suggested).toHaveLength(1);
    expect(suggested[0]?.reasons).toEqual(['email']);
    const keep = suggested[0]?.first.id === adaId ? 'Keep record 1' : 'Keep record 2';

    const page = await app.page();
    await signIn(page, agent);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click();
    await page.getByRole('heading', { name: 'Duplicates' }).waitFor();
    const list = page.getByRole('table', { name: 'Suggested duplicate people' });
    await list.getByText('Same email').waitFor();
    await list.getByRole('button', { name: /Compare Ada (Lovelace|King) and Ada (Lovelace|King)/ }).click();

    const dialog = page.getByRole('dialog', { name: /Compare/ });
    const table = dialog.getByRole('table', { name: 'Side by side' });
    const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
    await row('Last name').getByText('differs').waitFor();
    expect(await row('First name').getByText('differs').count()).toBe(0);
    expect(await row('Job title').innerText()).toContain('Countess');
    expect(await row('Interactions').innerText()).toMatch(/1\s+1/);

    await dialog.getByRole('radio', { name: keep }).check();
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const merged = page.getByRole('status');
    await merged.getByText('Everything now belongs to').waitFor();
    await page.getByText('No suggested duplicates.').waitFor();
    await merged.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    expect(page.url()).toContain(`/people/${adaId}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Notes on the analytical engine').waitFor();

    // The merged-away person points to the survivor, which kept both people's interactions.
    const pointer = await app.api.call('GET', `/api/v1/people/${kingId}`);
    expect(pointer.status).toBe(301);
    expect(pointer.body.error.mergedIntoId).toBe(adaId);
    const survivor = await app.api.call('GET', `/api/v1/people/${adaId}/timeline`);
    const subjects = survivor.body.data.map(
      (e: { interaction?: { subject: string } }) => e.interaction?.subject,
    );
    expect(subjects).toEqual(
      expect.arrayContaining(['Difference engine delivery', 'Notes on the analytical engine']),
    );
    const after = await app.api.call('GET', `/api/v1/people/${adaId}`);
    expect(after.body).toMatchObject({ title: 'Countess', additionalEmails: expect.any(Array) });
    await page.context().close();
  });

  it('dismisses two companies that are not the same', async () => {
    const page = await app.page();
    await signIn(page, agent);
    await page.goto('/duplicates');
    await page.getByRole('tab', { name: 'Companies' }).click();
    const list = page.getByRole('table', { name: 'Suggested duplicate companies' });
    await list.getByText('Same name').waitFor();
    await list.getByRole('button', { name: /Compare Analytical Engines/ }).click();
    const dialog = page.getByRole('dialog', { name: /Compare/ });
    await dialog.getByRole('row', { name: /^Name/ }).getByText('differs').waitFor();
    await dialog.getByRole('button', { name: 'Not duplicates' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('No suggested duplicates.').waitFor();
    expect((await app.api.call('GET', '/api/v1/companies/duplicates')).body.data).toHaveLength(0);
    await page.context().close();
  });

  it('shows a viewer the suggestions but no merge, and the API refuses the viewer a merge', async () => {
    const a = await post('/api/v1/people', { firstName: 'Max', phone: '+41 44 123 45 67' });
    const b = await post('/api/v1/people', { firstName: 'Maxi', phone: '+41 (44) 123-45-67' });
    const page = await app.page();
    await signIn(page, viewer);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Duplicates' }).click();
    const list = page.getByRole('table', { name: 'Suggested duplicate people' });
    await list.getByText('Same phone').waitFor();
    expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await list.getByRole('button', { name: /Compare Max/ }).click();
    const dialog = page.getByRole('dialog', { name: /Compare/ });
    await dialog
      .getByRole('row', { name: /^First name/ })
      .getByText('differs')
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Merge' }).count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Not duplicates' }).count()).toBe(0);
    const statuses = await page.evaluate(
      async (body) =>
        Promise.all(
          ['/api/v1/people/merge', '/api/v1/people/duplicates/dismiss'].map(
            async (path, i) =>
              (
                await fetch(path, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify(
                    i === 0 ? body : { firstId: body.survivorId, secondId: body.mergedId },
                  ),
                })
              ).status,
          ),
        ),
      { survivorId: a.id, mergedId: b.id },
    );
    expect(statuses).toEqual([403, 403]);
    expect((await app.api.call('GET', `/api/v1/people/${b.id}`)).status).toBe(200);
    await page.context().close();
  });
});
