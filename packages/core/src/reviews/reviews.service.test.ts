import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany } from '../companies/companies.service.ts';
import { mergePeople } from '../duplicates/duplicates.service.ts';
import { createMembership } from '../memberships/memberships.service.ts';
import { createPerson } from '../people/people.service.ts';
import { createProduct } from '../products/products.service.ts';
import { appError, openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { companyTimeline, personTimeline } from '../timeline/timeline.service.ts';
import { matchAuthors } from './reviews.match.ts';
import {
  createReview,
  createReviews,
  deleteReview,
  getReview,
  listReviews,
  personReviews,
  updateReview,
} from './reviews.service.ts';

let db: Db;
let ws: TestWorkspace;
let ada: string;
let ben: string;
let acme: string;

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db);
  await ws.run(async (ctx) => {
    acme = (await createCompany(ctx, { name: 'Acme Roasters' })).id;
    ada = (
      await createPerson(ctx, {
        firstName: 'Ada',
        email: 'ada@example.com',
        additionalEmails: ['ada.work@example.org'],
        socialHandles: { instagram: '@Ada.Brews', x: 'https://x.com/ada_l' },
      })
    ).id;
    ben = (await createPerson(ctx, { firstName: 'Ben', socialHandles: { x: 'bennyb', instagram: 'ada_l' } }))
      .id;
    await createMembership(ctx, { personId: ada, companyId: acme, isPrimary: true });
    await createProduct(ctx, { sku: 'BEAN-1', name: 'House blend' });
  });
});
afterAll(() => db.close());

describe('reviews and mentions', () => {
  it('stores a review, matches its author by email (case ignored, additional emails too) and takes their company', async () => {
    const review = await ws.run((ctx) =>
      createReview(ctx, {
        source: 'Trustpilot',
        rating: 4,
        title: 'Lovely beans',
        text: 'The house blend is lovely and arrived quickly.',
        url: 'https://www.trustpilot.com/reviews/abc',
        authorEmail: 'ADA.WORK@example.org',
        productSku: 'BEAN-1',
        occurredAt: '2026-01-10T09:00:00Z',
      }),
    );
    expect(review).toMatchObject({
      id: expect.stringMatching(/^rev_[0-9a-z]{26}$/),
      kind: 'review',
      source: 'trustpilot',
      rating: 4,
      ratingScale: 5,
      stars: 4,
      personId: ada,
      personName: 'Ada',
      companyId: acme,
      productSku: 'BEAN-1',
    });
    const read = await ws.run((ctx) => getReview(ctx, review.id));
    expect(read.sentiment?.label).toBe('positive');
  });

  it('matches handles in any form, prefers the source’s network when two people share one, never by name', async () => {
    const people = await ws.run((ctx) =>
      matchAuthors(ctx, [
        { source: 'instagram', handle: 'https://www.instagram.com/ada.brews/' },
        { source: 'instagram', handle: '@ADA.BREWS' },
        { source: 'x', handle: 'twitter.com/Ada_L?s=20' },
        { source: 'instagram', handle: 'ada_l' },
        { source: 'reddit', handle: 'ada_l' },
        { source: 'x', handle: '@nobody_here' },
        { source: 'google', handle: null, email: 'nobody@example.com' },
      ]),
    );
    expect(people).toEqual([ada, ada, ada, ben, null, null, null]);
    const byName = await ws.run((ctx) =>
      createReview(ctx, { source: 'google', rating: 5, text: 'Great café.', authorName: 'Ada' }),
    );
    expect(byName.personId).toBeNull();
  });

  it('refuses bad input with the path of each field', async () => {
    const tooHigh = await appError(
      ws.run((ctx) => createReview(ctx, { source: 'g2', rating: 6, text: 'Good' })),
    );
    expect(tooHigh.details).toEqual([{ path: 'rating', message: 'must be at most the rating scale (5)' }]);
    const bad = await appError(
      ws.run((ctx) =>
        createReview(ctx, { source: 'google', rating: -1, text: '   ', url: 'ftp://example.com/x' }),
      ),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.details.map((d) => d.path).sort()).toEqual(['rating', 'text', 'url']);
    const sku = await appError(
      ws.run((ctx) => createReview(ctx, { source: 'google', text: 'Hm', productSku: 'NOPE' })),
    );
    expect(sku.details[0]?.path).toBe('productSku');
    const ten = await ws.run((ctx) =>
      createReview(ctx, { source: 'app-store', rating: 8, ratingScale: 10, text: 'Nice app' }),
    );
    expect(ten.stars).toBe(4);
  });

  it('updates instead of duplicating when the source and external id come again', async () => {
    const first = await ws.run((ctx) =>
      createReview(ctx, { source: 'google', externalId: 'g-1', rating: 2, text: 'Slow service.' }),
    );
    const again = await ws.run((ctx) =>
      createReviews(ctx, {
        items: [
          { source: 'Google', externalId: 'g-1', rating: 3, text: 'Slow service, but kind staff.' },
          { source: 'google', externalId: 'g-2', text: 'Fine.' },
          { source: 'google', externalId: 'g-2', text: 'Fine twice.' },
          { source: 'google', text: '' },
        ],
      }),
    );
    expect(again).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    expect(again.data.map((r) => r.id)[0]).toBe(first.id);
    expect(again.data[0]).toMatchObject({ rating: 3, text: 'Slow service, but kind staff.' });
    expect(again.rejected).toEqual([
      { index: 2, path: 'items.2.externalId', message: 'the same source and external id as item 1' },
      { index: 3, path: 'items.3.text', message: 'must not be empty' },
    ]);
    const same = await ws.run((ctx) =>
      createReviews(ctx, { items: [{ source: 'google', externalId: 'g-2', text: 'Fine.' }] }),
    );
    expect(same).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const list = await ws.run((ctx) => listReviews(ctx, { source: 'google', limit: 200 }));
    expect(list.data.filter((r) => r.externalId === 'g-1')).toHaveLength(1);
    const clash = await appError(ws.run((ctx) => updateReview(ctx, first.id, { externalId: 'g-2' })));
    expect(clash).toMatchObject({ code: 'conflict', details: [{ path: 'externalId' }] });
  });

  it('lists newest first with filters and keyset pages', async () => {
    const other = await testWorkspace(db);
    await other.run(async (ctx) => {
      for (let i = 0; i < 5; i++) {
        await createReview(ctx, {
          kind: i % 2 ? 'mention' : 'review',
          source: i % 2 ? 'x' : 'google',
          rating: i % 2 ? null : i + 1,
          text: `Post number ${i}`,
          occurredAt: `2026-02-0${i + 1}T10:00:00Z`,
        });
      }
    });
    const first = await other.run((ctx) => listReviews(ctx, { limit: 2 }));
    expect(first.data.map((r) => r.text)).toEqual(['Post number 4', 'Post number 3']);
    const second = await other.run((ctx) => listReviews(ctx, { limit: 2, cursor: first.nextCursor! }));
    expect(second.data.map((r) => r.text)).toEqual(['Post number 2', 'Post number 1']);
    const mentions = await other.run((ctx) => listReviews(ctx, { kind: 'mention' }));
    expect(mentions.data.map((r) => r.source)).toEqual(['x', 'x']);
    const good = await other.run((ctx) => listReviews(ctx, { ratingMin: 3, sentiment: 'false' }));
    expect(good.data.map((r) => r.rating)).toEqual([5, 3]);
    expect(good.data[0]?.sentiment).toBeUndefined();
    const window = await other.run((ctx) =>
      listReviews(ctx, { since: '2026-02-02T00:00:00Z', until: '2026-02-04T00:00:00Z', matched: 'false' }),
    );
    expect(window.data.map((r) => r.text)).toEqual(['Post number 2', 'Post number 1']);
    // Another workspace's reviews are not there, not even by id.
    const mine = await ws.run((ctx) => listReviews(ctx, { limit: 200 }));
    expect(mine.data.some((r) => r.text.startsWith('Post number'))).toBe(false);
    const theirs = first.data[0]!.id;
    expect((await appError(ws.run((ctx) => getReview(ctx, theirs)))).code).toBe('not_found');
    expect((await appError(ws.run((ctx) => deleteReview(ctx, theirs)))).code).toBe('not_found');
  });

  it('links and unlinks a person later, shows on their timeline and their company’s, and follows merges', async () => {
    const mention = await ws.run((ctx) =>
      createReview(ctx, {
        kind: 'mention',
        source: 'reddit',
        text: 'Anyone tried the Acme house blend?',
        authorHandle: 'u/some_stranger',
        occurredAt: '2026-03-01T12:00:00Z',
      }),
    );
    expect(mention.personId).toBeNull();
    const linked = await ws.run((ctx) => updateReview(ctx, mention.id, { personId: ada }));
    expect(linked).toMatchObject({ personId: ada, companyId: acme });
    const timeline = await ws.run((ctx) => personTimeline(ctx, ada, { kind: 'review' }));
    expect(timeline.data.map((e) => e.id)).toContain(mention.id);
    const account = await ws.run((ctx) => companyTimeline(ctx, acme, { limit: 200 }));
    expect(account.data.find((e) => e.id === mention.id)?.kind).toBe('review');
    const adaTwin = await ws.run((ctx) => createPerson(ctx, { firstName: 'Ada', lastName: 'Twin' }));
    await ws.run((ctx) => updateReview(ctx, mention.id, { personId: adaTwin.id }));
    await ws.run((ctx) => mergePeople(ctx, { survivorId: ada, mergedId: adaTwin.id }));
    expect((await ws.run((ctx) => getReview(ctx, mention.id))).personId).toBe(ada);
    const ofAda = await ws.run((ctx) => personReviews(ctx, ada, {}));
    expect(ofAda.data.map((r) => r.id)).toContain(mention.id);
    const unlinked = await ws.run((ctx) => updateReview(ctx, mention.id, { personId: null }));
    expect(unlinked).toMatchObject({ personId: null, companyId: null });
    const missing = await appError(ws.run((ctx) => updateReview(ctx, mention.id, { personId: 'per_nope' })));
    expect(missing.details[0]?.path).toBe('personId');
    const over = await appError(ws.run((ctx) => updateReview(ctx, mention.id, { rating: 7 })));
    expect(over.details[0]?.path).toBe('rating');
    await ws.run((ctx) => deleteReview(ctx, mention.id));
    expect((await appError(ws.run((ctx) => getReview(ctx, mention.id)))).code).toBe('not_found');
  });
});
