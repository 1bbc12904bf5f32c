import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Argument, type Command } from 'commander';
import { type DbOptions, withDb, withDbOptions } from '../db.ts';
import { workspaceOption } from '../options.ts';
import { note, print } from '../output.ts';
import { resolveWorkspace } from '../workspace.ts';

export const KINDS = ['people', 'companies', 'orders', 'interactions', 'reviews'] as const;

interface ImportOptions extends DbOptions {
  dryRun?: boolean;
  mapping?: string;
  workspace?: string;
  errors?: string;
}

export function registerImport(program: Command): void {
  withDbOptions(
    program
      .command('import')
      .description('Import people, companies, orders, interactions or reviews from a CSV or JSON-lines file')
      .addArgument(new Argument('<kind>', 'what the file holds').choices(KINDS))
      .argument(
        '<file>',
        'the CSV file (UTF-8, a header row; , ; or tab separated) or JSON lines (.jsonl: one object per line)',
      )
      .option('--dry-run', 'check and count everything, write nothing')
      .option(
        '--mapping <file>',
        'JSON file { "CSV header": "field" | null }; other headers keep the suggested field',
      )
      .option('--errors <file>', 'where to write the rejected rows (default: <file>.errors.csv)')
      .addOption(workspaceOption()),
  )
    .addHelpText(
      'after',
      `
Rows match existing records by id, external id, email (people) or domain (companies) and
update them; empty cells never erase. A person row may name its company by domain or name;
an order row its customer by email or external id. A review or mention row is matched to its
author by email or social handle; one with the source and external id of a stored review
updates it. Good rows are written; every bad row is reported with its line, column and
reason, and written with an "error" column to the errors file (CSV), which you can fix and
import as is. Exits 1 when a row was rejected. A .jsonl file holds one JSON object per line
with the fields of the CSV header.

Columns are matched to fields by name ("E-mail", "Vorname", "Order Number" …); check the
mapping with --dry-run, or give your own with --mapping. A file exported with
\`rapport export\` imports back with no mapping at all.

Examples:
  $ rapport import people contacts.csv --dry-run
  $ rapport import orders shop-orders.csv --workspace bean-and-leaf
  $ rapport import reviews trustpilot.csv
  $ rapport import reviews mentions.jsonl        # {"kind": "mention", "source": "x", "text": …} per line
  $ rapport import people contacts.csv --mapping mapping.json   # {"Mail": "email", "Notes": null}`,
    )
    .action(async (kind: string, file: string, options: ImportOptions) => {
      const content = readFileSync(file);
      const mapping = options.mapping ? readFileSync(options.mapping, 'utf8') : undefined;
      await withDb(options, async (db) => {
        const { inWorkspace, runImport, systemActor, systemCtx } = await import('@rapport/core');
        const workspace = await resolveWorkspace(systemCtx(db), options.workspace);
        const started = performance.now();
        const run = await inWorkspace(db, workspace.id, systemActor, (ctx) =>
          runImport(ctx, {
            kind,
            file: content,
            fileName: basename(file),
            mapping,
            dryRun: options.dryRun ?? false,
          }),
        );
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const mapped = Object.entries(run.mapping).filter(([, field]) => field);
        note(`Columns: ${mapped.map(([header, field]) => `${header} → ${field}`).join(', ')}`);
        const ignored = Object.entries(run.mapping).filter(([, field]) => !field);
        if (ignored.length) note(`Ignored columns: ${ignored.map(([header]) => header).join(', ')}`);
        const verb = run.dryRun ? 'Dry run (nothing written)' : 'Imported';
        print(
          `${verb}: ${run.totalRows} rows in ${seconds} s: ${run.created} created, ${run.updated} updated, ` +
            `${run.unchanged} unchanged, ${run.rejected} rejected (import ${run.id}, workspace ${workspace.slug}).`,
        );
        if (run.rejected === 0) return;
        for (const error of run.errors.slice(0, 20)) {
          print(`  line ${error.line}${error.column ? `, ${error.column}` : ''}: ${error.message}`);
        }
        if (run.errors.length > 20) print(`  … and ${run.errors.length - 20} more`);
        const target = options.errors ?? `${file.replace(/\.(csv|jsonl|ndjson)$/i, '')}.errors.csv`;
        writeFileSync(target, run.errorCsv ?? '');
        print(`The rejected rows are in ${target}: fix them there and import that file.`);
        process.exitCode = 1;
      });
    });
}
