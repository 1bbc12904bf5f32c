import { inWorkspace, systemActor, testWorkspace } from '@rapport/core/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../apps/server/src/testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

describe('workspace isolation', () => {
  it('never shows or changes another workspace’s records through the API', async () => {
    const other = await testWorkspace(api.db);
    const otherKey = (
      await other.run((ctx) =>
        import('@rapport/core').then((m) => m.createApiKey(ctx, { name: 'o', role: 'admin' })),
      )
    ).key;
    const theirs = await api.call('POST', '/api/v1/people', {
      key: otherKey,
      body: { email: 'theirs@example.test' },
    });
    const theirCompany = await api.call('POST', '/api/v1/companies', {
      key: otherKey,
      body: { name: 'Theirs' },
    });
    expect((await api.call('GET', `/api/v1/people/${theirs.body.id}`)).status).toBe(404);
    expect(
      (await api.call('PATCH', `/api/v1/people/${theirs.body.id}`, { body: { title: 'x' } })).status,
    ).toBe(404);
    expect((await api.call('GET', '/api/v1/people?email=theirs@example.test')).body.data).toEqual([]);
    expect((await api.call('GET', '/api/v1/search?q=theirs')).body.people).toEqual([]);
    const mine = await api.call('POST', '/api/v1/people', { body: { firstName: 'Mine' } });
    const link = await api.call('POST', '/api/v1/memberships', {
      body: { personId: mine.body.id, companyId: theirCompany.body.id },
    });
    expect(link.status).toBe(404);
    const order = await api.call('POST', '/api/v1/orders', {
      body: { personId: theirs.body.id, currency: 'EUR', totalMinor: 1 },
    });
    expect(order.status).toBe(404);
    expect((await api.call('GET', `/api/v1/people/${theirs.body.id}/feelings`)).status).toBe(404);
    expect((await api.call('GET', `/api/v1/companies/${theirCompany.body.id}/feelings`)).status).toBe(404);
  });

  it('keeps feelings (derived from texts, written by background jobs) inside their workspace', async () => {
    const other = await testWorkspace(api.db);
    const { createPerson, logInteraction, createJobWorker, systemCtx } = await import('@rapport/core');
    const theirs = await other.run((ctx) => createPerson(ctx, { firstName: 'Theirs' }));
    await other.run((ctx) =>
      logInteraction(ctx, {
        channel: 'email',
        direction: 'inbound',
        body: 'This is the worst service ever, I am furious.',
        people: [{ personId: theirs.id }],
      }),
    );
    await createJobWorker(systemCtx(api.db), { workspaceId: other.workspaceId }).runDue();
    const stored = await other.run((ctx) =>
      sql<{ n: number }>`select count(*)::int as n from feelings where person_id = ${theirs.id}`.execute(
        ctx.db,
      ),
    );
    expect(stored.rows).toEqual([{ n: 1 }]);
    await inWorkspace(api.db, api.ws.workspaceId, systemActor, async (ctx) => {
      const seen = await sql`select count(*)::int as n from feelings where person_id = ${theirs.id}`.execute(
        ctx.db,
      );
      expect(seen.rows).toEqual([{ n: 0 }]);
      const moved = await sql`update feelings set score = 1 where person_id = ${theirs.id}`.execute(ctx.db);
      expect(Number(moved.numAffectedRows ?? 0)).toBe(0);
    });
  });

  it('is enforced by PostgreSQL itself: raw SQL in one workspace cannot read or write another’s rows', async () => {
    const other = await testWorkspace(api.db);
    await other.run((ctx) =>
      sql`insert into people (id, workspace_id, first_name) values ('per_rls_probe', ${other.workspaceId}, 'Probe')`.execute(
        ctx.db,
      ),
    );
    await inWorkspace(api.db, api.ws.workspaceId, systemActor, async (ctx) => {
      const seen = await sql`select count(*)::int as n from people where id = 'per_rls_probe'`.execute(
        ctx.db,
      );
      expect(seen.rows).toEqual([{ n: 0 }]);
      const changed = await sql`update people set first_name = 'Hacked' where id = 'per_rls_probe'`.execute(
        ctx.db,
      );
      expect(Number(changed.numAffectedRows ?? 0)).toBe(0);
    });
    await expect(
      inWorkspace(api.db, api.ws.workspaceId, systemActor, (ctx) =>
        sql`insert into people (id, workspace_id, first_name) values ('per_rls_forged', ${other.workspaceId}, 'Forged')`.execute(
          ctx.db,
        ),
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const probe = await other.run((ctx) =>
      sql<{ first_name: string }>`select first_name from people where id = 'per_rls_probe'`.execute(ctx.db),
    );
    expect(probe.rows[0]?.first_name).toBe('Probe');
  });
});
