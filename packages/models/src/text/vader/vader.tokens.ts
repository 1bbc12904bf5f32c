// VADER's text handling: emoji to words, then SentiText's tokens (Python str.split() and
// strip(string.punctuation)), into reusable per-token arrays that the rules in vader.ts read.
import { emojiTable, type VaderLexicon } from './vader.lexicon.ts';
import { ASCII_PUNCTUATION, isPyWhitespace, NEGATE } from './vader.rules.ts';

/** Token flags. */
export const IN_LEX = 1;
export const UPPER = 2;
export const NEGATED = 4;

/**
 * Per-token scratch arrays, grown on demand and reused across calls (scoring never yields, so this is
 * safe): the token as written, its lower case, its flags and lexicon value, and its final valence.
 */
export const scratch = {
  words: [] as string[],
  lower: [] as string[],
  flags: new Uint8Array(64),
  lexValue: new Float64Array(64),
  sentiments: new Float64Array(64),
};

const LOWER_OR_TITLE = /[\p{Lowercase}\p{Lt}]/u;
const UPPERCASE = /\p{Uppercase}/u;

/** Python's str.isupper(): at least one cased character and none lower or title case. */
function isUpper(word: string): boolean {
  let upper = false;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 0x80) return !LOWER_OR_TITLE.test(word) && UPPERCASE.test(word);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper;
}

/** len(s) in Python (code points) is at most 2, for s = text[start, end). */
function atMostTwoCodePoints(text: string, start: number, end: number): boolean {
  const units = end - start;
  if (units <= 2) return true;
  if (units > 4) return false;
  let points = units;
  for (let k = start; k < end - 1; k++) {
    const c = text.charCodeAt(k);
    const d = text.charCodeAt(k + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      points--;
      k++;
    }
  }
  return points <= 2;
}

/**
 * A two-letter word such as "no", "ha" or "ok": vaderSentiment keeps "no!" or "Ha!" whole (its
 * emoticon guard), so the word misses the lexicon and the negation list. Rapport strips them.
 */
function twoLetters(text: string, start: number, end: number): boolean {
  if (end - start !== 2) return false;
  const a = text.charCodeAt(start) | 32;
  const b = text.charCodeAt(start + 1) | 32;
  return a >= 97 && a <= 122 && b >= 97 && b <= 122;
}

/** polarity_scores' first step: each emoji code point becomes its description, space-separated. */
export function replaceEmoji(text: string, lexicon: VaderLexicon): string {
  const { byCodePoint, min } = emojiTable(lexicon.emoji);
  let out = '';
  let last = 0;
  let prevSpace = true;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < min) {
      prevSpace = c === 32;
      continue;
    }
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length) {
      const d = text.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const description = byCodePoint.get(cp);
    if (description !== undefined) {
      out += text.slice(last, k) + (prevSpace ? '' : ' ') + description;
      last = k + width;
    }
    prevSpace = false; // c >= min > 32: not a space either way
    k += width - 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

function grow(n: number): void {
  if (scratch.flags.length >= n) return;
  const size = Math.max(n, scratch.flags.length * 2);
  const flags = new Uint8Array(size);
  const lexValue = new Float64Array(size);
  flags.set(scratch.flags);
  lexValue.set(scratch.lexValue);
  scratch.flags = flags;
  scratch.lexValue = lexValue;
  scratch.sentiments = new Float64Array(size); // filled after tokenizing
}

/** After a huge text, drop the big buffers (and the token strings, which pin the text). */
export function shrink(n: number): boolean {
  if (n <= 4096) return false;
  scratch.words = [];
  scratch.lower = [];
  scratch.flags = new Uint8Array(64);
  scratch.lexValue = new Float64Array(64);
  scratch.sentiments = new Float64Array(64);
  return true;
}

/**
 * SentiText: str.split() on Python whitespace, then each token loses its leading and trailing ASCII
 * punctuation unless that leaves 2 code points or fewer (which keeps ":)" and ":D" whole). Fills the
 * scratch arrays and returns the token count.
 */
export function tokenize(text: string, lex: Map<string, number>, parity = false): number {
  const { words, lower } = scratch;
  let n = 0;
  const len = text.length;
  let k = 0;
  while (k < len) {
    while (k < len && isPyWhitespace(text.charCodeAt(k))) k++;
    if (k >= len) break;
    const start = k;
    while (k < len && !isPyWhitespace(text.charCodeAt(k))) k++;
    let s = start;
    let e = k;
    while (s < e && text.charCodeAt(s) < 128 && ASCII_PUNCTUATION[text.charCodeAt(s)] === 1) s++;
    while (e > s && text.charCodeAt(e - 1) < 128 && ASCII_PUNCTUATION[text.charCodeAt(e - 1)] === 1) e--;
    if (atMostTwoCodePoints(text, s, e) && (parity || !twoLetters(text, s, e))) {
      s = start;
      e = k;
    }
    grow(n + 1);
    const word = text.slice(s, e);
    const low = word.toLowerCase();
    words[n] = word;
    lower[n] = low;
    const value = lex.get(low);
    scratch.lexValue[n] = value ?? 0;
    scratch.flags[n] =
      (value === undefined ? 0 : IN_LEX) |
      (isUpper(word) ? UPPER : 0) |
      (NEGATE.has(low) || low.includes("n't") ? NEGATED : 0);
    n++;
  }
  return n;
}
