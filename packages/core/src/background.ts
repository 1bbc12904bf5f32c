import { slaJobTypes } from './cases/cases.service.ts';
import { emailJobTypes } from './email/email.service.ts';
import { feelingJobTypes } from './feelings/feelings.service.ts';
import { createWorker, type Worker, type WorkerOptions } from './jobs/jobs.service.ts';
import { promiseJobTypes } from './promises/promises.service.ts';
import type { SystemCtx } from './shared/context.ts';
import { valueJobTypes } from './value/value.service.ts';
import { type DeliveryOptions, webhookJobTypes } from './webhooks/webhooks.service.ts';

export interface BackgroundOptions extends Omit<WorkerOptions, 'types'> {
  webhooks?: DeliveryOptions;
}

/** The worker `rapport serve` runs: every job type of every domain. */
export function createJobWorker(sys: SystemCtx, options: BackgroundOptions = {}): Worker {
  const { webhooks, ...worker } = options;
  return createWorker(sys, {
    ...worker,
    types: {
      ...webhookJobTypes(webhooks),
      ...feelingJobTypes,
      ...valueJobTypes,
      ...slaJobTypes,
      ...promiseJobTypes,
      ...emailJobTypes,
    },
  });
}
