// VADER sentiment (Hutto & Gilbert, ICWSM 2014): a faithful port of SentimentIntensityAnalyzer
// .polarity_scores from cjhutto/vaderSentiment@44fc044 (MIT), quirks included, so that scores match the
// Python package. Pure: no I/O; the lexicons come in as arguments (see vader.lexicon.ts).
//
// Speed: one pass over the text builds per-token arrays (lower case, lexicon value, flags) in reusable
// scratch buffers; the rules then only read those. No regular expression runs on ASCII text.
import type { VaderLexicon } from './vader.lexicon.ts';
import {
  BOOSTER,
  C_INCR,
  EXCLAMATION_INCR,
  IDIOM_WORDS,
  N_SCALAR,
  NORMALIZE_ALPHA,
  QUESTION_INCR,
  QUESTION_MAX,
  SPECIAL_CASES,
} from './vader.rules.ts';
import { IN_LEX, NEGATED, replaceEmoji, scratch, shrink, tokenize, UPPER } from './vader.tokens.ts';

export type { VaderLexicon } from './vader.lexicon.ts';
export { parseEmojiLexicon, parseVaderLexicon } from './vader.lexicon.ts';

/** A token as written (punctuation stripped as VADER does) and its final valence after all the rules. */
export interface VaderDriver {
  word: string;
  valence: number;
}

/** neg/neu/pos: proportions of the text; compound: normalised sum in [-1, 1]; sum: before normalising. Unrounded. */
export interface VaderScore {
  neg: number;
  neu: number;
  pos: number;
  compound: number;
  sum: number;
  drivers: VaderDriver[];
}

// Per-call views of the scratch arrays (set by vader(), read by the rules below).
let words: string[] = [];
let lower: string[] = [];
let flags = new Uint8Array(0);
let lexValue = new Float64Array(0);
let sentiments = new Float64Array(0);

/** scalar_inc_dec: the boost of the booster/dampener at j on a valence. */
function scalarIncDec(j: number, valence: number, capDiff: boolean): number {
  const booster = BOOSTER.get(lower[j]!);
  if (booster === undefined) return 0;
  let scalar = booster;
  if (valence < 0) scalar *= -1;
  if ((flags[j]! & UPPER) !== 0 && capDiff) scalar = valence > 0 ? scalar + C_INCR : scalar - C_INCR;
  return scalar;
}

/** _negation_check for the word startI + 1 before i. */
function negationCheck(valence: number, startI: number, i: number): number {
  const w1 = lower[i - 1];
  if (startI === 0) return (flags[i - 1]! & NEGATED) !== 0 ? valence * N_SCALAR : valence;
  const w2 = lower[i - 2];
  if (startI === 1) {
    if (w2 === 'never' && (w1 === 'so' || w1 === 'this')) return valence * 1.25;
    if (w2 === 'without' && w1 === 'doubt') return valence;
    return (flags[i - 2]! & NEGATED) !== 0 ? valence * N_SCALAR : valence;
  }
  const w3 = lower[i - 3];
  // Python: `a and (b or c) or (d or e)`; the "so"/"this" just before counts even without "never".
  if ((w3 === 'never' && (w2 === 'so' || w2 === 'this')) || w1 === 'so' || w1 === 'this')
    return valence * 1.25;
  if (w3 === 'without' && (w2 === 'doubt' || w1 === 'doubt')) return valence;
  return (flags[i - 3]! & NEGATED) !== 0 ? valence * N_SCALAR : valence;
}

/** _special_idioms_check (i >= 3): idioms replace the valence; "kind of"-style bigrams before it add. */
function specialIdiomsCheck(valence: number, i: number, n: number): number {
  const w0 = lower[i]!;
  const w1 = lower[i - 1]!;
  const w2 = lower[i - 2]!;
  const w3 = lower[i - 3]!;
  const m0 = IDIOM_WORDS.has(w0);
  const m1 = IDIOM_WORDS.has(w1);
  const m2 = IDIOM_WORDS.has(w2);
  const m3 = IDIOM_WORDS.has(w3);
  let v = valence;
  let hit: number | undefined;
  if (m1 && m0) hit = SPECIAL_CASES.get(`${w1} ${w0}`);
  if (hit === undefined && m2 && m1 && m0) hit = SPECIAL_CASES.get(`${w2} ${w1} ${w0}`);
  if (hit === undefined && m2 && m1) hit = SPECIAL_CASES.get(`${w2} ${w1}`);
  if (hit === undefined && m3 && m2 && m1) hit = SPECIAL_CASES.get(`${w3} ${w2} ${w1}`);
  if (hit === undefined && m3 && m2) hit = SPECIAL_CASES.get(`${w3} ${w2}`);
  if (hit !== undefined) v = hit;
  if (n - 1 > i && m0) {
    const w4 = lower[i + 1]!;
    if (IDIOM_WORDS.has(w4)) {
      hit = SPECIAL_CASES.get(`${w0} ${w4}`);
      if (hit !== undefined) v = hit;
      if (n - 1 > i + 1 && IDIOM_WORDS.has(lower[i + 2]!)) {
        hit = SPECIAL_CASES.get(`${w0} ${w4} ${lower[i + 2]}`);
        if (hit !== undefined) v = hit;
      }
    }
  }
  if (m3 && m2 && m1) v += BOOSTER.get(`${w3} ${w2} ${w1}`) ?? 0;
  if (m3 && m2) v += BOOSTER.get(`${w3} ${w2}`) ?? 0;
  if (m2 && m1) v += BOOSTER.get(`${w2} ${w1}`) ?? 0;
  return v;
}

/** Whether the call being scored reproduces vaderSentiment exactly (see vader()). */
let parity = false;

/** sentiment_valence for a lexicon word at i. */
function wordValence(i: number, n: number, capDiff: boolean): number {
  const base = lexValue[i]!;
  const low = lower[i];
  let valence = base;
  // Outside parity, "no no no" is a no said three times: vaderSentiment zeroes each "no" before a
  // lexicon word ("no" is one) and negates the next, which turns "No no no!" positive.
  const repeatedNo = !parity && low === 'no';
  // "no" before another lexicon word negates it rather than counting itself
  if (low === 'no' && i !== n - 1 && (flags[i + 1]! & IN_LEX) !== 0 && !(repeatedNo && lower[i + 1] === 'no'))
    valence = 0.0;
  if (
    !repeatedNo &&
    ((i > 0 && lower[i - 1] === 'no') ||
      (i > 1 && lower[i - 2] === 'no') ||
      (i > 2 && lower[i - 3] === 'no' && (lower[i - 1] === 'or' || lower[i - 1] === 'nor')))
  ) {
    valence = base * N_SCALAR;
  }
  if ((flags[i]! & UPPER) !== 0 && capDiff) valence = valence > 0 ? valence + C_INCR : valence - C_INCR;
  for (let startI = 0; startI < 3; startI++) {
    const j = i - (startI + 1);
    if (j < 0 || (flags[j]! & IN_LEX) !== 0) continue;
    let s = scalarIncDec(j, valence, capDiff);
    if (startI === 1 && s !== 0) s = s * 0.95;
    if (startI === 2 && s !== 0) s = s * 0.9;
    valence = valence + s;
    valence = negationCheck(valence, startI, i);
    if (startI === 2) valence = specialIdiomsCheck(valence, i, n);
  }
  // _least_check ("least" is not in the lexicon, but Python checks anyway)
  if (i > 1 && (flags[i - 1]! & IN_LEX) === 0 && lower[i - 1] === 'least') {
    if (lower[i - 2] !== 'at' && lower[i - 2] !== 'very') valence = valence * N_SCALAR;
  } else if (i > 0 && (flags[i - 1]! & IN_LEX) === 0 && lower[i - 1] === 'least') {
    valence = valence * N_SCALAR;
  }
  return valence;
}

/**
 * _but_check, quirk included: Python walks the list and rewrites `sentiments.index(value)`, the FIRST
 * position holding an equal value, not the current one. Values before the first "but" are halved, after
 * it multiplied by 1.5. Quadratic as written in Python, so long inputs use an exact O(n log n) replay
 * (per-value min-heaps of positions); `naiveUpTo` only exists so the test can compare the two.
 */
export function butRule(values: Float64Array, n: number, bi: number, naiveUpTo = 64): void {
  if (n <= naiveUpTo) {
    for (let k = 0; k < n; k++) {
      const v = values[k]!;
      let si = 0;
      while (values[si] !== v) si++;
      if (si < bi) values[si] = v * 0.5;
      else if (si > bi) values[si] = v * 1.5;
    }
    return;
  }
  // Positions > k are untouched at step k, so the first equal value is the smallest earlier position
  // currently holding it, else k. Zeros stay zero (0 * 0.5), so they are skipped.
  const heaps = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const v = values[k]!;
    if (v === 0) continue;
    let si = k;
    const heap = heaps.get(v);
    if (heap) {
      while (heap.length > 0 && values[heap[0]!] !== v) heapPop(heap);
      if (heap.length > 0) si = heap[0]!;
    }
    if (si !== bi) {
      const w = si < bi ? v * 0.5 : v * 1.5;
      values[si] = w;
      if (si !== k) heapPush(heaps, w, si); // its old entry is now stale and dropped lazily
    }
    heapPush(heaps, values[k]!, k);
  }
}

function heapPush(heaps: Map<number, number[]>, value: number, position: number): void {
  let heap = heaps.get(value);
  if (!heap) {
    heap = [];
    heaps.set(value, heap);
  }
  let k = heap.push(position) - 1;
  while (k > 0) {
    const parent = (k - 1) >> 1;
    if (heap[parent]! <= position) break;
    heap[k] = heap[parent]!;
    k = parent;
  }
  heap[k] = position;
}

function heapPop(heap: number[]): void {
  const lastItem = heap.pop()!;
  if (heap.length === 0) return;
  let k = 0;
  for (;;) {
    const left = 2 * k + 1;
    if (left >= heap.length) break;
    const child = left + 1 < heap.length && heap[left + 1]! < heap[left]! ? left + 1 : left;
    if (heap[child]! >= lastItem) break;
    heap[k] = heap[child]!;
    k = child;
  }
  heap[k] = lastItem;
}

/**
 * Scores a text like vaderSentiment's polarity_scores, without the final rounding, plus its drivers.
 * `parity` reproduces the Python package exactly, bugs included (the parity test); by default
 * two-letter words with punctuation ("no!", "Ha!") are read as words (see twoLetters).
 */
export function vader(text: string, lexicon: VaderLexicon, parityWithPython = false): VaderScore {
  parity = parityWithPython;
  const clean = replaceEmoji(text, lexicon);
  const n = tokenize(clean, lexicon.words, parity);
  ({ words, lower, flags, lexValue, sentiments } = scratch);
  if (n === 0) return { neg: 0, neu: 0, pos: 0, compound: 0, sum: 0, drivers: [] };

  let upperCount = 0;
  for (let i = 0; i < n; i++) if ((flags[i]! & UPPER) !== 0) upperCount++;
  const capDiff = upperCount > 0 && upperCount < n; // allcap_differential

  let butAt = -1;
  for (let i = 0; i < n; i++) {
    const low = lower[i]!;
    if (butAt < 0 && low === 'but') butAt = i;
    const skip =
      BOOSTER.has(low) ||
      (low === 'kind' && i < n - 1 && lower[i + 1] === 'of') ||
      (flags[i]! & IN_LEX) === 0;
    sentiments[i] = skip ? 0 : wordValence(i, n, capDiff);
  }
  if (butAt >= 0) butRule(sentiments, n, butAt);

  // score_valence
  let exclamations = 0;
  let questions = 0;
  for (let k = 0; k < clean.length; k++) {
    const c = clean.charCodeAt(k);
    if (c === 33) exclamations++;
    else if (c === 63) questions++;
  }
  const punct =
    Math.min(exclamations, 4) * EXCLAMATION_INCR +
    (questions > 1 ? (questions <= 3 ? questions * QUESTION_INCR : QUESTION_MAX) : 0);

  let sum = 0;
  let posSum = 0;
  let negSum = 0;
  let neuCount = 0;
  const drivers: VaderDriver[] = [];
  for (let i = 0; i < n; i++) {
    const s = sentiments[i]!;
    sum += s;
    if (s > 0) posSum += s + 1;
    else if (s < 0) negSum += s - 1;
    else neuCount++;
    if (s !== 0) drivers.push({ word: words[i]!, valence: s });
  }
  if (sum > 0) sum += punct;
  else if (sum < 0) sum -= punct;
  const norm = sum / Math.sqrt(sum * sum + NORMALIZE_ALPHA);
  const compound = norm < -1 ? -1 : norm > 1 ? 1 : norm;

  if (shrink(n)) ({ words, lower, flags, lexValue, sentiments } = scratch); // unpin a huge text

  if (posSum > Math.abs(negSum)) posSum += punct;
  else if (posSum < Math.abs(negSum)) negSum -= punct;
  const total = posSum + Math.abs(negSum) + neuCount;
  return {
    neg: Math.abs(negSum / total),
    neu: Math.abs(neuCount / total),
    pos: Math.abs(posSum / total),
    compound,
    sum,
    drivers,
  };
}
