import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

describe('reviews and mentions through HTTP', () => {
  it('adds, matches, lists with filters, links, and answers 404 and 400 with field paths', async () => {
    const person = await api.call('POST', '/api/v1/people', {
      body: { firstName: 'Lea', email: 'lea@example.com', socialHandles: { x: '@lea_sips' } },
    });
    expect(person.status).toBe(201);
    expect(person.body.socialHandles).toEqual({ x: 'lea_sips' });

    const review = await api.call('POST', '/api/v1/reviews', {
      body: {
        source: 'google',
        rating: 1,
        text: 'My order never arrived and nobody answers.',
        authorEmail: 'Lea@Example.com',
      },
    });
    expect(review.status).toBe(201);
    expect(review.body).toMatchObject({ personId: person.body.id, stars: 1 });

    const batch = await api.call('POST', '/api/v1/reviews/batch', {
      body: {
        items: [
          {
            kind: 'mention',
            source: 'x',
            text: 'Thanks for the quick refund!',
            authorHandle: 'https://x.com/Lea_Sips',
          },
          { kind: 'mention', source: 'instagram', text: 'New bag, who dis', authorHandle: '@stranger' },
          { source: 'trustpilot', rating: 9, text: 'Great' },
        ],
      },
    });
    expect(batch.status).toBe(200);
    expect(batch.body).toMatchObject({ created: 2, updated: 0 });
    expect(batch.body.rejected).toEqual([
      { index: 2, path: 'items.2.rating', message: 'must be at most the rating scale (5)' },
    ]);
    expect(batch.body.data[0].personId).toBe(person.body.id);
    const stranger = batch.body.data[1];
    expect(stranger.personId).toBeNull();

    const tooMany = await api.call('POST', '/api/v1/reviews/batch', {
      body: { items: Array.from({ length: 1001 }, () => ({ source: 'x', text: 'a' })) },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0].path).toBe('items');

    const negative = await api.call('GET', '/api/v1/reviews?ratingMax=2');
    expect(negative.body.data.map((r: { id: string }) => r.id)).toEqual([review.body.id]);
    expect(negative.body.data[0].sentiment.label).toBe('negative');
    const unmatched = await api.call('GET', '/api/v1/reviews?matched=false&kind=mention');
    expect(unmatched.body.data.map((r: { id: string }) => r.id)).toEqual([stranger.id]);
    const sources = await api.call('GET', '/api/v1/reviews?source=x&source=google');
    expect(sources.body.data).toHaveLength(2);
    const counted = await api.call('GET', '/api/v1/reviews/sources');
    expect(counted.body.data).toEqual([
      { source: 'google', count: 1 },
      { source: 'instagram', count: 1 },
      { source: 'x', count: 1 },
    ]);
    const paged = await api.call('GET', '/api/v1/reviews?limit=2');
    expect(paged.body.data).toHaveLength(2);
    const rest = await api.call('GET', `/api/v1/reviews?limit=2&cursor=${paged.body.nextCursor}`);
    expect(rest.body.data).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();

    const linked = await api.call('PATCH', `/api/v1/reviews/${stranger.id}`, {
      body: { personId: person.body.id },
    });
    expect(linked.status).toBe(200);
    const ofLea = await api.call('GET', `/api/v1/people/${person.body.id}/reviews`);
    expect(ofLea.body.data).toHaveLength(3);
    const timeline = await api.call('GET', `/api/v1/people/${person.body.id}/timeline?kind=review`);
    expect(timeline.body.data.map((e: { kind: string }) => e.kind)).toEqual(['review', 'review', 'review']);

    const bad = await api.call('POST', '/api/v1/reviews', {
      body: { source: 'google', text: '', url: 'javascript:alert(1)', rating: 'five' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'rating',
      'text',
      'url',
    ]);
    expect((await api.call('GET', '/api/v1/reviews/rev_nope')).status).toBe(404);
    expect((await api.call('PATCH', '/api/v1/reviews/rev_nope', { body: { title: 'x' } })).status).toBe(404);
    expect((await api.call('GET', '/api/v1/people/per_nope/reviews')).status).toBe(404);
    expect((await api.call('DELETE', `/api/v1/reviews/${stranger.id}`)).status).toBe(204);
    expect((await api.call('DELETE', `/api/v1/reviews/${stranger.id}`)).status).toBe(404);
  });

  it('imports reviews from JSON lines sent as the body', async () => {
    const body = [
      '{"source": "app-store", "externalId": "as-1", "rating": 5, "text": "Ordering in the app is so easy"}',
      '{"source": "app-store", "externalId": "as-2", "rating": 0, "text": ""}',
    ].join('\n');
    const response = await api.app.request('/api/v1/imports/reviews', {
      method: 'POST',
      headers: { authorization: `Bearer ${api.key}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    expect(response.status).toBe(201);
    const run = await response.json();
    expect(run).toMatchObject({ created: 1, rejected: 1 });
    expect(run.errors).toEqual([{ line: 2, column: 'text', message: 'is required' }]);
  });
});
