import type { Command } from 'commander';
import { connect, type DbOptions, describeTarget, withDbOptions } from '../db.ts';
import { print } from '../output.ts';

export function registerMigrate(program: Command): void {
  withDbOptions(
    program
      .command('migrate')
      .description('Bring the database schema up to date (serve does this too) and list what was applied'),
  )
    .addHelpText(
      'after',
      `
Migrations are forward-only and run in one transaction: all of them or none.

Examples:
  $ rapport migrate
  $ rapport migrate --data-dir /var/lib/rapport
  $ DATABASE_URL=postgres://rapport@db:5432/rapport rapport migrate`,
    )
    .action(async (options: DbOptions) => {
      const target = describeTarget(options);
      const db = await connect(options, { poolSize: 1 });
      try {
        const { migrate } = await import('@rapport/db');
        const result = await migrate(db.kysely);
        for (const name of result.applied) print(`applied ${name}`);
        print(
          result.applied.length
            ? `Applied ${result.applied.length} migration(s) to ${target}` +
                (result.alreadyApplied ? ` (${result.alreadyApplied} were applied before).` : '.')
            : `Up to date: ${target} has all ${result.alreadyApplied} migrations.`,
        );
      } finally {
        await db.close();
      }
    });
}
