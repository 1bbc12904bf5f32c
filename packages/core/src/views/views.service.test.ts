import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomField } from '../custom-fields/custom-fields.service.ts';
import type { Actor } from '../shared/context.ts';
import { systemCtx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { createUser } from '../users/users.service.ts';
import {
  createSavedView,
  deleteSavedView,
  getSavedView,
  listSavedViews,
  updateSavedView,
} from './views.service.ts';

let db: Db;
let ws: TestWorkspace;
let admin: Actor;
let agent: Actor;
let other: Actor;
let viewer: Actor;

async function member(name: string, role: 'agent' | 'viewer'): Promise<Actor> {
  const user = await createUser(systemCtx(db), ws.workspaceId, {
    email: `${name}-${Date.now()}@example.test`,
    name,
    password: 'correct horse battery staple',
    role,
  });
  return ws.actorFor(user.id, role);
}

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db);
  admin = ws.actorFor(ws.adminId, 'admin');
  agent = await member('Agnes', 'agent');
  other = await member('Otto', 'agent');
  viewer = await member('Vera', 'viewer');
  await ws.run((ctx) =>
    createCustomField(ctx, {
      entity: 'person',
      key: 'tier',
      label: 'Tier',
      type: 'select',
      options: ['gold', 'silver'],
    }),
  );
});
afterAll(() => db.close());

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('saved views', () => {
  it('saves a view with the filters as the list parses them, private by default, in order', async () => {
    const first = await ws.run(
      (ctx) =>
        createSavedView(ctx, {
          kind: 'people',
          name: '  Gold executives ',
          filters: {
            q: ' ada ',
            tag: 'VIP',
            level: 'executive',
            custom: { tier: 'gold' },
            sort: '-updatedAt',
          },
        }),
      agent,
    );
    expect(first).toMatchObject({
      id: expect.stringMatching(/^viw_[0-9a-z]{26}$/),
      kind: 'people',
      name: 'Gold executives',
      visibility: 'private',
      ownerId: agent.userId,
      ownerName: 'Agnes',
      filters: { q: 'ada', tag: ['vip'], level: 'executive', custom: { tier: 'gold' }, sort: '-updatedAt' },
    });
    const second = await ws.run(
      (ctx) =>
        createSavedView(ctx, {
          kind: 'people',
          name: 'Prospects',
          filters: { relationshipType: 'prospect' },
        }),
      agent,
    );
    expect(second.position).toBeGreaterThan(first.position);
    const mine = await ws.run((ctx) => listSavedViews(ctx, { kind: 'people' }), agent);
    expect(mine.map((view) => view.name)).toEqual(['Gold executives', 'Prospects']);
    expect(await ws.run((ctx) => listSavedViews(ctx, { kind: 'companies' }), agent)).toEqual([]);
  });

  it('refuses filters the list would refuse, with the path inside filters, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ sort: 'email' }, 'filters.sort'],
      [{ level: 'boss' }, 'filters.level'],
      [{ custom: { tier: 'bronze' } }, 'filters.custom.tier'],
      [{ custom: { nope: 'x' } }, 'filters.custom.nope'],
      [{ colour: 'red' }, 'filters.colour'],
      [{ cursor: 'abc' }, 'filters.cursor'],
    ];
    for (const [filters, path] of cases) {
      const error = await failure(
        ws.run((ctx) => createSavedView(ctx, { kind: 'people', name: 'Bad', filters }), agent),
      );
      expect(error.code).toBe('validation_failed');
      expect(error.details[0]?.path).toBe(path);
    }
    const industry = await failure(
      ws.run(
        (ctx) => createSavedView(ctx, { kind: 'people', name: 'Bad', filters: { industry: 'x' } }),
        agent,
      ),
    );
    expect(industry.details[0]?.path).toBe('filters.industry');
    const companies = await ws.run(
      (ctx) => createSavedView(ctx, { kind: 'companies', name: 'Pharma', filters: { industry: 'Pharma' } }),
      agent,
    );
    expect(companies.filters).toEqual({ industry: 'Pharma' });
    const names = (await ws.run((ctx) => listSavedViews(ctx), agent)).map((view) => view.name);
    expect(names).not.toContain('Bad');
    const blank = await failure(ws.run((ctx) => createSavedView(ctx, { kind: 'people', name: '  ' }), agent));
    expect(blank.details[0]?.path).toBe('name');
    const twice = await failure(
      ws.run((ctx) => createSavedView(ctx, { kind: 'people', name: 'PROSPECTS' }), agent),
    );
    expect(twice).toMatchObject({ code: 'conflict', details: [{ path: 'name' }] });
  });

  it('shows shared views to everyone and private views to their owner only', async () => {
    const shared = await ws.run(
      (ctx) => createSavedView(ctx, { kind: 'companies', name: 'Team accounts', visibility: 'shared' }),
      other,
    );
    const secret = await ws.run(
      (ctx) => createSavedView(ctx, { kind: 'companies', name: 'Otto only' }),
      other,
    );
    for (const actor of [agent, viewer, admin]) {
      const names = (await ws.run((ctx) => listSavedViews(ctx, { kind: 'companies' }), actor)).map(
        (v) => v.name,
      );
      expect(names).toContain('Team accounts');
      expect(names).not.toContain('Otto only');
      expect((await failure(ws.run((ctx) => getSavedView(ctx, secret.id), actor))).code).toBe('not_found');
    }
    expect((await ws.run((ctx) => getSavedView(ctx, shared.id), viewer)).ownerName).toBe('Otto');
  });

  it('lets only the owner or an admin change or delete a view; viewers keep private views', async () => {
    const view = await ws.run(
      (ctx) => createSavedView(ctx, { kind: 'people', name: 'Otto shared', visibility: 'shared' }),
      other,
    );
    const refused = await failure(
      ws.run((ctx) => updateSavedView(ctx, view.id, { name: 'Mine now' }), agent),
    );
    expect(refused).toMatchObject({ code: 'forbidden', details: [{ path: 'id' }] });
    expect((await failure(ws.run((ctx) => deleteSavedView(ctx, view.id), agent))).code).toBe('forbidden');

    const renamed = await ws.run(
      (ctx) => updateSavedView(ctx, view.id, { name: 'Otto shared (checked)', filters: { tag: ['key'] } }),
      admin,
    );
    expect(renamed).toMatchObject({
      name: 'Otto shared (checked)',
      filters: { tag: ['key'] },
      ownerId: other.userId,
    });
    const unshared = await ws.run((ctx) => updateSavedView(ctx, view.id, { visibility: 'private' }), other);
    expect(unshared.visibility).toBe('private');
    const bad = await failure(
      ws.run((ctx) => updateSavedView(ctx, view.id, { filters: { sort: 'x' } }), other),
    );
    expect(bad.details[0]?.path).toBe('filters.sort');
    expect((await ws.run((ctx) => getSavedView(ctx, view.id), other)).filters).toEqual({ tag: ['key'] });

    const own = await ws.run((ctx) => createSavedView(ctx, { kind: 'people', name: 'Vera list' }), viewer);
    expect(own.visibility).toBe('private');
    const share = await failure(
      ws.run((ctx) => updateSavedView(ctx, own.id, { visibility: 'shared' }), viewer),
    );
    expect(share).toMatchObject({ code: 'forbidden', details: [{ path: 'visibility' }] });
    const shareNew = await failure(
      ws.run((ctx) => createSavedView(ctx, { kind: 'people', name: 'V', visibility: 'shared' }), viewer),
    );
    expect(shareNew.details[0]?.path).toBe('visibility');
    await ws.run((ctx) => deleteSavedView(ctx, own.id), viewer);
    expect((await failure(ws.run((ctx) => getSavedView(ctx, own.id), viewer))).code).toBe('not_found');
    await ws.run((ctx) => deleteSavedView(ctx, view.id), other);
  });

  it('needs a user to save a view: an API key reads the shared ones only', async () => {
    const key: Actor = { kind: 'api_key', id: 'key_test', role: 'admin', userId: null };
    const error = await failure(ws.run((ctx) => createSavedView(ctx, { kind: 'people', name: 'Key' }), key));
    expect(error).toMatchObject({ code: 'forbidden', details: [{ path: 'Authorization' }] });
    const seen = await ws.run((ctx) => listSavedViews(ctx), key);
    expect(seen.every((view) => view.visibility === 'shared')).toBe(true);
  });
});
