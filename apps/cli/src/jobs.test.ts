import { afterEach, describe, expect, it } from 'vitest';
import { JOBS_ENV, jobsFromEnv } from './jobs.ts';

const names = Object.keys(JOBS_ENV);
afterEach(() => {
  for (const name of names) delete process.env[name];
});

describe('the background worker settings of rapport serve', () => {
  it('default to a worker with the built-in settings', () => {
    expect(jobsFromEnv()).toEqual({ webhooks: { blockPrivateAddresses: false } });
  });

  it('read the environment', () => {
    Object.assign(process.env, {
      RAPPORT_JOBS_CONCURRENCY: '8',
      RAPPORT_JOBS_POLL_MS: '250',
      RAPPORT_JOBS_LEASE_MS: '5000',
      RAPPORT_WEBHOOKS_TIMEOUT_MS: '3000',
      RAPPORT_WEBHOOKS_BLOCK_PRIVATE: 'true',
    });
    expect(jobsFromEnv()).toEqual({
      concurrency: 8,
      pollMs: 250,
      leaseMs: 5000,
      webhooks: { timeoutMs: 3000, blockPrivateAddresses: true },
    });
    process.env.RAPPORT_JOBS = 'off';
    expect(jobsFromEnv()).toBeNull();
  });

  it('name the variable that is wrong', () => {
    process.env.RAPPORT_JOBS_CONCURRENCY = 'lots';
    expect(() => jobsFromEnv()).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        details: [{ path: 'RAPPORT_JOBS_CONCURRENCY', message: 'must be a whole number from 1 to 100' }],
      }),
    );
    delete process.env.RAPPORT_JOBS_CONCURRENCY;
    process.env.RAPPORT_JOBS = 'maybe';
    expect(() => jobsFromEnv()).toThrow('RAPPORT_JOBS must be on or off');
  });
});
