import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, browserMissing, choose, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

describe.skipIf(missing)('the admin screen in a real browser (Chromium)', () => {
  let app: WebApp;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    app = await startWebApp();
    admin = await addUser(app, 'Ada Admin', 'admin');
    viewer = await addUser(app, 'Vic Viewer', 'viewer');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('creates a user (the password message stands by its field), an API key shown once, a custom field', async () => {
    const page = await app.page();
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Admin' }).waitFor();

    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Name').fill('Mia Manager');
    await form.getByRole('textbox', { name: 'Email' }).fill('mia@rapport.example');
    await form.getByLabel(/^Password/).fill('short');
    await choose(page, page.locator('form[aria-label="New user"]'), 'Role', 'Manager');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByText('must be at least 10 characters').waitFor();
    const password = form.getByLabel(/^Password/);
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    // The message is the password field's own: its description, read out with it.
    const ids = ((await password.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const described = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(described.join(' ')).toContain('must be at least 10 characters');
    expect(await form.getByLabel('Name').inputValue()).toBe('Mia Manager');
    expect(await form.getByRole('textbox', { name: 'Email' }).inputValue()).toBe('mia@rapport.example');

    await form.getByLabel(/^Password/).fill('a long enough password');
    await form.getByRole('button', { name: 'Create user' }).click();
    const users = page.getByRole('table', { name: 'Users' });
    await users.getByRole('cell', { name: 'mia@rapport.example' }).waitFor();
    const listed = (await app.api.call('GET', '/api/v1/users')).body.data;
    expect(listed).toContainEqual(expect.objectContaining({ email: 'mia@rapport.example', role: 'manager' }));
    await choose(page, page.locator('table[aria-label="Users"]'), 'Role of Mia Manager', 'Viewer');
    await expect
      .poll(async () => (await app.api.call('GET', '/api/v1/users')).body.data)
      .toContainEqual(expect.objectContaining({ email: 'mia@rapport.example', role: 'viewer' }));

    await page.getByRole('tab', { name: 'API keys' }).click();
    const keyForm = page.getByRole('form', { name: 'New API key' });
    await keyForm.getByLabel(/^Key name/).fill('Shop sync');
    await keyForm.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByRole('textbox', { name: 'The new key' }).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Copy' }).waitFor();
    await page.getByRole('table', { name: 'API keys' }).getByText('Shop sync').waitFor();
    // The secret works, and is not shown again.
    expect((await app.api.call('GET', '/api/v1/people', { key: secret })).status).toBe(200);
    await page.reload();
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByRole('table', { name: 'API keys' }).getByText('Shop sync').waitFor();
    expect(await page.getByRole('textbox', { name: 'The new key' }).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('tab', { name: 'Custom fields' }).click();
    const fieldForm = page.getByRole('form', { name: 'New custom field' });
    await fieldForm.getByLabel(/^Key/).fill('tier');
    await fieldForm.getByRole('textbox', { name: 'Label', exact: true }).fill('Tier');
    await choose(page, page.locator('form[aria-label="New custom field"]'), 'Type', 'Single select');
    await fieldForm.getByRole('button', { name: 'Define field' }).click();
    await fieldForm.getByText('a select field needs at least one option').waitFor();
    const options = fieldForm.getByLabel(/^Options/);
    for (const option of ['Gold', 'Silver']) {
      await options.fill(option);
      await options.press('Enter');
    }
    await fieldForm.getByRole('button', { name: 'Define field' }).click();
    await page.getByRole('table', { name: 'Custom fields' }).getByText('Gold, Silver').waitFor();
    const fields = (await app.api.call('GET', '/api/v1/custom-fields')).body.data;
    expect(fields).toContainEqual(
      expect.objectContaining({ key: 'tier', label: 'Tier', type: 'select', options: ['Gold', 'Silver'] }),
    );
    await page.context().close();
  });

  it('gives a viewer no Admin entry, and the API refuses the viewer the admin routes', async () => {
    const page = await app.page();
    await signIn(page, viewer);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Duplicates' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto('/admin');
    await page.getByText('Only admins of this workspace').waitFor();
    expect(await page.getByRole('button', { name: 'Create user' }).count()).toBe(0);
    const statuses = await page.evaluate(async () => {
      const send = (method: string, path: string, body?: unknown) =>
        fetch(path, {
          method,
          headers: { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }).then((r) => r.status);
      return Promise.all([
        send('POST', '/api/v1/users', {
          email: 'x@y.example',
          name: 'X',
          password: 'long enough pw',
          role: 'admin',
        }),
        send('GET', '/api/v1/api-keys'),
        send('POST', '/api/v1/custom-fields', { entity: 'person', key: 'x', label: 'X', type: 'text' }),
      ]);
    });
    expect(statuses).toEqual([403, 403, 403]);
    await page.context().close();
  });
});
