import { ingest, parseRequest, systemClock } from '@rapport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';
import { resumeTracking, stopTracking, trackingSettled } from './applier.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

describe('the tracking applier', () => {
  it('applies at start what a stopped process stored but did not apply', async () => {
    const created = await api.ok('POST', '/api/v1/sources', { name: 'Shop' });
    const source = { id: created.id, workspaceId: api.ws.workspaceId, name: 'Shop', interactionEvents: [] };
    const at = new Date();
    // Stored as the endpoint stores them, then "the process died": nothing kicked the applier.
    const parsed = parseRequest(
      {
        batch: [
          { type: 'identify', userId: 'crash-1', messageId: 'c-1', traits: { email: 'crash1@example.com' } },
        ],
      },
      'batch',
      at,
    );
    expect(await api.ws.run((ctx) => ingest(ctx, source, parsed, at))).toMatchObject({
      stored: 1,
      pending: 1,
    });
    expect((await api.ok('GET', '/api/v1/sources')).data[0]).toMatchObject({ pendingEvents: 1 });
    const found = () => api.ok('GET', '/api/v1/people?externalId=crash-1');
    expect((await found()).data).toEqual([]);

    await resumeTracking(api.db, systemClock); // what `rapport serve` does at start
    await trackingSettled(api.db);
    expect((await found()).data[0]).toMatchObject({ email: 'crash1@example.com' });
    expect((await api.ok('GET', '/api/v1/sources')).data[0]).toMatchObject({ pendingEvents: 0 });
    await stopTracking(api.db);
  });
});
