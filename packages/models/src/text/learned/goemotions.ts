/**
 * GoEmotions (Demszky et al., ACL 2020) as the learned model's training data: its 28 labels, the
 * Ekman grouping (6 emotions + neutral) and the sentiment grouping, read from the data set's own
 * files (parsing only; the caller reads them).
 */

export interface Labelled {
  text: string;
  labels: number[];
}

/** train.tsv / dev.tsv: `text \t 3,10 \t id` per line (split on TAB only: no CSV quoting). */
export function parseGoEmotions(tsv: string): Labelled[] {
  return tsv
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const [text, ids] = line.split('\t');
      if (text === undefined || ids === undefined)
        throw new Error(`GoEmotions line ${i + 1}: expected text TAB labels`);
      return { text, labels: ids.split(',').map(Number) };
    });
}

export const EKMAN = ['anger', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'neutral'] as const;

export interface Groupings {
  /** The 28 label names in id order (emotions.txt). */
  labels: string[];
  /** label id → Ekman index. */
  ekman: number[];
  /** label id → 1 positive, −1 negative, 0 otherwise (ambiguous, neutral). */
  polarity: number[];
}

export function groupings(
  emotionsTxt: string,
  ekmanMapping: Record<string, string[]>,
  sentimentDict: Record<string, string[]>,
): Groupings {
  const labels = emotionsTxt.trim().split('\n');
  const ekman = labels.map((label) => {
    if (label === 'neutral') return EKMAN.indexOf('neutral');
    const group = Object.entries(ekmanMapping).find(([, members]) => members.includes(label));
    if (!group) throw new Error(`GoEmotions label ${label} is in no Ekman group`);
    return EKMAN.indexOf(group[0] as (typeof EKMAN)[number]);
  });
  const polarity = labels.map((label) =>
    sentimentDict.positive?.includes(label) ? 1 : sentimentDict.negative?.includes(label) ? -1 : 0,
  );
  return { labels, ekman, polarity };
}

/** The model's outputs: fine:<label> ×28, ekman:<emotion> ×7, sentiment:positive|negative. */
export function outputNames(g: Groupings): string[] {
  return [
    ...g.labels.map((l) => `fine:${l}`),
    ...EKMAN.map((e) => `ekman:${e}`),
    'sentiment:positive',
    'sentiment:negative',
  ];
}

/** The targets of one labelled text, in outputNames order. */
export function targets(g: Groupings, labels: readonly number[]): Uint8Array {
  const fine = g.labels.length;
  const y = new Uint8Array(fine + EKMAN.length + 2);
  for (const l of labels) {
    y[l] = 1;
    y[fine + g.ekman[l]!] = 1;
    if (g.polarity[l] === 1) y[fine + EKMAN.length] = 1;
    if (g.polarity[l] === -1) y[fine + EKMAN.length + 1] = 1;
  }
  return y;
}
