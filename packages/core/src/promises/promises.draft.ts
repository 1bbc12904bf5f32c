import { peopleByIds } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/validate.ts';
import { type PromiseDraft, type PromiseDraftQuery, promiseDraftQuery } from './promises.schema.ts';
import { getPromise } from './promises.service.ts';

const day = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(iso));

/**
 * A message telling the customer upfront that a promise is at risk, before it breaks: what was
 * promised and for when, why (if the agent says), and the new date if there is one, else when
 * they will hear from us. Hand-written rules; the agent edits it before sending.
 */
export async function draftPromiseMessage(
  ctx: Ctx,
  id: string,
  input: PromiseDraftQuery = {},
): Promise<PromiseDraft> {
  const q = parseInput(promiseDraftQuery, input);
  const p = await getPromise(ctx, id);
  const [person] = p.personId ? await peopleByIds(ctx, [p.personId]) : [];
  const what = p.what.replace(/[.!\s]+$/, '');
  const lines = [
    `Hello ${person?.firstName ?? 'there'},`,
    '',
    `I promised you: ${what}, by ${day(p.dueAt)}. I want to tell you now rather than let the date pass: I will not make it${q.reason ? `, because ${q.reason.replace(/[.!\s]+$/, '')}` : ''}.`,
    q.newDueAt
      ? `I can promise it for ${day(q.newDueAt)} instead, and I will tell you at once if anything changes again.`
      : 'I will come back to you within one business day with a date I can keep.',
    'I am sorry for the wait.',
    '',
    'Kind regards,',
    p.ownerName?.split(' ')[0] ?? 'The team',
  ];
  return {
    subject: `About what I promised you for ${day(p.dueAt)}`,
    body: lines.join('\n'),
    atRisk: p.atRisk,
  };
}
