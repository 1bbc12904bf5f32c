import type { Command } from 'commander';
import { type DbOptions, withDb, withDbOptions } from '../db.ts';
import { print } from '../output.ts';

export function registerDemo(program: Command): void {
  withDbOptions(
    program
      .command('demo')
      .description('Load the demo workspaces: a B2B contract manufacturer and a B2C coffee brand'),
  )
    .addHelpText(
      'after',
      `
Creates "Helvetia Contract Manufacturing" (helvetia): pharma and med-tech accounts with
contacts at every level, suppliers and partners, five years of interactions and orders; and
"Bean & Leaf" (bean-and-leaf): thousands of coffee customers and three years of purchases.
The data is the same on every run of the same day (seeded). The admin of both workspaces is
RAPPORT_ADMIN_EMAIL / RAPPORT_ADMIN_PASSWORD when set, else demo@rapport.example /
rapport-demo-2026; the staff of each workspace share that password.

Examples:
  $ rapport demo
  $ RAPPORT_ADMIN_EMAIL=me@example.com RAPPORT_ADMIN_PASSWORD='a long password' rapport demo`,
    )
    .action(async (options: DbOptions) => {
      await withDb(options, async (db) => {
        const { systemCtx } = await import('@rapport/core');
        const { loadDemoData } = await import('../demo.ts');
        await loadDemoData(systemCtx(db), print);
      });
    });
}
