import { type OutboundMessage, outboundMessage } from '../interactions/interactions.schema.ts';
import { emailAndLog } from '../interactions/interactions.service.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/validate.ts';
import { requireCaseRow } from './cases.service.ts';
import { transitionCase } from './cases.transitions.ts';

/**
 * Emails the agent's message (the drafted acknowledgement, edited) to the case's person, logs it
 * on the customer's timeline and, when the case is new, acknowledges it: in one transaction.
 */
export async function emailCaseMessage(ctx: Ctx, caseId: string, input: OutboundMessage) {
  const { subject, body } = parseInput(outboundMessage, input);
  const c = await requireCaseRow(ctx, caseId);
  const sent = await emailAndLog(ctx, {
    personId: c.person_id,
    companyId: c.company_id,
    caseId,
    subject,
    body,
  });
  const acknowledged = c.status === 'new';
  if (acknowledged) await transitionCase(ctx, caseId, { to: 'acknowledged' });
  return { ...sent, acknowledged };
}
