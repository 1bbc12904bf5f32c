import { createJobWorker, systemCtx } from '@rapport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serious } from './axe.ts';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe.skipIf(missing)('how they feel, on the person and company pages (Chromium)', () => {
  let app: WebApp;
  let viewer: string;
  let personId: string;
  let companyId: string;

  beforeAll(async () => {
    app = await startWebApp();
    viewer = await addUser(app, 'Vera Viewer', 'viewer');
    companyId = (await app.api.ok('POST', '/api/v1/companies', { name: 'Bäckerei Sonnenschein' })).id;
    personId = (await app.api.ok('POST', '/api/v1/people', { firstName: 'Lena', lastName: 'Brot' })).id;
    await app.api.ok('POST', '/api/v1/memberships', { personId, companyId });
    const say = (days: number, subject: string, body: string, direction = 'inbound') =>
      app.api.ok('POST', '/api/v1/interactions', {
        channel: 'email',
        direction,
        occurredAt: ago(days),
        subject,
        body,
        people: [{ personId, role: 'from' }],
      });
    await say(110, 'Lovely beans', 'Thank you so much, the new blend is wonderful and arrived so quickly!');
    await say(
      20,
      'Order 5521 still not here',
      'My order still has not arrived after two weeks and nobody answers my emails. This is really frustrating.',
    );
    await say(
      19,
      'Re: Order 5521',
      'We are sorry: the courier lost it, a new parcel leaves today.',
      'outbound',
    );
    await say(
      3,
      'Late again',
      'My parcel is late again and nobody tells me anything. Very disappointing and frustrating.',
    );
    await createJobWorker(systemCtx(app.api.db), { workspaceId: app.api.ws.workspaceId }).runDue();
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows the empathy cue first, the trend, the chart and the moments that went wrong', async () => {
    const page = await app.page();
    await signIn(page, viewer);
    await page.goto(`/people/${personId}`);
    const panel = page.getByRole('region', { name: 'How they feel' });
    const cue = panel.getByRole('alert', { name: 'Before you contact them' });
    await cue.waitFor();
    expect(await cue.innerText()).toMatch(
      /Before you contact them\s+(Frustrated|Angry) about a late delivery twice this month: acknowledge it before anything else\./,
    );
    expect(await panel.innerText()).toMatch(/Worsening/);
    const chart = panel.getByRole('figure', { name: 'Score of each text over time' });
    await chart.locator('svg.recharts-surface').waitFor();
    // One point per text the customer wrote (our reply is not theirs).
    expect(await chart.locator('.recharts-line-dots circle').count()).toBe(3);
    expect(await panel.getByText('Moments that went wrong').count()).toBe(1);
    await panel.getByText('“Very disappointing and frustrating.”').waitFor();
    await panel.getByRole('button', { name: 'Open the message' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('My parcel is late again', { exact: false }).waitFor();
    expect(await serious(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await serious(page)).toEqual([]);

    await page.goto(`/companies/${companyId}`);
    await page
      .getByRole('region', { name: 'How they feel' })
      .getByRole('alert', { name: 'Before you contact them' })
      .waitFor();
    await page.context().close();
  });
});
