import type { Command } from 'commander';
import { type DbOptions, withDb, withDbOptions } from '../db.ts';
import { roleOption, workspaceOption } from '../options.ts';
import { note, print } from '../output.ts';
import { resolveWorkspace } from '../workspace.ts';

interface ApikeyCreateOptions extends DbOptions {
  name: string;
  role: 'admin' | 'manager' | 'agent' | 'viewer';
  workspace?: string;
  expires?: string;
}

/** A bare date means its start, in UTC. */
function expiresAt(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

export function registerApikey(program: Command): void {
  const apikey = program.command('apikey').description('Manage API keys for integrations');
  withDbOptions(
    apikey
      .command('create')
      .description('Create an API key in a workspace and print it (once)')
      .requiredOption('--name <name>', 'what the key is for, e.g. "Shop sync"')
      .addOption(roleOption('what the key may do', 'agent'))
      .addOption(workspaceOption())
      .option('--expires <date-time>', 'when the key stops working, e.g. 2027-01-01 or 2027-01-01T12:00:00Z'),
  )
    .addHelpText(
      'after',
      `
The key is printed alone on standard output, so a script can capture it; what it is and the
reminder to store it go to standard error. Rapport keeps only its hash: it cannot show the
key again. Send it as "Authorization: Bearer <key>".

Examples:
  $ rapport apikey create --name "Shop sync"
  $ KEY=$(rapport apikey create --name "BI export" --role viewer --workspace acme --expires 2027-01-01)`,
    )
    .action(async (options: ApikeyCreateOptions) => {
      await withDb(options, async (db) => {
        const { createApiKey, inWorkspace, systemActor, systemCtx } = await import('@rapport/core');
        const workspace = await resolveWorkspace(systemCtx(db), options.workspace);
        const created = await inWorkspace(db, workspace.id, systemActor, (ctx) =>
          createApiKey(ctx, {
            name: options.name,
            role: options.role,
            ...(options.expires ? { expiresAt: expiresAt(options.expires) } : {}),
          }),
        );
        const expiry = created.expiresAt ? `, expires ${created.expiresAt}` : '';
        note(
          `API key "${created.name}" (${created.id}), role ${created.role}, ` +
            `workspace "${workspace.name}" (${workspace.slug})${expiry}:`,
        );
        print(created.key);
        note('Store it now: it is shown only this once.');
      });
    });
}
