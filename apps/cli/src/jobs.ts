import type { BackgroundOptions } from '@rapport/core';
import { AppError } from '@rapport/core/errors';

/** The environment variables that tune the background worker of `rapport serve`. */
export const JOBS_ENV = {
  RAPPORT_JOBS: 'off: no background jobs in this process (default on)',
  RAPPORT_JOBS_CONCURRENCY: 'jobs run at the same time (default 4)',
  RAPPORT_JOBS_POLL_MS: 'how often an idle worker looks for due jobs (default 1000)',
  RAPPORT_JOBS_LEASE_MS: 'a silent worker loses its jobs after this (default 30000)',
  RAPPORT_WEBHOOKS_TIMEOUT_MS: 'no answer within this long fails a delivery (default 15000)',
  RAPPORT_WEBHOOKS_BLOCK_PRIVATE: 'true: no deliveries to private addresses (default false)',
} as const;

function integer(name: keyof typeof JOBS_ENV, min: number, max: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    const message = `must be a whole number from ${min} to ${max}`;
    throw new AppError('validation_failed', `${name} ${message} (got "${raw}").`, [{ path: name, message }]);
  }
  return value;
}

function flag(name: keyof typeof JOBS_ENV, fallback: boolean, yes: string, no: string): boolean {
  const raw = process.env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if ([yes, 'true', '1'].includes(raw)) return true;
  if ([no, 'false', '0'].includes(raw)) return false;
  const message = `must be ${yes} or ${no}`;
  throw new AppError('validation_failed', `${name} ${message} (got "${raw}").`, [{ path: name, message }]);
}

/** The worker's settings from the environment, or null when RAPPORT_JOBS=off. */
export function jobsFromEnv(): BackgroundOptions | null {
  if (!flag('RAPPORT_JOBS', true, 'on', 'off')) return null;
  const options: BackgroundOptions = { webhooks: {} };
  const concurrency = integer('RAPPORT_JOBS_CONCURRENCY', 1, 100);
  const pollMs = integer('RAPPORT_JOBS_POLL_MS', 10, 600_000);
  const leaseMs = integer('RAPPORT_JOBS_LEASE_MS', 300, 3_600_000);
  const timeoutMs = integer('RAPPORT_WEBHOOKS_TIMEOUT_MS', 100, 600_000);
  if (concurrency !== undefined) options.concurrency = concurrency;
  if (pollMs !== undefined) options.pollMs = pollMs;
  if (leaseMs !== undefined) options.leaseMs = leaseMs;
  if (timeoutMs !== undefined) options.webhooks!.timeoutMs = timeoutMs;
  options.webhooks!.blockPrivateAddresses = flag('RAPPORT_WEBHOOKS_BLOCK_PRIVATE', false, 'true', 'false');
  return options;
}
