// Parsers for VADER's two lexicon files (vader_lexicon.txt, emoji_utf8_lexicon.txt), as
// SentimentIntensityAnalyzer.make_lex_dict / make_emoji_dict read them. Pure: the caller reads the files.
import { isPyWhitespace } from './vader.rules.ts';

/** The two VADER lexicons: lower-case token -> mean valence, and emoji -> text description. */
export interface VaderLexicon {
  words: Map<string, number>;
  emoji: Map<string, string>;
}

/** Python's str.strip() (Unicode whitespace). */
function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPyWhitespace(s.charCodeAt(start))) start++;
  while (end > start && isPyWhitespace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** The first two TAB-separated fields of each stripped line; lines without a TAB are skipped. */
function* pairs(text: string): Generator<[string, string]> {
  for (const raw of text.split('\n')) {
    const line = pyStrip(raw);
    const tab = line.indexOf('\t');
    if (tab < 0) continue; // empty, or a line Python would fail on
    const next = line.indexOf('\t', tab + 1);
    yield [line.slice(0, tab), next < 0 ? line.slice(tab + 1) : line.slice(tab + 1, next)];
  }
}

/** vader_lexicon.txt (TOKEN, MEAN, SD, RAW) -> token -> mean valence. Later duplicates win, as in Python. */
export function parseVaderLexicon(text: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const [token, mean] of pairs(text)) {
    const value = Number(mean.trim());
    if (mean.trim() !== '' && Number.isFinite(value)) words.set(token, value);
  }
  return words;
}

/** emoji_utf8_lexicon.txt (emoji, description) -> emoji -> description. */
export function parseEmojiLexicon(text: string): Map<string, string> {
  const emoji = new Map<string, string>();
  for (const [symbol, description] of pairs(text)) emoji.set(symbol, description);
  return emoji;
}

/**
 * The emoji lexicon as VADER uses it: Python walks the text one code point at a time and looks each
 * up, so only single-code-point keys can ever match (sequences with skin tones, ZWJ or VS16 never do).
 */
export interface EmojiTable {
  byCodePoint: Map<number, string>;
  /** A UTF-16 code unit below every key (so never an emoji): the fast path for ASCII. */
  min: number;
}

const tables = new WeakMap<Map<string, string>, { size: number; table: EmojiTable }>();

export function emojiTable(emoji: Map<string, string>): EmojiTable {
  const cached = tables.get(emoji);
  if (cached && cached.size === emoji.size) return cached.table;
  const byCodePoint = new Map<number, string>();
  let min = Number.POSITIVE_INFINITY;
  for (const [key, description] of emoji) {
    const cp = key.codePointAt(0);
    if (cp === undefined || key.length !== (cp > 0xffff ? 2 : 1)) continue;
    byCodePoint.set(cp, description);
    if (cp < min) min = cp;
  }
  const table = { byCodePoint, min: Math.min(min, 0xd800) }; // astral keys start with a high surrogate
  tables.set(emoji, { size: emoji.size, table });
  return table;
}
