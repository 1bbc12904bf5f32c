// Sentences of a customer text, so that each is scored on its own. One forward scan over char
// codes; a string is made only for the word before a period followed by a space (at most 20
// characters) and for each sentence returned.

import {
  absorbTrailing,
  isBulletAt,
  isCloser,
  isLowerAt,
  isSpace,
  isUpperAt,
  startOfNextWord,
} from './sentences.chars.ts';

export interface Sentence {
  text: string;
  /** Offsets into the input: text === input.slice(start, end), trimmed. */
  start: number;
  end: number;
}

/** Always followed by a name: never end a sentence. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'st',
  'mt',
  'rev',
  'hon',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'gov',
  'sen',
  'rep',
  'messrs',
  'mme',
  'mlle',
  'hr',
  'fr',
  'frl',
]);
/** Always followed by more of the sentence. */
const MID_SENTENCE = new Set([
  'e.g',
  'i.e',
  'vs',
  'approx',
  'appr',
  'cf',
  'ca',
  'incl',
  'excl',
  'esp',
  'resp',
  'viz',
  'z.b',
  'd.h',
  'u.a',
  'bzw',
  'ggf',
  'evtl',
  'bspw',
  'vgl',
  'inkl',
  'zzgl',
  'sog',
]);
/** Not a sentence end before a number: "No. 5", "Jan. 3", "Tel. +49". */
const BEFORE_NUMBER = new Set([
  'no',
  'nos',
  'nr',
  'tel',
  'fax',
  'ph',
  'art',
  'vol',
  'p',
  'pp',
  'ch',
  'sec',
  'fig',
  'ref',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'okt',
  'dez',
  'mär',
]);
/** May end a sentence: only when the next word is capitalised. */
const MAYBE_FINAL = new Set([
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'jr',
  'sr',
  'llc',
  'plc',
  'bros',
  'al',
  'usw',
  'dept',
]);

const MAX_TOKEN = 20;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  if (typeof text !== 'string') return out;
  const n = text.length;
  let lineStart = 0; // where the current line starts
  let start = 0; // where the current sentence starts (after leading whitespace)
  while (start < n && isSpace(text.charCodeAt(start))) {
    if (text.charCodeAt(start) === 10) lineStart = start + 1;
    start++;
  }
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    let cut = -1; // where the sentence ends, if it ends here
    let next = i + 1; // where the scan goes on
    if (c === 10) {
      if (breaksAtNewline(text, lineStart, i)) cut = i;
      lineStart = i + 1;
    } else if (c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x203c || c === 0x2049) {
      let j = i;
      let dots = 0;
      let strong = false; // ! or ?
      let ellipsis = false;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 46) dots++;
        else if (d === 33 || d === 63 || d === 0x203c || d === 0x2049) strong = true;
        else if (d === 0x2026) ellipsis = true;
        else break;
      }
      let k = j;
      while (k < n && isCloser(text.charCodeAt(k))) k++;
      const closed = k > j;
      const e = absorbTrailing(text, k);
      next = e;
      if (e < n && (e > k || isSpace(text.charCodeAt(k)))) {
        const w = startOfNextWord(text, e);
        let split: boolean;
        if (w >= n)
          split = false; // only whitespace left: the end does it
        else if (strong) split = !closed || isUpperAt(text, w);
        else if (ellipsis || dots > 1) split = !isLowerAt(text, w);
        else if (closed) split = isUpperAt(text, w);
        else split = periodEnds(text, i, lineStart, w);
        if (split) cut = e;
      }
    } else if (c === 0x3002 || c === 0xff01 || c === 0xff1f) {
      // 。！？ end a sentence without a following space
      let k = i + 1;
      while (k < n && (isCloser(text.charCodeAt(k)) || text.charCodeAt(k) === c)) k++;
      cut = k;
      next = k;
    }
    if (cut === -1) {
      i = next;
      continue;
    }
    push(out, text, start, cut);
    start = cut;
    while (start < n && isSpace(text.charCodeAt(start))) {
      if (text.charCodeAt(start) === 10) lineStart = start + 1;
      start++;
    }
    i = start;
  }
  push(out, text, start, n);
  return out;
}

function push(out: Sentence[], text: string, start: number, end: number): void {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}

/** A single '.' at `dot` followed by whitespace, the next word at `w`: is it a sentence end? */
function periodEnds(text: string, dot: number, lineStart: number, w: number): boolean {
  let t = dot;
  while (t > 0 && dot - t <= MAX_TOKEN) {
    const c = text.charCodeAt(t - 1);
    if (isSpace(c) || c === 40 || c === 34 || c === 91 || c === 0x201c || c === 0x2018 || c === 0xab) break;
    t--;
  }
  if (t === dot || dot - t > MAX_TOKEN) return true;
  const token = text.slice(t, dot);
  const lower = token.toLowerCase();
  if (TITLES.has(lower) || MID_SENTENCE.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && isDigitOrSign(text.charCodeAt(w))) return false;
  // "1." opening a numbered line is a list marker
  if (token.length <= 3 && /^\d+$/.test(token) && onlySpaceBetween(text, lineStart, t)) return false;
  if (token.length === 1 && lower !== token) return false; // an initial: "J. R. Smith", "M. Dupont"
  if (MAYBE_FINAL.has(lower) || token.indexOf('.') !== -1 || token.length === 1) return isUpperAt(text, w);
  return true;
}

function isDigitOrSign(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 35 || c === 43; // 0-9 # +
}

/** Whether only a little indentation (at most 8 characters) comes before `to` on its line. */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  if (to - from > 8) return false;
  for (let p = from; p < to; p++) if (!isSpace(text.charCodeAt(p))) return false;
  return true;
}

/** Paragraph ends (a blank line), list items, and short lines before a capitalised line. */
function breaksAtNewline(text: string, lineStart: number, nl: number): boolean {
  const n = text.length;
  let q = nl + 1;
  while (q < n) {
    const c = text.charCodeAt(q);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xa0) break;
    q++;
  }
  if (q >= n) return false;
  if (text.charCodeAt(q) === 10) return true;
  if (isBulletAt(text, q)) return true;
  let first = lineStart;
  while (first < nl && isSpace(text.charCodeAt(first))) first++;
  // An item, then an unindented line that is not its lowercase continuation
  if (q === nl + 1 && isBulletAt(text, first) && !isLowerAt(text, q)) return true;
  let last = nl;
  while (last > first && isSpace(text.charCodeAt(last - 1))) last--;
  // A hard-wrapped paragraph has long lines; a short one before a capital was ended on purpose.
  return last - first < 50 && isUpperAt(text, q);
}
