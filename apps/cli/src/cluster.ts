import cluster, { type Worker } from 'node:cluster';
import { AppError } from '@rapport/core/errors';
import { note } from './output.ts';

/** `RAPPORT_PROCESSES`: how many processes serve (a PostgreSQL server only; default 1). */
export function processesFromEnv(): number {
  const raw = process.env.RAPPORT_PROCESSES?.trim();
  if (!raw) return 1;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 64) {
    const message = 'must be a whole number from 1 to 64';
    throw new AppError('validation_failed', `RAPPORT_PROCESSES ${message} (got "${raw}").`, [
      { path: 'RAPPORT_PROCESSES', message },
    ]);
  }
  return value;
}

/** Whether this process is one of the serving processes the first one started. */
export const isServingWorker = (): boolean => cluster.isWorker;

/** In a serving process: tells the first process where it serves. */
export function reportServing(url: string): void {
  process.send?.({ rapport: 'serving', url });
}

interface Workers {
  url: string;
  /** Asks every process to stop (SIGTERM) and waits until they have. */
  stop(): Promise<void>;
}

/**
 * Starts `count` processes that run this same command as serving processes: they share the
 * port (node:cluster hands connections out in turn) and each runs the API, background jobs and
 * the tracking applier on the same PostgreSQL server. One that dies is replaced. Resolves once
 * all serve.
 */
export function startWorkers(count: number): Promise<Workers> {
  let stopping = false;
  const workers = new Set<Worker>();
  let url = '';
  let serving = 0;
  return new Promise((resolve, reject) => {
    const fork = () => {
      const worker = cluster.fork();
      workers.add(worker);
      worker.on('message', (message: { rapport?: string; url?: string }) => {
        if (message?.rapport !== 'serving') return;
        url = message.url ?? url;
        if (++serving === count) resolve({ url, stop });
      });
      worker.on('exit', (code, signal) => {
        workers.delete(worker);
        if (stopping) return;
        if (serving < count) {
          reject(new Error(`a serving process exited before it served (${signal ?? code})`));
          return;
        }
        note(`A serving process exited (${signal ?? code}); starting another.`);
        fork();
      });
    };
    const stop = async () => {
      stopping = true;
      await Promise.all(
        [...workers].map(
          (worker) =>
            new Promise<void>((done) => {
              worker.once('exit', () => done());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    };
    for (let i = 0; i < count; i++) fork();
  });
}
