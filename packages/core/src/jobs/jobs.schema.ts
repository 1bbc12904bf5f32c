import { z } from 'zod';

export const JOB_STATES = ['queued', 'running', 'failed', 'done', 'dead'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A job to run later, in the workspace of the transaction that enqueues it. */
export const jobEnqueue = z.strictObject({
  type: z.string().trim().min(1).max(100).describe('Which handler runs it, e.g. "webhook.deliver".'),
  payload: z.record(z.string(), z.unknown()).default({}),
  runAt: z.date().optional().describe('Not before this time (default: now).'),
  maxAttempts: z.number().int().min(1).max(100).default(10),
  key: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('At most one unfinished job per type and key: enqueueing it again does nothing.'),
});

export type JobEnqueue = z.input<typeof jobEnqueue>;
