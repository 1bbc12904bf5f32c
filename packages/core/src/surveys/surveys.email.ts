import type { EmailDraft } from '../email/email.service.ts';
import type { InvitationLink } from './surveys.schema.ts';

/**
 * A survey invitation as Rapport emails it (invitations with `send: true`): the survey's intro,
 * or a plain ask, then the personal link, in the workspace's name.
 */
export function invitationEmail(
  survey: { name: string; intro: string | null },
  team: string,
  invited: InvitationLink,
): EmailDraft | null {
  if (!invited.email) return null;
  const first = invited.name.trim().split(/\s+/)[0] || invited.name;
  return {
    kind: 'survey',
    personId: invited.personId,
    to: { address: invited.email, name: invited.name },
    subject: `${team}: ${survey.name}`,
    text: [
      `Hello ${first},`,
      '',
      survey.intro?.trim() || `would you tell ${team} how we are doing? It takes a minute.`,
      '',
      invited.link,
      '',
      `This link is yours alone and works until ${invited.expiresAt.slice(0, 10)}.`,
      '',
      `Thank you,\n${team}`,
      '',
    ].join('\n'),
  };
}
