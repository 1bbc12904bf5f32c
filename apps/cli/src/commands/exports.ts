import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { Argument, type Command, Option } from 'commander';
import { type DbOptions, withDb, withDbOptions } from '../db.ts';
import { workspaceOption } from '../options.ts';
import { note } from '../output.ts';
import { resolveWorkspace } from '../workspace.ts';
import { KINDS } from './imports.ts';

interface ExportOptions extends DbOptions {
  format: 'csv' | 'jsonl';
  out?: string;
  workspace?: string;
}

async function put(stream: Writable, chunk: string) {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

export function registerExport(program: Command): void {
  withDbOptions(
    program
      .command('export')
      .description('Export every person, company, order or interaction of a workspace')
      .addArgument(new Argument('<kind>', 'what to export').choices(KINDS))
      .addOption(
        new Option('--format <format>', 'csv (the import format) or jsonl (API records)')
          .choices(['csv', 'jsonl'])
          .default('csv'),
      )
      .option('--out <file>', 'write to this file (default: standard output)')
      .addOption(workspaceOption()),
  )
    .addHelpText(
      'after',
      `
CSV is the import format: export a workspace and import the files (companies, people,
orders, interactions, in that order) into another, and you get the same records.

Examples:
  $ rapport export people > people.csv
  $ rapport export orders --format jsonl --out orders.jsonl --workspace bean-and-leaf`,
    )
    .action(async (kind: string, options: ExportOptions) => {
      await withDb(options, async (db) => {
        const { exportRecords, inWorkspace, systemActor, systemCtx } = await import('@rapport/core');
        const workspace = await resolveWorkspace(systemCtx(db), options.workspace);
        const out: Writable = options.out ? createWriteStream(options.out) : process.stdout;
        const count = await inWorkspace(db, workspace.id, systemActor, (ctx) =>
          exportRecords(ctx, kind, options.format, (chunk) => put(out, chunk)),
        );
        if (options.out) {
          out.end();
          await once(out, 'finish');
        }
        note(`Exported ${count} ${kind} from ${workspace.slug}${options.out ? ` to ${options.out}` : ''}.`);
      });
    });
}
