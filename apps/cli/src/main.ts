import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerApikey } from './commands/api-keys.ts';
import { registerClv } from './commands/clv.ts';
import { registerDemo } from './commands/demo.ts';
import { registerExport } from './commands/exports.ts';
import { registerImport } from './commands/imports.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerServe } from './commands/serve.ts';
import { registerText } from './commands/text.ts';
import { registerUser } from './commands/users.ts';
import { registerWorkspace } from './commands/workspaces.ts';
import { report } from './output.ts';

// `rapport … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Settings made here are inherited by every command defined with program.command().
const program = new Command('rapport')
  .description('Rapport, the open-source relationship CRM: serve it and administer it.')
  .version(version, '-v, --version')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .addHelpText(
    'after',
    `
Every command that uses the database takes --data-dir <dir> (embedded PGlite, default ./.rapport,
env RAPPORT_DATA_DIR) or --database-url postgres://… (env DATABASE_URL).

Examples:
  $ rapport serve                          serve on http://localhost:4100
  $ rapport workspace create --name "Acme"
  $ printf %s "$PW" | rapport user create --email ada@acme.com --name "Ada" --role admin --password-stdin
  $ rapport <command> --help               options and examples of one command`,
  );

registerServe(program);
registerMigrate(program);
registerDemo(program);
registerUser(program);
registerApikey(program);
registerImport(program);
registerExport(program);
registerWorkspace(program);
registerText(program);
registerClv(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed the message (or the help) already. Usage errors exit with 2.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    report(error);
    process.exitCode = 1;
  }
}
