import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergePeople } from '../duplicates/duplicates.service.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { type IdentifyRow, identifyPeople } from './people.identify.ts';
import { createPerson, getPerson, identitiesOf, identityKey, resolveIdentities } from './people.service.ts';

let db: Db;
let ws: TestWorkspace;

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db);
});
afterAll(() => db.close());

let key = 0;
const row = (over: Partial<IdentifyRow>): IdentifyRow => ({
  key: key++,
  userId: null,
  anonymousId: null,
  fields: {},
  custom: {},
  traits: {},
  ...over,
});

describe('identify', () => {
  it('attaches a new user id to the person who has the email, keeping their own external id', async () => {
    const known = await ws.run((ctx) =>
      createPerson(ctx, { email: 'grace@example.com', externalId: 'crm-7' }),
    );
    const bare = await ws.run((ctx) => createPerson(ctx, { email: 'alan@example.com' }));
    const outcome = await ws.run((ctx) =>
      identifyPeople(ctx, [
        row({ userId: 'web-1', fields: { email: 'grace@example.com', firstName: 'Grace' } }),
        row({ userId: 'web-2', anonymousId: 'dev-2', fields: { email: 'alan@example.com' } }),
      ]),
    );
    expect([...outcome.personOf.values()]).toEqual([known.id, bare.id]);
    expect(outcome.created).toEqual([]);
    const grace = await ws.run((ctx) => getPerson(ctx, known.id));
    expect(grace).toMatchObject({ externalId: 'crm-7', firstName: 'Grace' });
    const alan = await ws.run((ctx) => getPerson(ctx, bare.id));
    expect(alan.externalId).toBe('web-2'); // it had none
    const found = await ws.run((ctx) => resolveIdentities(ctx, ['web-1', 'web-2', 'crm-7'], ['dev-2']));
    expect(found.get(identityKey('user', 'web-1'))).toBe(known.id);
    expect(found.get(identityKey('user', 'crm-7'))).toBe(known.id);
    expect(found.get(identityKey('user', 'web-2'))).toBe(bare.id);
    expect(found.get(identityKey('anonymous', 'dev-2'))).toBe(bare.id);
  });

  it('adds up rows about one new person, keeps other traits, and makes no one without an email or a name', async () => {
    const outcome = await ws.run((ctx) =>
      identifyPeople(ctx, [
        row({ userId: 'new-1', fields: { email: 'new1@example.com' }, traits: { plan: 'free', age: 30 } }),
        row({ userId: 'new-1', fields: { lastName: 'Hopper' }, traits: { plan: 'pro' } }),
        row({ userId: 'nameless', traits: { plan: 'pro' } }),
      ]),
    );
    expect(outcome.created).toHaveLength(1);
    expect(outcome.unnamed).toEqual([key - 1]);
    expect(outcome.personOf.has(key - 1)).toBe(false);
    const person = await ws.run((ctx) => getPerson(ctx, outcome.created[0]!));
    expect(person).toMatchObject({
      externalId: 'new-1',
      email: 'new1@example.com',
      lastName: 'Hopper',
      traits: { plan: 'pro', age: 30 },
    });
  });

  it('never takes another person’s email: it becomes an additional one, for the duplicates screen', async () => {
    const other = await ws.run((ctx) => createPerson(ctx, { email: 'taken@example.com' }));
    const first = await ws.run((ctx) =>
      identifyPeople(ctx, [row({ userId: 'u-taken', fields: { email: 'mine@example.com' } })]),
    );
    const id = first.created[0]!;
    await ws.run((ctx) =>
      identifyPeople(ctx, [row({ userId: 'u-taken', fields: { email: 'taken@example.com' } })]),
    );
    const person = await ws.run((ctx) => getPerson(ctx, id));
    expect(person).toMatchObject({ email: 'mine@example.com', additionalEmails: ['taken@example.com'] });
    expect((await ws.run((ctx) => getPerson(ctx, other.id))).email).toBe('taken@example.com');
    // A new address of their own becomes the primary one; the old one stays as additional.
    await ws.run((ctx) =>
      identifyPeople(ctx, [row({ userId: 'u-taken', fields: { email: 'newer@example.com' } })]),
    );
    expect(await ws.run((ctx) => getPerson(ctx, id))).toMatchObject({
      email: 'newer@example.com',
      additionalEmails: expect.arrayContaining(['taken@example.com', 'mine@example.com']),
    });
  });

  it('does not take a shared device’s first user for the next one', async () => {
    const first = await ws.run((ctx) =>
      identifyPeople(ctx, [
        row({ userId: 'family-1', anonymousId: 'ipad', fields: { email: 'parent@example.com' } }),
      ]),
    );
    const second = await ws.run((ctx) =>
      identifyPeople(ctx, [
        row({ userId: 'family-2', anonymousId: 'ipad', fields: { email: 'child@example.com' } }),
      ]),
    );
    expect(second.created).toHaveLength(1);
    expect(second.created[0]).not.toBe(first.created[0]);
    const found = await ws.run((ctx) => resolveIdentities(ctx, [], ['ipad']));
    expect(found.get(identityKey('anonymous', 'ipad'))).toBe(first.created[0]);
  });

  it('keeps every id of a merged-away person pointing at the survivor', async () => {
    const a = await ws.run((ctx) =>
      identifyPeople(ctx, [
        row({ userId: 'm-a', anonymousId: 'm-dev-a', fields: { email: 'ma@example.com' }, traits: { x: 1 } }),
      ]),
    );
    const b = await ws.run((ctx) =>
      identifyPeople(ctx, [
        row({ userId: 'm-b', anonymousId: 'm-dev-b', fields: { email: 'mb@example.com' }, traits: { y: 2 } }),
      ]),
    );
    const survivor = a.created[0]!;
    await ws.run((ctx) => mergePeople(ctx, { survivorId: survivor, mergedId: b.created[0]! }));
    const found = await ws.run((ctx) => resolveIdentities(ctx, ['m-a', 'm-b'], ['m-dev-a', 'm-dev-b']));
    expect(new Set(found.values())).toEqual(new Set([survivor]));
    expect(found.size).toBe(4);
    expect((await ws.run((ctx) => getPerson(ctx, survivor))).traits).toEqual({ x: 1, y: 2 });
    expect(
      (await ws.run((ctx) => identitiesOf(ctx, survivor))).map((i) => `${i.kind}:${i.value}`).sort(),
    ).toEqual(['anonymous:m-dev-a', 'anonymous:m-dev-b', 'user:m-b']);
  });
});
