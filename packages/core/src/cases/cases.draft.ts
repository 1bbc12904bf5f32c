import { feelingOfText } from '../feelings/feelings.service.ts';
import { peopleByIds } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import type { AcknowledgementDraft } from './cases.schema.ts';
import { getCase } from './cases.service.ts';
import * as settingsRepo from './cases.settings.repo.ts';
import { feelingSubjectOf, readSource } from './cases.source.ts';

/**
 * The acknowledgement an agent sends first, drafted by hand-written rules (no network, no model):
 * it names what went wrong from the case's category, what the customer wrote (an order number,
 * "never arrived", "charged twice") and how they felt (the feelings analysis of the source text),
 * and commits to the case's resolve deadline in the calendar's time zone. The agent edits it.
 */

type Topic = 'delivery' | 'billing' | 'quality' | 'support' | 'price' | 'product';

const TOPIC_WORDS: [Topic, RegExp][] = [
  ['delivery', /\b(deliver\w*|arriv\w*|parcel|package|shipping|shipment|courier|tracking|late|delay\w*)\b/i],
  ['billing', /\b(bill\w*|invoice\w*|charge\w*|refund\w*|payment|paid)\b/i],
  ['quality', /\b(broken|damaged|defect\w*|faulty|leak\w*|cracked|stopped working|does ?n[o']t work)\b/i],
  ['support', /\b(support|nobody|no one|no answer|waiting|call(ed)? back|ignored|ticket)\b/i],
  ['price', /\b(price\w*|expensive|overpriced|cost\w*)\b/i],
];

/** What went wrong, per topic: the first phrase whose cue the customer's words match. `{order}` is "your order #123" or "your order". */
const WHAT_WENT_WRONG: Record<Topic, [RegExp, string][]> = {
  delivery: [
    [
      /never (arrived|came|showed)|(has ?n[o']t|did ?n[o']t|not) (arrive|come|arrived)|missing|lost/i,
      '{order} never arrived',
    ],
    [/damaged|broken|crushed/i, '{order} arrived damaged'],
    [/wrong (item|product|size|colou?r)/i, '{order} arrived with the wrong item'],
    [/late|delay|still waiting|weeks?/i, '{order} arrived late'],
    [/./, '{order} did not arrive as it should have'],
  ],
  billing: [
    [/(charged|billed) twice|double(-| )charged|duplicate/i, 'you were charged twice'],
    [/refund/i, 'your refund has not come through'],
    [/overcharg|too much|wrong amount/i, 'you were charged the wrong amount'],
    [/./, 'your bill was not right'],
  ],
  quality: [
    [/stopped working|does ?n[o']t work|not working/i, 'what you bought stopped working'],
    [/damaged|broken|cracked/i, '{order} arrived broken'],
    [/./, 'what you bought was not up to the quality you expect from us'],
  ],
  support: [[/./, 'you were kept waiting for an answer']],
  price: [[/./, 'the price was not what you expected']],
  product: [[/./, 'the product did not live up to what you expected']],
};

const ORDER = /(?:#\s?([A-Z0-9-]{3,20})\b)|(?:\border\s+(?:number\s+|no\.?\s*)?([A-Z0-9-]*\d[A-Z0-9-]*))/i;

function topicOf(category: string | null, text: string, feelingTopic: string | null): Topic | null {
  if (feelingTopic && feelingTopic in WHAT_WENT_WRONG) return feelingTopic as Topic;
  const fromCategory = category
    ? TOPIC_WORDS.find(([topic, words]) => topic === category.toLowerCase() || words.test(category))
    : undefined;
  if (fromCategory) return fromCategory[0];
  return TOPIC_WORDS.find(([, words]) => words.test(text))?.[0] ?? null;
}

function deadlineText(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

export async function draftAcknowledgement(ctx: Ctx, caseId: string): Promise<AcknowledgementDraft> {
  const c = await getCase(ctx, caseId);
  const basedOn: string[] = [];
  const source = c.source ? await readSource(ctx, c.source, 'source').catch(() => null) : null;
  const feeling = source ? await feelingOfText(ctx, feelingSubjectOf(source.type), source.id) : null;
  const text = [source?.subject, source?.text, c.subject].filter(Boolean).join(' \n');
  const [person] = c.personId ? await peopleByIds(ctx, [c.personId]) : [];
  const first = person?.firstName ?? null;

  const topic = topicOf(c.category, text, feeling?.topic ?? null);
  if (c.category) basedOn.push(`category: ${c.category}`);
  if (source) basedOn.push(`what the customer wrote (${source.type} ${source.id})`);
  const order = ORDER.exec(text);
  const orderNumber = order ? (order[1] ?? order[2]) : null;
  const yourOrder = orderNumber ? `your order #${orderNumber}` : 'your order';
  const namedIssue = topic
    ? WHAT_WENT_WRONG[topic].find(([cue]) => cue.test(text))![1].replace('{order}', yourOrder)
    : null;
  const sorry = namedIssue
    ? `I'm sorry ${namedIssue}.`
    : `I'm sorry about the trouble with ${c.subject.replace(/[.!?]+$/, '')}.`;

  const lines = [`Hello ${first ?? 'there'},`, '', `Thank you for telling us. ${sorry}`];
  if (feeling) {
    basedOn.push(`their feeling: ${feeling.label}, ${feeling.topEmotion}`);
    if (feeling.topEmotion === 'anger' || feeling.topEmotion === 'frustration') {
      lines.push(
        /third|again|twice|second time|still/i.test(text)
          ? 'You should not have had to ask more than once, and I understand how frustrating this is.'
          : 'I understand how frustrating this is, and you are right to expect better from us.',
      );
    } else if (feeling.topEmotion === 'sadness' || feeling.topEmotion === 'fear') {
      lines.push('I can see this has caused you real worry, and I want to put it right.');
    }
  }
  const due = c.sla?.resolve.dueAt;
  const calendar = c.sla ? await settingsRepo.findCalendar(ctx, c.sla.calendarId) : undefined;
  if (due && calendar) {
    basedOn.push('the resolve deadline of the case’s SLA');
    lines.push(
      `I am looking into it now and will come back to you with a solution by ${deadlineText(new Date(due), calendar.time_zone)} at the latest.`,
    );
  } else {
    lines.push('I am looking into it now and will come back to you as soon as I know more.');
  }
  lines.push(
    `Your reference is ${c.reference}.`,
    '',
    'Kind regards,',
    c.ownerName?.split(' ')[0] ?? 'The team',
  );
  return {
    subject: `${c.reference}: ${source?.subject ? `Re: ${source.subject}` : c.subject}`.slice(0, 300),
    body: lines.join('\n'),
    namedIssue,
    basedOn,
  };
}
