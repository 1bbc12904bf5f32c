import { createJobWorker, systemCtx } from '@rapport/core';
import { type Receiver, startReceiver } from '@rapport/core/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

describe.skipIf(missing)('the webhooks admin tab in a real browser (Chromium)', () => {
  let app: WebApp;
  let admin: string;
  let receiver: Receiver;
  /** The background worker's job, run here on demand: what is due in the test workspace. */
  const deliver = () =>
    createJobWorker(systemCtx(app.api.db), { workspaceId: app.api.ws.workspaceId }).runDue();

  beforeAll(async () => {
    app = await startWebApp();
    admin = await addUser(app, 'Wes Webhooks', 'admin');
    receiver = await startReceiver();
  }, 180_000);

  afterAll(async () => {
    await receiver?.close();
    await app?.close();
  });

  it('subscribes a URL (secret shown once), shows the delivery log, replays, disables and deletes', async () => {
    const page = await app.page();
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.getByText('No webhooks.').waitFor();

    const form = page.getByRole('form', { name: 'New webhook' });
    await form.getByRole('textbox', { name: 'Endpoint URL' }).fill('ftp://example.com');
    await form.getByRole('button', { name: 'Create webhook' }).click();
    await form.getByText('choose at least one event').waitFor();
    await form.getByText('must be an http:// or https:// URL').waitFor();

    await form.getByRole('textbox', { name: 'Endpoint URL' }).fill(receiver.url);
    await form.getByRole('textbox', { name: 'Description' }).fill('Data warehouse');
    await form.getByRole('checkbox', { name: 'person.created' }).check();
    await form.getByRole('button', { name: 'Create webhook' }).click();
    const secret = await page.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    const table = page.getByRole('table', { name: 'Webhooks' });
    await table.getByText('Data warehouse').waitFor();
    await table.getByText('enabled', { exact: true }).waitFor();

    // An event, delivered by the job worker, signed with the secret the page showed.
    const person = await app.api.call('POST', '/api/v1/people', { body: { firstName: 'Hooked' } });
    expect(await deliver()).toBe(1);
    const [first] = receiver.received;
    const event = new Webhook(secret).verify(first!.body, {
      'webhook-id': first!.id,
      'webhook-timestamp': first!.timestamp,
      'webhook-signature': first!.signature,
    });
    expect(event).toMatchObject({ type: 'person.created', data: { id: person.body.id } });

    await page.getByRole('button', { name: `Deliveries to ${receiver.url}` }).click();
    const log = page.getByRole('table', { name: 'Deliveries' });
    await log.getByText('succeeded', { exact: true }).waitFor();
    await log.getByText('HTTP 204').waitFor();
    await log.getByRole('button', { name: `Replay ${first!.id}` }).click();
    await log.getByText('pending', { exact: true }).waitFor();
    expect(await deliver()).toBe(1);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => log.getByText('succeeded', { exact: true }).count()).toBe(2);
    expect(receiver.received.map((r) => r.id)).toEqual([first!.id, first!.id]);

    await table.getByRole('button', { name: `Edit ${receiver.url}` }).click();
    const edit = page.getByRole('dialog', { name: 'Edit webhook' });
    await edit.getByRole('textbox', { name: 'Description' }).fill('Warehouse (EU)');
    await edit.getByRole('checkbox', { name: 'order.created' }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await table.getByText('Warehouse (EU)').waitFor();
    await table.getByText('order.created').waitFor();

    await table.getByRole('button', { name: `Disable ${receiver.url}` }).click();
    await table.getByText('disabled', { exact: true }).waitFor();
    expect(
      await log
        .getByRole('button', { name: `Replay ${first!.id}` })
        .first()
        .isDisabled(),
    ).toBe(true);
    await page.reload();
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await table.getByText('disabled', { exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret.slice(6)); // shown once, never again

    await table.getByRole('button', { name: `Delete the webhook to ${receiver.url}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No webhooks.').waitFor();
    expect((await app.api.call('GET', '/api/v1/webhooks')).body.data).toEqual([]);
    await page.context().close();
  });
});
