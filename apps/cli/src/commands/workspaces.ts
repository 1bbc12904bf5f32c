import { AppError } from '@rapport/core/errors';
import type { Command } from 'commander';
import { type DbOptions, withDb, withDbOptions } from '../db.ts';
import { note, print } from '../output.ts';

interface WorkspaceCreateOptions extends DbOptions {
  name: string;
  slug?: string;
  adminEmail?: string;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

export function registerWorkspace(program: Command): void {
  const workspace = program
    .command('workspace')
    .description('Manage workspaces (each has its own data, members and API keys)');

  withDbOptions(
    workspace
      .command('list')
      .description('List every workspace')
      .option('--json', 'print JSON (an array of {id, name, slug, createdAt})'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ rapport workspace list
  $ rapport workspace list --json`,
    )
    .action(async (options: DbOptions & { json?: boolean }) => {
      await withDb(options, async (db) => {
        const { listAllWorkspaces, systemCtx } = await import('@rapport/core');
        const all = await listAllWorkspaces(systemCtx(db));
        if (options.json) return print(JSON.stringify(all, null, 2));
        if (!all.length)
          return note('No workspace yet: create one with `rapport workspace create --name …`.');
        const rows = all.map((w) => [w.slug, w.name, w.id, w.createdAt.slice(0, 10)]);
        for (const line of table([['SLUG', 'NAME', 'ID', 'CREATED'], ...rows])) print(line);
      });
    });

  withDbOptions(
    workspace
      .command('create')
      .description('Create a workspace')
      .requiredOption('--name <name>', 'its name, e.g. "Acme Europe"')
      .option('--slug <slug>', 'its short name in URLs and --workspace (default: from the name)')
      .option('--admin-email <email>', 'an existing user who becomes its admin'),
  )
    .addHelpText(
      'after',
      `
To give a new workspace its first user, create the workspace, then \`rapport user create
--workspace <slug> --role admin …\`; or name an existing user with --admin-email.

Examples:
  $ rapport workspace create --name "Acme Europe" --slug acme-eu
  $ rapport workspace create --name "Acme US" --admin-email ada@acme.com`,
    )
    .action(async (options: WorkspaceCreateOptions) => {
      await withDb(options, async (db) => {
        const { createWorkspace, findUserByEmail, systemCtx } = await import('@rapport/core');
        const sys = systemCtx(db);
        let admin: { id: string; email: string } | undefined;
        if (options.adminEmail !== undefined) {
          admin = await findUserByEmail(sys, options.adminEmail);
          if (!admin) {
            throw new AppError(
              'not_found',
              `No user with email ${options.adminEmail}; create the workspace, then the user with \`rapport user create\`.`,
              [{ path: '--admin-email', message: `${options.adminEmail} not found` }],
            );
          }
        }
        const created = await createWorkspace(
          sys,
          { name: options.name, ...(options.slug !== undefined ? { slug: options.slug } : {}) },
          admin?.id,
        );
        print(
          `Created workspace "${created.name}" (${created.slug}, ${created.id})` +
            (admin ? ` with admin ${admin.email}.` : '.'),
        );
      });
    });
}
