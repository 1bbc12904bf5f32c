import type pg from 'pg';
import type { Scope } from './client.ts';

/** Values that may be written into SQL text as they are: ids such as wsp_01…, usr_…, key_…, system. */
const PLAIN = /^[A-Za-z0-9_.:@-]{1,200}$/;

/**
 * Opens a scoped transaction on a server connection: BEGIN, the scope's settings and the
 * application role. When both values are plain ids (always, in practice) the three statements go
 * as one simple-protocol round trip; anything else takes the parameterised path.
 */
export async function beginScoped(client: pg.PoolClient, scope: Scope): Promise<void> {
  if (PLAIN.test(scope.workspaceId) && PLAIN.test(scope.actor)) {
    await client.query(
      `begin; select set_config('rapport.workspace_id', '${scope.workspaceId}', true), set_config('rapport.actor', '${scope.actor}', true); set local role rapport_app`,
    );
    return;
  }
  await client.query('begin');
  await client.query(
    "select set_config('rapport.workspace_id', $1, true), set_config('rapport.actor', $2, true)",
    [scope.workspaceId, scope.actor],
  );
  await client.query('set local role rapport_app');
}
