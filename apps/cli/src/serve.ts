import type { Db } from '@rapport/db';
import { isServingWorker, processesFromEnv, reportServing, startWorkers } from './cluster.ts';
import type { ServeOptions } from './commands/serve.ts';
import { describeTarget, openMigrated } from './db.ts';
import { jobsFromEnv } from './jobs.ts';
import { note, print } from './output.ts';
import type { StartupStep } from './startup.ts';

const STOP_TIMEOUT_MS = 15_000;

/** SIGINT/SIGTERM, from the very start: a signal during startup stops serve after the current step. */
function stopSignals() {
  let received: NodeJS.Signals | null = null;
  let wake!: (signal: NodeJS.Signals) => void;
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    wake = resolve;
  });
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      note(`${signal} again: exiting without closing the database.`);
      process.exit(130);
    }
    received = signal;
    note(`${signal}: stopping…`);
    // If closing hangs, give up rather than ignore the request to stop.
    setTimeout(() => {
      note(`Could not stop cleanly within ${STOP_TIMEOUT_MS / 1000} s; exiting.`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    wake(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stopped,
    get requested() {
      return received !== null;
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/**
 * Opens and migrates the database, runs the startup steps, serves until SIGINT/SIGTERM, then
 * closes the server and the database (which releases the embedded data directory). With
 * RAPPORT_PROCESSES=N on a PostgreSQL server, this first process runs the startup steps and then
 * N processes serve (see cluster.ts); each of them comes through here too, and only serves.
 */
export async function serve(options: ServeOptions, steps: readonly StartupStep[]): Promise<void> {
  const signals = stopSignals();
  const target = describeTarget(options);
  const jobs = jobsFromEnv();
  const processes = processesFromEnv();
  const worker = isServingWorker();
  let db: Db | undefined;
  let stopped = false;
  try {
    // The server's modules load while the database starts.
    const modules = Promise.all([import('@rapport/server'), import('@rapport/core')]);
    modules.catch(() => {}); // awaited below, once the database is open (and will be closed)
    const opened = await openMigrated(options);
    db = opened.db;
    const [server, core] = await modules;
    const { applied, alreadyApplied } = opened.migrations;
    if (!worker)
      print(
        `Rapport ${server.VERSION} using ${target} ` +
          (applied.length
            ? `(applied ${applied.length} migration(s))`
            : `(${alreadyApplied} migrations, up to date)`),
      );
    const sys = core.systemCtx(db);
    // Survey links are signed with RAPPORT_SECRET, else with the secret the database generated.
    core.setSigningSecret(process.env.RAPPORT_SECRET);
    if (!worker) {
      const firstRun = (await core.listAllWorkspaces(sys)).length === 0;
      for (const step of steps) {
        if (signals.requested) break;
        await step.run({ db, sys, firstRun, print });
      }
    }
    if (signals.requested) {
      stopped = true;
      return;
    }
    if (processes > 1 && !worker && db.kind === 'pglite') {
      print('RAPPORT_PROCESSES: an embedded data directory is served by one process; serving with one.');
    } else if (processes > 1 && !worker) {
      // This process only starts and watches the serving ones.
      await db.close();
      db = undefined;
      const workers = await startWorkers(processes);
      print(`Serving on ${workers.url} with ${processes} processes  (Ctrl+C to stop)`);
      await signals.stopped;
      await workers.stop();
      stopped = true;
      return;
    }
    const running = await server.startServer(server.createApp({ db }), options.port, options.host);
    // Background jobs (webhook deliveries, emails, SLA marks, …) run beside the server. An embedded data directory
    // has one process, so jobs a killed predecessor left running are taken again at once.
    const jobWorker = jobs && core.createJobWorker(sys, { ...jobs, exclusive: db.kind === 'pglite' });
    jobWorker?.start();
    if (!jobWorker && !worker) print('Background jobs are off in this process (RAPPORT_JOBS=off).');
    // Tracked messages a killed predecessor stored but did not apply yet.
    await server.resumeTracking(db, core.systemClock);
    if (worker) reportServing(running.url);
    else print(`Serving on ${running.url}  (Ctrl+C to stop)`);
    await signals.stopped;
    await running.close();
    await server.stopTracking(db);
    await jobWorker?.stop();
    stopped = true;
  } finally {
    await db?.close();
    signals.dispose();
    // A serving process ends once it lets go of the first process's channel.
    if (worker) process.disconnect?.();
    else if (stopped) print('Stopped.');
  }
}
