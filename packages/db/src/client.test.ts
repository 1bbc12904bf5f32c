import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './client.ts';
import { openTestDb } from './testing.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const whoAmI = (scope: { workspaceId: string; actor: string }) =>
  db.scoped(scope, async (tx) => {
    const result = await sql<{ ws: string; actor: string; role: string }>`select
      current_setting('rapport.workspace_id', true) as ws, current_setting('rapport.actor', true) as actor,
      current_user as role`.execute(tx.db);
    return result.rows[0]!;
  });

describe('scoped transactions', () => {
  it('run as the application role with the scope set, for plain ids and for any other text', async () => {
    expect(
      await whoAmI({
        workspaceId: 'wsp_01j0000000000000000000000a',
        actor: 'key_01j0000000000000000000000b',
      }),
    ).toEqual({
      ws: 'wsp_01j0000000000000000000000a',
      actor: 'key_01j0000000000000000000000b',
      role: 'rapport_app',
    });
    expect(await whoAmI({ workspaceId: "w'; drop table people; --", actor: "o'brien \\ x" })).toEqual({
      ws: "w'; drop table people; --",
      actor: "o'brien \\ x",
      role: 'rapport_app',
    });
  });

  it('roll back on an error and leave the connection usable, outside the scope', async () => {
    const scope = { workspaceId: 'wsp_01j0000000000000000000000a', actor: 'system' };
    await expect(
      db.scoped(scope, async (tx) => {
        await sql`select 1`.execute(tx.db);
        await sql`select 1 / 0`.execute(tx.db);
      }),
    ).rejects.toThrow(/division by zero/);
    const [after] = await Promise.all([whoAmI(scope), whoAmI(scope)]);
    expect(after!.role).toBe('rapport_app');
    const outside = await sql<{
      ws: string | null;
    }>`select nullif(current_setting('rapport.workspace_id', true), '') as ws`.execute(db.kysely);
    expect(outside.rows[0]!.ws).toBeNull();
  });

  it('answers queries started together in one transaction, each with its own rows', async () => {
    const scope = { workspaceId: 'wsp_01j0000000000000000000000a', actor: 'system' };
    const values = await db.scoped(scope, (tx) =>
      Promise.all(
        [1, 2, 3, 4].map(
          async (n) => (await sql<{ n: number }>`select ${n}::int as n`.execute(tx.db)).rows[0]!.n,
        ),
      ),
    );
    expect(values).toEqual([1, 2, 3, 4]);
  });
});
