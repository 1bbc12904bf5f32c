import type { SystemCtx } from '../shared/context.ts';

/**
 * Undo for a demo load that failed half-way: the data transaction rolled back, but the
 * workspaces and users created before it did not. Only ids this load created are passed in;
 * a user is removed only when no workspace membership is left.
 */
export async function removeCreated(sys: SystemCtx, workspaceIds: string[], userIds: string[]) {
  await sys.db.kysely.transaction().execute(async (trx) => {
    if (workspaceIds.length) await trx.deleteFrom('workspaces').where('id', 'in', workspaceIds).execute();
    if (userIds.length) {
      await trx
        .deleteFrom('users')
        .where('id', 'in', userIds)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('workspace_members as m').select('m.user_id').whereRef('m.user_id', '=', 'users.id'),
            ),
          ),
        )
        .execute();
    }
  });
}
