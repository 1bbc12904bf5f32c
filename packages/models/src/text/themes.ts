/**
 * Themes: what customers talk about, found in their texts rather than taken from a fixed list.
 *
 * 1. Candidate words: lower-case words of 3+ letters that are neither function words nor feelings
 *    (a sentiment word of the lexicon says how, not what: "terrible" is no theme, "delivery" is),
 *    plurals folded onto their singular when the corpus has it ("deliveries" → "delivery").
 * 2. Phrases: runs of two or three candidate words in a row ("oat milk", "delivery driver"),
 *    kept when several texts share them.
 * 3. A theme is a word that enough texts mention, with the phrases that contain it; a word that
 *    only ever appears inside one phrase is named by the phrase. Themes are ranked by how many
 *    texts mention them.
 * 4. Rising: a theme's share of this period's texts against its share of the previous period's,
 *    with an exact 95% interval on the rate ratio; rising when the whole interval is above 1,
 *    falling when below.
 */
import { clopperPearson } from '../stats.ts';
import { STOPWORDS } from './stopwords.ts';

export interface ThemeText {
  id: string;
  text: string;
  /** Sentiment score in [−1, 1], if known. */
  score?: number;
  /** Which period the text belongs to: the current one or the one before (for rising themes). */
  period?: 'current' | 'previous';
}

export interface Theme {
  /** Its name: the word, or the phrase that carries it. */
  name: string;
  /** The phrases of the theme, most frequent first, with their text counts. */
  phrases: { text: string; count: number }[];
  /** Texts that mention it (all periods), and in the current and previous period. */
  count: number;
  current: number;
  previous: number;
  /** Rate ratio current/previous share of texts with its exact 95% interval (high null: unbounded); null without two periods. */
  change: { ratio: number; low: number; high: number | null; trend: 'rising' | 'falling' | 'steady' } | null;
  /** Mean sentiment of its texts and the share of them that are negative (score ≤ −0.05). */
  sentiment: { mean: number; negativeShare: number } | null;
  /** The texts behind it (ids), in input order. */
  textIds: string[];
}

export interface ThemeOptions {
  /** Words of the sentiment lexicon (not themes). */
  feelings?: ReadonlySet<string> | ReadonlyMap<string, number>;
  /** At most this many themes (default 20). */
  limit?: number;
  /** A theme needs at least this many texts (default: 3, or 1% of the texts when more). */
  minTexts?: number;
}

const WORD = /[a-z][a-z'-]*[a-z]|[a-z]{3,}/g;

function words(text: string): string[] {
  return text.toLowerCase().replace(/’/g, "'").match(WORD) ?? [];
}

/** The singular a plural folds onto, when the corpus has it. */
function fold(word: string, known: ReadonlySet<string>): string {
  if (word.length > 4 && word.endsWith('ies') && known.has(`${word.slice(0, -3)}y`))
    return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('es') && known.has(word.slice(0, -2))) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && known.has(word.slice(0, -1)))
    return word.slice(0, -1);
  return word;
}

/** Per text, its candidate runs: consecutive content words (split at function words and feelings). */
function runsOf(texts: readonly ThemeText[], feelings: ThemeOptions['feelings']): string[][][] {
  const isFeeling = (w: string) => (feelings ? feelings.has(w) : false);
  const raw = texts.map((t) => words(t.text));
  const known = new Set<string>();
  for (const list of raw) for (const w of list) known.add(w);
  return raw.map((list) => {
    const runs: string[][] = [];
    let run: string[] = [];
    for (const w of list) {
      if (w.length < 3 || STOPWORDS.has(w) || isFeeling(w) || w.includes("'")) {
        if (run.length) runs.push(run);
        run = [];
        continue;
      }
      run.push(fold(w, known));
    }
    if (run.length) runs.push(run);
    return runs;
  });
}

/**
 * The rate ratio of a theme's share of this period's texts (a of n1) to its share of the previous
 * period's (b of n0), with an exact 95% interval: given a + b mentions, a is binomial with
 * π = n1·r / (n1·r + n0) under ratio r, so the Clopper–Pearson interval of a / (a + b) maps onto
 * one for r. `high` is null when unbounded (the theme was absent before).
 */
function rateRatio(a: number, n1: number, b: number, n0: number): Theme['change'] {
  if (n1 === 0 || n0 === 0) return null;
  const n = a + b;
  if (n === 0) return { ratio: 1, low: 0, high: null, trend: 'steady' };
  const { low: pLow, high: pHigh } = clopperPearson(a, n);
  const odds = (p: number) => (p / (1 - p)) * (n0 / n1);
  const low = odds(pLow);
  const high = pHigh >= 1 ? null : odds(pHigh);
  // The point estimate with half a text added to each side, so that it is finite.
  const ratio = (a + 0.5) / n1 / ((b + 0.5) / n0);
  return { ratio, low, high, trend: low > 1 ? 'rising' : high !== null && high < 1 ? 'falling' : 'steady' };
}

export function findThemes(texts: readonly ThemeText[], options: ThemeOptions = {}): Theme[] {
  const limit = options.limit ?? 20;
  const minTexts = options.minTexts ?? Math.max(3, Math.ceil(texts.length * 0.01));
  const runs = runsOf(texts, options.feelings);

  // Texts per word and per phrase (2–3 words in a row).
  const wordTexts = new Map<string, Set<number>>();
  const phraseTexts = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, key: string, i: number) => {
    const set = map.get(key) ?? new Set<number>();
    if (set.size === 0) map.set(key, set);
    set.add(i);
  };
  runs.forEach((list, i) => {
    for (const run of list)
      for (let j = 0; j < run.length; j++) {
        add(wordTexts, run[j]!, i);
        if (j + 1 < run.length) add(phraseTexts, `${run[j]} ${run[j + 1]}`, i);
        if (j + 2 < run.length) add(phraseTexts, `${run[j]} ${run[j + 1]} ${run[j + 2]}`, i);
      }
  });

  const anchors = [...wordTexts]
    .filter(([, set]) => set.size >= minTexts)
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
  const currentTotal = texts.filter((t) => t.period === 'current').length;
  const previousTotal = texts.filter((t) => t.period === 'previous').length;
  const themes: Theme[] = [];
  const taken = new Set<string>();
  for (const [word, set] of anchors) {
    if (themes.length === limit) break;
    if (taken.has(word)) continue;
    const phrases = [...phraseTexts]
      .filter(([phrase, s]) => s.size >= Math.min(minTexts, 2) && phrase.split(' ').includes(word))
      .map(([text, s]) => ({ text, count: s.size }))
      .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1))
      .slice(0, 5);
    // A word that lives inside one phrase is that phrase ("oat" → "oat milk").
    const carrier = phrases[0] && phrases[0].count >= set.size * 0.8 ? phrases[0].text : word;
    for (const w of carrier.split(' ')) taken.add(w);
    const ids = [...set].sort((a, b) => a - b);
    const scored = ids.map((i) => texts[i]!.score).filter((s): s is number => s !== undefined);
    const current = ids.filter((i) => texts[i]!.period === 'current').length;
    const previous = ids.filter((i) => texts[i]!.period === 'previous').length;
    themes.push({
      name: carrier,
      phrases,
      count: ids.length,
      current,
      previous,
      change: rateRatio(current, currentTotal, previous, previousTotal),
      sentiment: scored.length
        ? {
            mean: scored.reduce((s, v) => s + v, 0) / scored.length,
            negativeShare: scored.filter((s) => s <= -0.05).length / scored.length,
          }
        : null,
      textIds: ids.map((i) => texts[i]!.id),
    });
  }
  return themes;
}
