import { queueEmail } from '../email/email.service.ts';
import { peopleByIds } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { conflict } from '../shared/errors.ts';
import { logInteraction } from './interactions.service.ts';

export interface MessageToSend {
  personId: string | null;
  companyId: string | null;
  /** The case it is about, shown with the email in the case's list. */
  caseId?: string | null;
  subject: string;
  body: string;
}

/**
 * Emails an agent's message (a drafted acknowledgement or at-risk message, edited) to a person
 * through the workspace's SMTP server and logs it as an outbound email on their timeline, in the
 * caller's transaction: nothing is logged that will not be sent (the job sends it after the
 * commit). 409 when there is no one with an address to send it to, or the workspace sends no email.
 */
export async function emailAndLog(ctx: Ctx, message: MessageToSend) {
  const [person] = message.personId ? await peopleByIds(ctx, [message.personId]) : [];
  if (!person) throw conflict('personId', 'there is no person to email: copy the message, or log it as sent');
  if (!person.email) throw conflict('personId', `${person.name} has no email address`);
  const email = await queueEmail(ctx, {
    kind: 'message',
    caseId: message.caseId ?? null,
    personId: person.id,
    to: { address: person.email, name: person.name },
    subject: message.subject,
    text: message.body.endsWith('\n') ? message.body : `${message.body}\n`,
  });
  const interaction = await logInteraction(ctx, {
    channel: 'email',
    direction: 'outbound',
    subject: message.subject,
    body: message.body,
    people: [{ personId: person.id, role: 'participant' }],
    ...(message.companyId ? { companyId: message.companyId } : {}),
  });
  return { emailId: email.id, interactionId: interaction.id };
}
