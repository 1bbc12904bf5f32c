import { type Command, Option } from 'commander';
import { type DbOptions, withDbOptions } from '../db.ts';
import { JOBS_ENV } from '../jobs.ts';
import { parsePort } from '../options.ts';

export interface ServeOptions extends DbOptions {
  port: number;
  host: string;
  demo?: boolean;
}

export function registerServe(program: Command): void {
  withDbOptions(
    program
      .command('serve')
      .description('Serve the web app and the API; migrates the database first')
      .addOption(
        new Option('--port <port>', 'port to listen on; 0 picks a free one')
          .env('PORT')
          .argParser(parsePort)
          .default(4100),
      )
      .addOption(
        new Option('--host <address>', 'address to listen on; 0.0.0.0 for every interface')
          .env('RAPPORT_HOST')
          .default('127.0.0.1'),
      )
      .option('--demo', 'on a new database, load the demo workspaces first (what `npm start` does)'),
  )
    .addHelpText(
      'after',
      `
On the first start of a new database, RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD (at least
10 characters) create the first admin, with RAPPORT_ADMIN_NAME as their name, in the only
workspace or in a new one named RAPPORT_WORKSPACE_NAME (default "My workspace"). Once any
user exists they are ignored. Ctrl+C (SIGINT) or SIGTERM stops the server and closes the
database cleanly.

Serve also runs the background jobs (webhook deliveries), tuned by the environment:
${Object.entries(JOBS_ENV)
  .map(([name, what]) => `  ${name.padEnd(31)} ${what}`)
  .join('\n')}

Examples:
  $ rapport serve
  $ rapport serve --demo                      what npm start runs: demo data on the first start
  $ rapport serve --port 8080 --data-dir /var/lib/rapport
  $ RAPPORT_ADMIN_EMAIL=you@example.com RAPPORT_ADMIN_PASSWORD='…' rapport serve
  $ DATABASE_URL=postgres://rapport@db:5432/rapport rapport serve --host 0.0.0.0`,
    )
    .action(async (options: ServeOptions) => {
      const [{ serve }, { startupSteps }, { demoOnFirstRun }] = await Promise.all([
        import('../serve.ts'),
        import('../startup.ts'),
        import('../demo.ts'),
      ]);
      // The demo goes first, so that RAPPORT_ADMIN_EMAIL becomes the admin of the demo workspaces.
      await serve(options, options.demo ? [demoOnFirstRun, ...startupSteps] : startupSteps);
    });
}
