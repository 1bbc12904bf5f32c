import type { Emotion } from '@rapport/models';
import type { FeelingRow } from './feelings.repo.ts';
import type { FeelingTopic } from './feelings.schema.ts';
import { TOPIC_WORDS } from './feelings.topics.ts';

/**
 * The empathy cue: what whoever contacts the customer next should know first, from how they
 * felt in the last 60 days. Hand-written rules over the stored feelings (no network, no model):
 * the newest text that felt something decides; a negative one names the emotion, the topic and
 * how often it happened this month, or the date; thanks, or pleasure after trouble, say thank you.
 * Null when nothing is worth saying (no text, only neutral ones, plain pleasure).
 */

const DAY = 86_400_000;
const LOOK_BACK_DAYS = 60;
const MONTH_DAYS = 30;

const ADVICE: Partial<Record<Emotion, [string, string]>> = {
  anger: ['Angry', 'apologise and say what was fixed.'],
  disgust: ['Appalled', 'apologise and say what was fixed.'],
  frustration: ['Frustrated', 'acknowledge it before anything else.'],
  sadness: ['Disappointed', 'show you understand and say what happens next.'],
  fear: ['Worried', 'reassure them and say what happens next.'],
};
const UNHAPPY: [string, string] = ['Unhappy', 'acknowledge it before anything else.'];
const SEVERITY: readonly Emotion[] = ['anger', 'disgust', 'frustration', 'fear', 'sadness'];

export function isNegativeFeeling(row: FeelingRow): boolean {
  return row.label === 'negative' && (SEVERITY.includes(row.top_emotion as Emotion) || row.score <= -0.3);
}

function isPositiveFeeling(row: FeelingRow): boolean {
  return row.label === 'positive' && (row.top_emotion === 'gratitude' || row.top_emotion === 'joy');
}

function dayOf(at: Date, now: Date): string {
  const sameYear = at.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(at);
}

const times = (n: number) => (n === 2 ? 'twice' : `${n} times`);
const about = (topic: string | null, side: 'negative' | 'positive') =>
  topic ? ` about ${TOPIC_WORDS[topic as FeelingTopic][side]}` : '';

/** The most severe emotion among these texts (anger before frustration …), or none. */
function severest(rows: FeelingRow[]): Emotion | null {
  return SEVERITY.find((e) => rows.some((r) => r.top_emotion === e)) ?? null;
}

export function empathyCue(rows: readonly FeelingRow[], now: Date): string | null {
  const recent = rows
    .filter((r) => now.getTime() - r.occurred_at.getTime() <= LOOK_BACK_DAYS * DAY)
    .sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime());
  const felt = recent.filter((r) => isNegativeFeeling(r) || isPositiveFeeling(r));
  const latest = felt.at(-1);
  if (!latest) return null;
  const negatives = felt.filter(isNegativeFeeling);
  const day = dayOf(latest.occurred_at, now);

  if (isPositiveFeeling(latest)) {
    const trouble = negatives.at(-1);
    if (trouble) {
      const after = trouble.topic ? TOPIC_WORDS[trouble.topic as FeelingTopic].trouble : 'their complaint';
      return latest.top_emotion === 'gratitude'
        ? `Grateful on ${day} after ${after}: thank them for their patience.`
        : `Pleased on ${day} after ${after}: make sure it stays fixed.`;
    }
    // Plain pleasure with no trouble before is not worth a cue; thanks are.
    return latest.top_emotion === 'gratitude'
      ? `Grateful${about(latest.topic, 'positive')} on ${day}: thank them and build on it.`
      : null;
  }

  const month = negatives.filter((r) => now.getTime() - r.occurred_at.getTime() <= MONTH_DAYS * DAY);
  const same = month.filter((r) => r.topic === latest.topic);
  if (same.length >= 2) {
    const [feeling] = ADVICE[severest(same) ?? 'frustration'] ?? UNHAPPY;
    return `${feeling}${about(latest.topic, 'negative')} ${times(same.length)} this month: acknowledge it before anything else.`;
  }
  const [feeling, advice] = ADVICE[latest.top_emotion as Emotion] ?? UNHAPPY;
  return `${feeling}${about(latest.topic, 'negative')} on ${day}: ${advice}`;
}
