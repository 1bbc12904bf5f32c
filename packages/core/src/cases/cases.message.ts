import { queueEmail } from '../email/email.service.ts';
import { logInteraction } from '../interactions/interactions.service.ts';
import { peopleByIds } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { conflict } from '../shared/errors.ts';
import { parseInput } from '../shared/validate.ts';
import { type CaseMessage, caseMessage } from './cases.schema.ts';
import { requireCaseRow } from './cases.service.ts';
import { transitionCase } from './cases.transitions.ts';

/**
 * Emails the agent's message (the drafted acknowledgement, edited) to the case's person, logs it
 * as an outbound email on the customer's timeline and, when the case is new, acknowledges it: in
 * one transaction, so nothing is logged that will not be sent (the job sends it after the commit).
 * 409 when the workspace sends no email, or there is no one with an address to send it to.
 */
export async function emailCaseMessage(ctx: Ctx, caseId: string, input: CaseMessage) {
  const { subject, body } = parseInput(caseMessage, input);
  const c = await requireCaseRow(ctx, caseId);
  const [person] = c.person_id ? await peopleByIds(ctx, [c.person_id]) : [];
  if (!person) throw conflict('personId', 'the case has no person to email: log the message as sent instead');
  if (!person.email) throw conflict('personId', `${person.name} has no email address`);
  const email = await queueEmail(ctx, {
    kind: 'message',
    caseId,
    personId: person.id,
    to: { address: person.email, name: person.name },
    subject,
    text: body.endsWith('\n') ? body : `${body}\n`,
  });
  const interaction = await logInteraction(ctx, {
    channel: 'email',
    direction: 'outbound',
    subject,
    body,
    people: [{ personId: person.id, role: 'participant' }],
    ...(c.company_id ? { companyId: c.company_id } : {}),
  });
  const acknowledged = c.status === 'new';
  if (acknowledged) await transitionCase(ctx, caseId, { to: 'acknowledged' });
  return { emailId: email.id, interactionId: interaction.id, acknowledged };
}
