import type { Command } from 'commander';
import { type DbOptions, withDb, withDbOptions } from '../db.ts';
import { roleOption, workspaceOption } from '../options.ts';
import { print } from '../output.ts';
import { type PasswordOptions, readPassword } from '../password.ts';
import { resolveWorkspace } from '../workspace.ts';

interface UserCreateOptions extends DbOptions, PasswordOptions {
  email: string;
  name: string;
  role: 'admin' | 'manager' | 'agent' | 'viewer';
  workspace?: string;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('Manage users who sign in to Rapport');
  withDbOptions(
    user
      .command('create')
      .description('Create a user with a password and make them a member of a workspace')
      .requiredOption('--email <email>', 'their email, used to sign in')
      .requiredOption('--name <name>', 'their full name')
      .option('--password-stdin', 'read the password from standard input (recommended)')
      .option('--password <password>', 'the password (visible to other local users in the process list)')
      .addOption(roleOption('their role in the workspace', 'agent'))
      .addOption(workspaceOption()),
  )
    .addHelpText(
      'after',
      `
The password needs at least 10 characters. Without --password-stdin or --password it comes
from the RAPPORT_PASSWORD environment variable. It is never printed. A user who exists
already (same email) is added to the workspace if the password is theirs.

Examples:
  $ printf %s "$PW" | rapport user create --email ada@acme.com --name "Ada Lovelace" --role admin --password-stdin
  $ RAPPORT_PASSWORD="$PW" rapport user create --email bob@acme.com --name "Bob" --workspace acme-eu`,
    )
    .action(async (options: UserCreateOptions) => {
      const password = await readPassword(options);
      await withDb(options, async (db) => {
        const { createUser, systemCtx } = await import('@rapport/core');
        const sys = systemCtx(db);
        const workspace = await resolveWorkspace(sys, options.workspace);
        const created = await createUser(sys, workspace.id, {
          email: options.email,
          name: options.name,
          password,
          role: options.role,
        });
        print(
          `User ${created.email} (${created.id}) is ${created.role} in workspace "${workspace.name}" (${workspace.slug}).`,
        );
      });
    });
}
