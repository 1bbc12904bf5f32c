import type { FeelingTopic } from './feelings.schema.ts';

/**
 * What a customer text is about, for the empathy cue: a small lexicon of the things customers
 * complain about or praise. The words that drove the analysis count most, then the subject, then
 * the moment (the sentence that mattered). Null when no topic word is there.
 * Limits: English words only; a text about two things gets the one named most.
 */
const TOPICS: readonly [FeelingTopic, RegExp][] = [
  [
    'delivery',
    /\b(deliver(y|ies|ed)?|arriv(e|ed|al)|parcel|package|shipping|shipment|shipped|dispatch(ed)?|courier|tracking|transit|late|delay(ed|s)?|lead time|missing)\b/,
  ],
  [
    'billing',
    /\b(bill(ing|ed)?|invoice[sd]?|invoicing|charge[sd]?|overcharged|refund(ed|s)?|payment|paid|credit note|debited)\b/,
  ],
  [
    'quality',
    /\b(broken|damaged|defect(s|ive)?|faulty|quality|leak(s|ing)?|crack(ed)?|deviation|out of spec|contaminat\w*|stopped working|does not work|doesn't work|mould|stale)\b/,
  ],
  [
    'support',
    /\b(support|response|respond(ed)?|answer(s|ed)?|repl(y|ied)|waiting|wait(ed)?|nobody|no one|call(ed)? back|ignored|on hold|ticket)\b/,
  ],
  ['price', /\b(price[sd]?|pricing|expensive|cost(s|ly)?|increase[sd]?|quote[sd]?|discount)\b/],
  ['product', /\b(product|machine|grinder|beans|blend|coffee|tea|device|batch|formula)\b/],
];

/** Waiting for an answer and "the product" come with most complaints: named only when nothing else is. */
const SECONDARY: Partial<Record<FeelingTopic, number>> = { support: 0.4, product: 0.4 };

export function topicOf(parts: {
  drivers: string[];
  subject: string | null;
  moment: string;
}): FeelingTopic | null {
  const scores = new Map<FeelingTopic, number>();
  const add = (text: string, weight: number) => {
    const lower = text.toLowerCase();
    for (const [topic, pattern] of TOPICS)
      if (pattern.test(lower)) scores.set(topic, (scores.get(topic) ?? 0) + weight * (SECONDARY[topic] ?? 1));
  };
  for (const driver of parts.drivers) add(driver, 3);
  if (parts.subject) add(parts.subject, 2);
  add(parts.moment, 1);
  let best: FeelingTopic | null = null;
  for (const [topic] of TOPICS) {
    const score = scores.get(topic) ?? 0;
    if (score > 0 && (best === null || score > scores.get(best)!)) best = topic;
  }
  return best;
}

/** How the cue names a topic: "angry about a late delivery", "grateful after a billing error". */
export const TOPIC_WORDS: Record<FeelingTopic, { negative: string; positive: string; trouble: string }> = {
  delivery: { negative: 'a late delivery', positive: 'the delivery', trouble: 'a late delivery' },
  billing: { negative: 'a billing error', positive: 'the billing', trouble: 'a billing error' },
  quality: { negative: 'a quality problem', positive: 'the quality', trouble: 'a quality problem' },
  support: {
    negative: 'waiting for an answer',
    positive: 'the help they got',
    trouble: 'a long wait for an answer',
  },
  price: { negative: 'the price', positive: 'the price', trouble: 'a question of price' },
  product: { negative: 'the product', positive: 'the product', trouble: 'a problem with the product' },
};
