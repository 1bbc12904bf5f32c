import { type OutboundMessage, outboundMessage } from '../interactions/interactions.schema.ts';
import { emailAndLog } from '../interactions/interactions.service.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/validate.ts';
import { getPromise } from './promises.service.ts';

/**
 * Emails the agent's message about a promise (the drafted at-risk message, edited) to the person
 * it was made to and logs it on their timeline (with the promise's case, when it has one).
 */
export async function emailPromiseMessage(ctx: Ctx, promiseId: string, input: OutboundMessage) {
  const { subject, body } = parseInput(outboundMessage, input);
  const promise = await getPromise(ctx, promiseId);
  return emailAndLog(ctx, {
    personId: promise.personId,
    companyId: promise.companyId,
    caseId: promise.caseId,
    subject,
    body,
  });
}
