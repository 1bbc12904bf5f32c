import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

describe('POST /api/v1/text/analyze', () => {
  it('analyses texts in order, with sentiment, emotions and the words behind them', async () => {
    const { data } = await api.ok('POST', '/api/v1/text/analyze', {
      texts: [
        'My order never arrived and nobody answers my emails.',
        'Thank you so much, you saved my day!',
        '',
      ],
    });
    expect(data.map((a: { sentiment: { label: string } }) => a.sentiment.label)).toEqual([
      'negative',
      'positive',
      'neutral',
    ]);
    expect(data[0].emotions.frustration).toBeGreaterThanOrEqual(0.5);
    expect(data[0].explanation.sentiment.map((d: { text: string }) => d.text)).toContain('never arrived');
    expect(data[1].emotions.gratitude).toBeGreaterThanOrEqual(0.5);
  });

  it('answers sentiment only when emotions are turned off', async () => {
    const { data } = await api.ok('POST', '/api/v1/text/analyze', {
      texts: ['The driver was rude.'],
      emotions: false,
    });
    expect(data[0].sentiment.label).toBe('negative');
    expect(data[0].emotions).toBeUndefined();
  });

  it('refuses bad requests with the path of what was wrong', async () => {
    const empty = await api.call('POST', '/api/v1/text/analyze', { body: { texts: [] } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].path).toBe('texts');
    const notText = await api.call('POST', '/api/v1/text/analyze', { body: { texts: ['ok', 42] } });
    expect(notText.status).toBe(400);
    expect(notText.body.error.details[0].path).toBe('texts.1');
    const tooMany = await api.call('POST', '/api/v1/text/analyze', {
      body: { texts: Array(1001).fill('hi') },
    });
    expect(tooMany.status).toBe(400);
    const huge = await api.call('POST', '/api/v1/text/analyze', { body: { texts: ['a'.repeat(1_100_000)] } });
    expect(huge.status).toBe(413);
    const anonymous = await api.call('POST', '/api/v1/text/analyze', { body: { texts: ['hi'] }, key: null });
    expect(anonymous.status).toBe(401);
  });
});
