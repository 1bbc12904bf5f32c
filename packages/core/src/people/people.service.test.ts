import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomField } from '../custom-fields/custom-fields.service.ts';
import { AppError } from '../shared/errors.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { createPerson, getPerson, listPeople, updatePerson } from './people.service.ts';

let db: Db;
let ws: TestWorkspace;

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db);
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

describe('people', () => {
  it('creates a person with normalised email and tags, and reads it back', async () => {
    const created = await ws.run((ctx) =>
      createPerson(ctx, {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: ' Ada@Example.COM ',
        tags: ['VIP', 'vip', 'b2b'],
      }),
    );
    expect(created.id).toMatch(/^per_[0-9a-z]{26}$/);
    expect(created.email).toBe('ada@example.com');
    expect(created.tags).toEqual(['vip', 'b2b']);
    expect(created.name).toBe('Ada Lovelace');
    const read = await ws.run((ctx) => getPerson(ctx, created.id));
    expect(read).toMatchObject({ id: created.id, email: 'ada@example.com', memberships: [] });
  });

  it('rejects a duplicate email with a conflict on the email field', async () => {
    await ws.run((ctx) => createPerson(ctx, { email: 'dup@example.com' }));
    const error = await failure(ws.run((ctx) => createPerson(ctx, { email: 'DUP@example.com' })));
    expect(error.code).toBe('conflict');
    expect(error.details[0]?.path).toBe('email');
  });

  it('reports every invalid field with its path', async () => {
    const error = await failure(
      ws.run((ctx) =>
        createPerson(ctx, {
          email: 'not-an-email',
          timezone: 'Mars/Olympus',
          address: { country: 'Germany' },
        } as never),
      ),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d) => d.path).sort()).toEqual(['address.country', 'email', 'timezone']);
  });

  it('validates custom fields against their definitions', async () => {
    await ws.run((ctx) =>
      createCustomField(ctx, {
        entity: 'person',
        key: 'segment',
        label: 'Segment',
        type: 'select',
        options: ['gold', 'silver'],
      }),
    );
    const error = await failure(
      ws.run((ctx) => createPerson(ctx, { lastName: 'X', custom: { segment: 'bronze' } })),
    );
    expect(error.details[0]).toEqual({ path: 'custom.segment', message: 'must be one of: gold, silver' });
    const unknown = await failure(ws.run((ctx) => createPerson(ctx, { lastName: 'X', custom: { nope: 1 } })));
    expect(unknown.details[0]?.path).toBe('custom.nope');
    const ok = await ws.run((ctx) => createPerson(ctx, { lastName: 'Gold', custom: { segment: 'gold' } }));
    expect(ok.custom).toEqual({ segment: 'gold' });
    const cleared = await ws.run((ctx) => updatePerson(ctx, ok.id, { custom: { segment: null } }));
    expect(cleared.custom).toEqual({});
  });

  it('updates, clears fields with null, and refuses to leave a person nameless', async () => {
    const p = await ws.run((ctx) => createPerson(ctx, { firstName: 'Grace', phone: '+1 555 0100' }));
    const updated = await ws.run((ctx) => updatePerson(ctx, p.id, { lastName: 'Hopper', phone: null }));
    expect(updated).toMatchObject({ name: 'Grace Hopper', phone: null });
    const error = await failure(
      ws.run((ctx) => updatePerson(ctx, p.id, { firstName: null, lastName: null })),
    );
    expect(error.details[0]?.path).toBe('firstName');
  });

  it('searches by name prefix, filters and pages with a cursor', async () => {
    for (const last of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']) {
      await ws.run((ctx) => createPerson(ctx, { firstName: 'Pager', lastName: last, tags: ['paging'] }));
    }
    const found = await ws.run((ctx) => listPeople(ctx, { q: 'pag char' }));
    expect(found.data.map((p) => p.lastName)).toEqual(['Charlie']);
    const first = await ws.run((ctx) => listPeople(ctx, { tag: 'paging', limit: 2 }));
    expect(first.data.map((p) => p.lastName)).toEqual(['Alpha', 'Bravo']);
    const second = await ws.run((ctx) =>
      listPeople(ctx, { tag: 'paging', limit: 2, cursor: first.nextCursor! }),
    );
    expect(second.data.map((p) => p.lastName)).toEqual(['Charlie', 'Delta']);
    const last = await ws.run((ctx) =>
      listPeople(ctx, { tag: 'paging', limit: 2, cursor: second.nextCursor! }),
    );
    expect(last.data.map((p) => p.lastName)).toEqual(['Echo']);
    expect(last.nextCursor).toBeNull();
    const desc = await ws.run((ctx) => listPeople(ctx, { tag: 'paging', sort: '-name', limit: 1 }));
    expect(desc.data[0]?.lastName).toBe('Echo');
    const bad = await failure(ws.run((ctx) => listPeople(ctx, { sort: 'shoeSize' })));
    expect(bad.details[0]?.path).toBe('sort');
  });

  it('never shows another workspace its people', async () => {
    const other = await testWorkspace(db);
    const p = await other.run((ctx) => createPerson(ctx, { email: 'secret@other.test' }));
    const error = await failure(ws.run((ctx) => getPerson(ctx, p.id)));
    expect(error.code).toBe('not_found');
    const list = await ws.run((ctx) => listPeople(ctx, { email: 'secret@other.test' }));
    expect(list.data).toEqual([]);
  });

  it('keeps social handles normalised by network, and names a bad one by its path', async () => {
    const created = await ws.run((ctx) =>
      createPerson(ctx, {
        firstName: 'Handle',
        socialHandles: { Twitter: 'https://twitter.com/Handle_Me', instagram: '@Handle.Me' },
      }),
    );
    expect(created.socialHandles).toEqual({ x: 'handle_me', instagram: 'handle.me' });
    const updated = await ws.run((ctx) =>
      updatePerson(ctx, created.id, { socialHandles: { linkedin: 'linkedin.com/in/handle-me-1' } }),
    );
    expect(updated.socialHandles).toEqual({ linkedin: 'handle-me-1' });
    const error = await failure(
      ws.run((ctx) => updatePerson(ctx, created.id, { socialHandles: { x: '@' } })),
    );
    expect(error.details.map((d) => d.path)).toEqual(['socialHandles.x']);
  });
});
