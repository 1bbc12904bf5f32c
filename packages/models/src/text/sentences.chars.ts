// Character classes for the sentence splitter, on char codes (no string per character).
import { isPyWhitespace } from './vader/vader.rules.ts';

/** White space: Python's str.isspace() (as VADER splits) without the C0 separators, plus the BOM. */
export function isSpace(c: number): boolean {
  return c === 0xfeff || (isPyWhitespace(c) && !(c >= 0x1c && c <= 0x1f));
}

/** Closing quotes and brackets that stay with the punctuation before them: `"no!"`, `(sic.)`. */
export function isCloser(c: number): boolean {
  return (
    c === 34 || // "
    c === 39 || // '
    c === 41 || // )
    c === 93 || // ]
    c === 125 || // }
    c === 0xbb || // »
    c === 0x2019 || // ’
    c === 0x2018 || // ‘ (German closing)
    c === 0x201d || // ”
    c === 0x201c || // “ (German closing)
    c === 0x203a || // ›
    c === 0x300d || // 」
    c === 0x300f || // 』
    c === 0xff09 // ）
  );
}

/** Opening quotes and brackets skipped when looking at the first letter of the next word. */
function isOpener(c: number): boolean {
  return (
    c === 34 ||
    c === 39 ||
    c === 40 ||
    c === 91 ||
    c === 42 ||
    c === 95 ||
    c === 0xab ||
    c === 0xbf ||
    c === 0xa1 ||
    c === 0x2018 ||
    c === 0x201c ||
    c === 0x201e ||
    c === 0x2039
  );
}

export function startOfNextWord(text: string, from: number): number {
  let w = from;
  while (w < text.length && isSpace(text.charCodeAt(w))) w++;
  return w;
}

const UPPER = /^[\p{Lu}\p{Lt}]/u;
const LOWER = /^\p{Ll}/u;

function letterAt(text: string, w: number): number {
  let p = w;
  while (p < text.length && p - w < 3 && isOpener(text.charCodeAt(p))) p++;
  return p;
}

/** Whether the word at `w` starts with a capital letter (after opening quotes or brackets). */
export function isUpperAt(text: string, w: number): boolean {
  const p = letterAt(text, w);
  const c = text.charCodeAt(p);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(String.fromCodePoint(text.codePointAt(p) ?? 0));
}

/** Whether the word at `w` starts with a lowercase letter (after opening quotes or brackets). */
export function isLowerAt(text: string, w: number): boolean {
  const p = letterAt(text, w);
  const c = text.charCodeAt(p);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER.test(String.fromCodePoint(text.codePointAt(p) ?? 0));
}

const BULLETS = new Set([
  45, 42, 43, 0x2022, 0xb7, 0x2013, 0x2014, 0x2023, 0x25e6, 0x25aa, 0x25ba, 0x2713, 0x2714,
]);

/** "- ", "* ", "• ", "1. ", "12) ", "a) " at `q`. */
export function isBulletAt(text: string, q: number): boolean {
  const c = text.charCodeAt(q);
  if (BULLETS.has(c)) return text.charCodeAt(q + 1) === 32;
  let p = q;
  while (p < text.length && p - q < 3 && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) p++;
  if (p === q) {
    if (!(c >= 97 && c <= 122) || text.charCodeAt(q + 1) !== 41) return false; // a)
    p = q + 1;
  }
  const mark = text.charCodeAt(p);
  return (mark === 46 || mark === 41) && text.charCodeAt(p + 1) === 32;
}

function isEmoji(cp: number): boolean {
  return (
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x2600 && cp <= 0x27bf) ||
    (cp >= 0x2300 && cp <= 0x23ff) ||
    (cp >= 0x2b00 && cp <= 0x2bff) ||
    cp === 0x3030 ||
    cp === 0x303d ||
    cp === 0x3297 ||
    cp === 0x3299
  );
}

/** Joiners, variation selectors, keycap and tag characters inside an emoji sequence. */
function isEmojiPart(cp: number): boolean {
  return cp === 0x200d || cp === 0xfe0f || cp === 0xfe0e || cp === 0x20e3 || (cp >= 0xe0020 && cp <= 0xe007f);
}

const EMOTICON =
  /^(?:[:;=][-'^o]?[)(\][DPpOo3/\\|*@$]{1,3}|[xX][dD]{1,2}|<\/?3{1,3}|\^[_.-]?\^|\([:;=]|T_T|-_-|[oO]_[oO])$/;
const MAX_EMOTICON = 6;
const EMOTICON_FIRST = new Set([...':;=xX<^(T-oO'].map((c) => c.charCodeAt(0)));

/** The end of an emoji sequence or an emoticon (":)", ";-)", "xD", "<3") at `p`, or -1. */
function trailingTokenEnd(text: string, p: number): number {
  const n = text.length;
  let q = p;
  let emoji = false;
  while (q < n) {
    const cp = text.codePointAt(q) ?? 0;
    if (isEmoji(cp)) emoji = true;
    else if (!isEmojiPart(cp)) break;
    q += cp > 0xffff ? 2 : 1;
  }
  if (emoji && (q >= n || isSpace(text.charCodeAt(q)))) return q;
  if (!EMOTICON_FIRST.has(text.charCodeAt(p))) return -1;
  let r = p;
  while (r < n && r - p <= MAX_EMOTICON && !isSpace(text.charCodeAt(r))) r++;
  if (r > p && r - p <= MAX_EMOTICON && EMOTICON.test(text.slice(p, r))) return r;
  return -1;
}

/**
 * After a sentence's punctuation at `k`: the end of the emoji and emoticons that follow on the same
 * line ("Great service! 😊", "Thanks. :)"), which belong to that sentence; `k` if there are none.
 */
export function absorbTrailing(text: string, k: number): number {
  const n = text.length;
  let end = k;
  for (;;) {
    let p = end;
    while (p < n && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    if (p >= n) return end;
    const q = trailingTokenEnd(text, p);
    if (q === -1) return end;
    end = q;
  }
}
