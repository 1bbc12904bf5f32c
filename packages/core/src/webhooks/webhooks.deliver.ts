import { type JobRun, type JobType, scheduleBackoff } from '../jobs/jobs.service.ts';
import * as repo from './webhooks.repo.ts';
import { sendMessage } from './webhooks.send.ts';

export const DELIVER_JOB = 'webhook.deliver';

/**
 * The Standard Webhooks retry schedule: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and
 * 10 h after each failure: eight attempts over more than 27 hours.
 */
export const RETRY_SCHEDULE_MS = [5e3, 3e5, 18e5, 72e5, 18e6, 36e6, 36e6] as const;
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;

export interface DeliveryOptions {
  /** Default 15 s. */
  timeoutMs?: number;
  /** Refuse private and loopback addresses (default false: self-hosted receivers are often local). */
  blockPrivateAddresses?: boolean;
}

async function attempt(job: JobRun, options: DeliveryOptions): Promise<void> {
  const deliveryId = String(job.payload.deliveryId);
  const target = await job.inWorkspace((ctx) => repo.findForSending(ctx, deliveryId));
  if (!target || target.status === 'succeeded' || target.status === 'cancelled') return;
  if (!target.enabled) {
    const error = 'the subscription is disabled';
    await job.inWorkspace((ctx) =>
      repo.updateDelivery(ctx, deliveryId, { status: 'cancelled', error, next_attempt_at: null }),
    );
    return;
  }
  const at = job.clock.now();
  const outcome = await sendMessage(
    { id: target.message_id, body: target.body, url: target.url, secret: target.secret },
    at,
    { timeoutMs: options.timeoutMs ?? 15_000, blockPrivateAddresses: options.blockPrivateAddresses ?? false },
    job.signal,
  );
  if (job.signal.aborted) throw job.signal.reason; // the worker stops: the job goes back to the queue
  const retryAt = outcome.ok ? null : job.retryAt();
  await job.inWorkspace((ctx) =>
    repo.updateDelivery(ctx, deliveryId, {
      status: outcome.ok ? 'succeeded' : retryAt ? 'retrying' : 'failed',
      attempts: job.attempt,
      response_status: outcome.status,
      latency_ms: outcome.latencyMs,
      error: outcome.error,
      last_attempt_at: at,
      next_attempt_at: retryAt,
      ...(outcome.ok ? { delivered_at: job.clock.now() } : {}),
    }),
  );
  if (!outcome.ok) throw new Error(outcome.error ?? 'delivery failed');
}

/** The job types of outgoing webhooks, for the worker. */
export function webhookJobTypes(options: DeliveryOptions = {}): Record<string, JobType> {
  return {
    [DELIVER_JOB]: { run: (job) => attempt(job, options), backoff: scheduleBackoff(RETRY_SCHEDULE_MS) },
  };
}
