import type { SentEmail } from '../email/email.schema.ts';
import { canSendEmail, queueEmail } from '../email/email.service.ts';
import type { Ctx } from '../shared/context.ts';
import { conflict } from '../shared/errors.ts';
import { currentWorkspaceName as workspaceName } from '../workspaces/workspaces.service.ts';

/**
 * The emails a case sends its customer through the workspace's SMTP server (email domain):
 * the CSAT invitation on resolution and, when the agent asks, the status link. Plain text in
 * the workspace's name; the link is the message.
 */

export interface Recipient {
  personId: string;
  name: string;
  email: string | null;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

/** The CSAT invitation by email, when the workspace sends email and the person has an address. */
export async function emailCsat(
  ctx: Ctx,
  caseId: string,
  subject: string,
  to: Recipient,
  link: string,
): Promise<SentEmail | null> {
  if (!to.email || !(await canSendEmail(ctx))) return null;
  const team = await workspaceName(ctx);
  return queueEmail(ctx, {
    kind: 'csat',
    caseId,
    personId: to.personId,
    to: { address: to.email, name: to.name },
    subject: `How did we do? ${subject}`,
    text: [
      `Hello ${firstName(to.name)},`,
      '',
      `we have resolved your case "${subject}". Would you tell us how we did? It takes a minute:`,
      '',
      link,
      '',
      `Thank you,\n${team}`,
      '',
    ].join('\n'),
  });
}

/** The status link by email; 409 when there is no one to send it to or the workspace sends no email. */
export async function emailStatusLink(
  ctx: Ctx,
  caseId: string,
  reference: string,
  subject: string,
  to: Recipient | null,
  link: string,
): Promise<SentEmail> {
  if (!to) throw conflict('email', 'the case has no person to send its status link to');
  if (!to.email) throw conflict('email', `${to.name} has no email address`);
  const team = await workspaceName(ctx);
  return queueEmail(ctx, {
    kind: 'status_link',
    caseId,
    personId: to.personId,
    to: { address: to.email, name: to.name },
    subject: `Your case ${reference}: ${subject}`,
    text: [
      `Hello ${firstName(to.name)},`,
      '',
      `you can follow your case "${subject}" (${reference}) here, with what we have promised and by when:`,
      '',
      link,
      '',
      `${team}`,
      '',
    ].join('\n'),
  });
}
