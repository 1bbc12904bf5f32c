import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInteraction } from '../interactions/interactions.service.ts';
import { createPerson } from '../people/people.service.ts';
import { createReview } from '../reviews/reviews.service.ts';
import { AppError } from '../shared/errors.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { createSavedView } from '../views/views.service.ts';
import { listThemes } from './themes.service.ts';

let db: Db;
let ws: TestWorkspace;
const now = new Date('2026-06-30T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();

const before = [
  'The oat milk latte was lovely',
  'Oat milk flat white, as always',
  'Friendly barista and good coffee',
];
const lately = [
  'My delivery is late again and the delivery driver did not ring',
  'Second late delivery this month',
  'Where is my delivery? Still nothing',
  'The app crashed at checkout',
  'Oat milk latte as good as ever',
];

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db);
  await ws.run(async (ctx) => {
    const vip = await createPerson(ctx, { firstName: 'Vera', lastName: 'Ip', tags: ['vip'] });
    const other = await createPerson(ctx, { firstName: 'Otto', lastName: 'Other' });
    // Every text four times (several customers write alike), half from the VIP.
    for (let k = 0; k < 4; k++) {
      const personId = k % 2 ? vip.id : other.id;
      for (const [i, body] of before.entries())
        await logInteraction(ctx, {
          channel: 'email',
          direction: 'inbound',
          occurredAt: daysAgo(40 + i),
          body,
          people: [{ personId }],
        });
      for (const [i, body] of lately.entries())
        await logInteraction(ctx, {
          channel: 'chat',
          direction: 'inbound',
          occurredAt: daysAgo(2 + i),
          body,
          people: [{ personId }],
        });
    }
    // Our own replies are not what customers talk about.
    await logInteraction(ctx, {
      channel: 'email',
      direction: 'outbound',
      occurredAt: daysAgo(1),
      body: 'Sorry about the delivery delivery delivery delivery',
      people: [{ personId: vip.id }],
    });
  });
});
afterAll(() => db.close());

describe('themes', () => {
  it('finds what customers talk about, what rises against the period before, and the texts behind it', async () => {
    const answer = await ws.run((ctx) => listThemes(ctx, { days: 30 }, now));
    expect(answer.current.texts).toBe(20);
    expect(answer.previous.texts).toBe(12);
    const delivery = answer.themes.find((t) => t.name === 'delivery')!;
    expect(delivery.current).toBe(12);
    expect(delivery.previous).toBe(0);
    expect(delivery.change!.trend).toBe('rising');
    expect(delivery.sentiment!.negativeShare).toBeGreaterThan(0.5);
    expect(delivery.texts).toHaveLength(12);
    expect(delivery.texts[0]!.excerpt).toMatch(/delivery/i);
    expect(answer.themes.map((t) => t.name)).toContain('oat milk');
  });

  it('hears reviews, mentions and survey comments too, not only messages', async () => {
    await ws.run(async (ctx) => {
      for (let k = 0; k < 3; k++)
        await createReview(ctx, {
          kind: 'review',
          source: 'google',
          rating: 2,
          text: 'The espresso machine at the station is broken again',
          occurredAt: daysAgo(3),
        });
    });
    const answer = await ws.run((ctx) => listThemes(ctx, { days: 30 }, now));
    const espresso = answer.themes.find((t) => t.name.includes('espresso'))!;
    expect(espresso.current).toBe(3);
    expect(espresso.texts.map((t) => t.kind)).toEqual(['review', 'review', 'review']);
  });

  it('narrows to a segment (a saved view of people), and refuses a view of companies', async () => {
    const answer = await ws.run(async (ctx) => {
      const view = await createSavedView(ctx, { kind: 'people', name: 'VIPs', filters: { tag: ['vip'] } });
      return listThemes(ctx, { days: 30, viewId: view.id }, now);
    });
    expect(answer.segment).toMatchObject({ name: 'VIPs', people: 1 });
    expect(answer.current.texts).toBe(10);
    const refused = await ws
      .run(async (ctx) => {
        const view = await createSavedView(ctx, { kind: 'companies', name: 'Accounts', filters: {} });
        return listThemes(ctx, { viewId: view.id }, now);
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).details[0]!.path).toBe('viewId');
  });
});
