import type { Db } from '@rapport/db';
import { afterEach, describe, expect, it } from 'vitest';
import { systemCtx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { openFreshTestDb } from '../testing.ts';
import { authenticate, hasUsers, listMembers } from '../users/users.service.ts';
import { bootstrapFirstAdmin } from './workspaces.bootstrap.ts';
import { createWorkspace, listAllWorkspaces } from './workspaces.service.ts';

// Each test needs a database with no user at all, so each opens its own.
let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function fresh() {
  db = await openFreshTestDb();
  return systemCtx(db);
}

const admin = { email: 'Boss@Example.test', password: 'a long enough password' };

describe('bootstrapFirstAdmin', () => {
  it('creates "My workspace" and its admin when there is no user yet, then never again', async () => {
    const sys = await fresh();
    expect(await hasUsers(sys)).toBe(false);
    const first = await bootstrapFirstAdmin(sys, admin);
    expect(first).toMatchObject({
      email: 'boss@example.test',
      createdWorkspace: true,
      workspace: { name: 'My workspace', slug: 'my-workspace' },
    });
    expect(await listMembers(sys, first!.workspace.id)).toMatchObject([
      { id: first!.userId, email: 'boss@example.test', name: 'Admin', role: 'admin' },
    ]);
    expect((await authenticate(sys, admin.email, admin.password))?.id).toBe(first!.userId);

    const again = await bootstrapFirstAdmin(sys, { ...admin, email: 'other@example.test' });
    expect(again).toBeNull();
    expect(await listAllWorkspaces(sys)).toHaveLength(1);
    expect(await authenticate(sys, 'other@example.test', admin.password)).toBeNull();
  });

  it('names the new workspace and the admin as asked', async () => {
    const sys = await fresh();
    const first = await bootstrapFirstAdmin(sys, { ...admin, name: 'Ada Boss', workspaceName: 'Acme EU' });
    expect(first?.workspace).toMatchObject({ name: 'Acme EU', slug: 'acme-eu' });
    expect((await listMembers(sys, first!.workspace.id))[0]?.name).toBe('Ada Boss');
  });

  it('makes the admin a member of the only workspace when one exists without users', async () => {
    const sys = await fresh();
    const existing = await createWorkspace(sys, { name: 'Already here' });
    const first = await bootstrapFirstAdmin(sys, admin);
    expect(first).toMatchObject({ createdWorkspace: false, workspace: { id: existing.id } });
    expect(await listAllWorkspaces(sys)).toHaveLength(1);
  });

  it('creates exactly one admin when two starts race', async () => {
    const sys = await fresh();
    const results = await Promise.all([
      bootstrapFirstAdmin(sys, admin),
      bootstrapFirstAdmin(sys, { ...admin, email: 'second@example.test' }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await listAllWorkspaces(sys)).toHaveLength(1);
  });

  it('rejects a weak password or a bad email with field paths and creates nothing', async () => {
    const sys = await fresh();
    const error = await bootstrapFirstAdmin(sys, { email: 'not an email', password: 'short' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details.map((d) => d.path).sort()).toEqual(['email', 'password']);
    expect(await hasUsers(sys)).toBe(false);
    expect(await listAllWorkspaces(sys)).toHaveLength(0);
  });
});
