import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditLog } from '../audit/audit.service.ts';
import { createCustomField } from '../custom-fields/custom-fields.service.ts';
import { mergePeople } from '../duplicates/duplicates.service.ts';
import { countMatching, runBulk } from '../shared/bulk.ts';
import { systemCtx } from '../shared/context.ts';
import type { AppError } from '../shared/errors.ts';
import { appError, openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { createUser } from '../users/users.service.ts';
import { bulkPeople, countPeople, peopleSelection } from './people.bulk.ts';
import { matchingPeople } from './people.repo.ts';
import { createPerson, getPerson, peoplePage } from './people.service.ts';

let db: Db;
let ws: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db);
  other = await testWorkspace(db);
});
afterAll(() => db.close());

const paths = (error: AppError) => error.details.map((d) => d.path);

/** People tagged `group` (so that a filter on it finds exactly this test's people). */
async function people(group: string, ...names: string[]) {
  const made = [];
  for (const name of names) {
    made.push(await ws.run((ctx) => createPerson(ctx, { firstName: name, lastName: group, tags: [group] })));
  }
  return made;
}

const read = (id: string) => ws.run((ctx) => getPerson(ctx, id));

describe('bulk changes to people', () => {
  it('adds tags to the ticked people once each, keeps their order, and audits the change', async () => {
    const [a, b, c] = await people('g-add', 'Ann', 'Ben', 'Cat');
    const ids = [a!.id, b!.id];
    await ws.run((ctx) => bulkPeople(ctx, { ids: [a!.id], action: { type: 'addTags', tags: ['vip'] } }));
    const result = await ws.run((ctx) =>
      bulkPeople(ctx, { ids, action: { type: 'addTags', tags: ['VIP', ' Fair ', 'fair'] } }),
    );
    expect(result).toEqual({ matched: 2, changed: 2, skipped: 0 });
    expect((await read(a!.id)).tags).toEqual(['g-add', 'vip', 'fair']);
    expect((await read(b!.id)).tags).toEqual(['g-add', 'vip', 'fair']);
    expect((await read(c!.id)).tags).toEqual(['g-add']);
    const before = (await read(a!.id)).updatedAt;
    const again = await ws.run((ctx) =>
      bulkPeople(ctx, { ids, action: { type: 'addTags', tags: ['fair'] } }),
    );
    expect(again).toEqual({ matched: 2, changed: 0, skipped: 0 });
    expect((await read(a!.id)).updatedAt).toBe(before);
    const log = await ws.run((ctx) => listAuditLog(ctx, { entityId: b!.id }));
    expect(log.data[0]).toMatchObject({
      action: 'update',
      actor: ws.adminId,
      changes: { tags: [['g-add'], ['g-add', 'vip', 'fair']] },
    });
    expect(log.data).toHaveLength(2); // create, then the one bulk update (the no-op wrote nothing)
  });

  it('removes tags from every person a filter matches', async () => {
    const [a, b] = await people('g-remove', 'Dora', 'Emil');
    await ws.run((ctx) =>
      bulkPeople(ctx, { ids: [a!.id], action: { type: 'addTags', tags: ['keep', 'drop'] } }),
    );
    const result = await ws.run((ctx) =>
      bulkPeople(ctx, {
        filter: { tag: 'g-remove' },
        action: { type: 'removeTags', tags: ['DROP', 'g-remove'] },
      }),
    );
    expect(result).toEqual({ matched: 2, changed: 2, skipped: 0 });
    expect((await read(a!.id)).tags).toEqual(['keep']);
    expect((await read(b!.id)).tags).toEqual([]);
    const none = await ws.run((ctx) =>
      bulkPeople(ctx, { filter: { tag: 'g-remove' }, action: { type: 'removeTags', tags: ['keep'] } }),
    );
    expect(none).toEqual({ matched: 0, changed: 0, skipped: 0 });
  });

  it('sets and clears the owner; a user of another workspace is refused and nothing changes', async () => {
    const [a, b] = await people('g-owner', 'Fay', 'Gus');
    const agent = await createUser(systemCtx(db), ws.workspaceId, {
      email: `agent-${ws.workspaceId}@example.test`,
      name: 'Agent',
      password: 'a long enough password',
      role: 'agent',
    });
    const set = await ws.run((ctx) =>
      bulkPeople(ctx, { filter: { tag: 'g-owner' }, action: { type: 'setOwner', ownerId: agent.id } }),
    );
    expect(set).toEqual({ matched: 2, changed: 2, skipped: 0 });
    expect((await read(b!.id)).ownerId).toBe(agent.id);
    const stranger = await appError(
      ws.run((ctx) =>
        bulkPeople(ctx, { ids: [a!.id], action: { type: 'setOwner', ownerId: other.adminId } }),
      ),
    );
    expect(stranger.code).toBe('validation_failed');
    expect(paths(stranger)).toEqual(['action.ownerId']);
    expect((await read(a!.id)).ownerId).toBe(agent.id);
    const cleared = await ws.run((ctx) =>
      bulkPeople(ctx, { ids: [a!.id, b!.id], action: { type: 'setOwner', ownerId: null } }),
    );
    expect(cleared.changed).toBe(2);
    expect((await read(a!.id)).ownerId).toBeNull();
  });

  it('refuses unknown ids with their paths, writing nothing, and skips merged people', async () => {
    const [a, b, c] = await people('g-ids', 'Hal', 'Ida', 'Jon');
    const foreign = await other.run((ctx) => createPerson(ctx, { firstName: 'Elsewhere' }));
    const error = await appError(
      ws.run((ctx) =>
        bulkPeople(ctx, {
          ids: [a!.id, 'per_nope', foreign.id],
          action: { type: 'addTags', tags: ['x'] },
        }),
      ),
    );
    expect(error.code).toBe('validation_failed');
    expect(paths(error)).toEqual(['ids.1', 'ids.2']);
    expect((await read(a!.id)).tags).toEqual(['g-ids']);
    await ws.run((ctx) => mergePeople(ctx, { survivorId: b!.id, mergedId: c!.id }));
    const result = await ws.run((ctx) =>
      bulkPeople(ctx, { ids: [a!.id, c!.id, a!.id], action: { type: 'addTags', tags: ['x'] } }),
    );
    expect(result).toEqual({ matched: 1, changed: 1, skipped: 1 });
  });

  it('checks the request: ids or filter, at most 1,000 ids, a valid action and filter', async () => {
    await ws.run((ctx) =>
      createCustomField(ctx, { entity: 'person', key: 'tier', label: 'Tier', type: 'text' }),
    );
    const cases: [unknown, string[]][] = [
      [{ action: { type: 'addTags', tags: ['a'] } }, ['ids']],
      [{ ids: ['per_x'], filter: {}, action: { type: 'addTags', tags: ['a'] } }, ['filter']],
      [
        { ids: Array.from({ length: 1001 }, (_, i) => `per_${i}`), action: { type: 'addTags', tags: ['a'] } },
        ['ids'],
      ],
      [{ ids: ['per_x'], action: { type: 'addTags', tags: [] } }, ['action.tags']],
      [{ ids: ['per_x'], action: { type: 'paint', color: 'red' } }, ['action.type']],
      [
        { filter: { relationshipType: 'alien' }, action: { type: 'setOwner', ownerId: null } },
        ['filter.relationshipType'],
      ],
      [{ filter: { sort: 'name' }, action: { type: 'setOwner', ownerId: null } }, ['filter.sort']],
      [
        { filter: { custom: { nope: 'x' } }, action: { type: 'setOwner', ownerId: null } },
        ['filter.custom.nope'],
      ],
    ];
    for (const [input, expected] of cases) {
      const error = await appError(ws.run((ctx) => bulkPeople(ctx, input as never)));
      expect(error.code, JSON.stringify(input).slice(0, 80)).toBe('validation_failed');
      expect(paths(error), JSON.stringify(input).slice(0, 80)).toEqual(expected);
    }
  });

  it('bounds a change by filter and refuses past it, writing nothing', async () => {
    await people('g-bound', 'Kai', 'Lea', 'Max');
    const source = (ctx: Parameters<typeof matchingPeople>[0]) => ({
      table: 'people' as const,
      entity: 'person',
      plural: 'people',
      matching: (filter: object) => matchingPeople(ctx, filter),
    });
    const error = await appError(
      ws.run((ctx) =>
        runBulk(ctx, source(ctx), { filter: { tag: ['g-bound'] } }, { type: 'addTags', tags: ['big'] }, 2),
      ),
    );
    expect(paths(error)).toEqual(['filter']);
    expect(error.message).toMatch(/more than 2 people.*narrow the filter/);
    expect(await ws.run((ctx) => countPeople(ctx, { tag: 'big' }))).toEqual({ count: 0, exact: true });
    expect(await ws.run((ctx) => countPeople(ctx, { tag: 'g-bound' }))).toEqual({ count: 3, exact: true });
    const estimated = await ws.run((ctx) => countMatching(ctx, source(ctx), { tag: ['g-bound'] }, 2));
    expect(estimated.exact).toBe(false);
    expect(estimated.count).toBeGreaterThanOrEqual(3);
  });

  it('selects the ticked live people or those a filter matches, for an export', async () => {
    const [a, b, c] = await people('g-export', 'Nia', 'Oto', 'Pia');
    await ws.run((ctx) => mergePeople(ctx, { survivorId: a!.id, mergedId: c!.id }));
    const byIds = await ws.run(async (ctx) =>
      peoplePage(ctx, null, 100, await peopleSelection(ctx, { ids: [b!.id, c!.id] })),
    );
    expect(byIds.map((p) => p.id)).toEqual([b!.id]);
    const byFilter = await ws.run(async (ctx) =>
      peoplePage(ctx, null, 100, await peopleSelection(ctx, { filter: { tag: 'g-export' } })),
    );
    expect(byFilter.map((p) => p.id)).toEqual([a!.id, b!.id]);
    const bad = await appError(ws.run((ctx) => peopleSelection(ctx, { filter: { limit: 5 } })));
    expect(paths(bad)).toEqual(['filter.limit']);
  });
});
