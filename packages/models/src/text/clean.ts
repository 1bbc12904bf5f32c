// What the customer wrote now, out of a raw email, chat message, survey comment or review: no
// HTML, quoted replies, forwarded messages, signatures or disclaimers, no control characters.
// A short plain text (no newline, no '<', no '>', nothing to normalise) is returned as it is after
// one native regular-expression scan; everything else is linear in the input and never throws.

import { htmlToText, looksLikeHtml } from './clean.html.ts';
import { stripQuotes } from './clean.quotes.ts';
import { stripSignature } from './clean.signature.ts';

export type Removed = 'html' | 'quote' | 'signature' | 'disclaimer' | 'forward-header';

export interface CleanText {
  text: string;
  /** What was taken out, each kind once, in the order found. */
  removed: Removed[];
  /** The text was cut at `maxChars` (or the input was too large to look at whole). */
  truncated: boolean;
}

export interface CleanOptions {
  /** The longest text returned, in UTF-16 code units; default 20,000. */
  maxChars?: number;
}

export const DEFAULT_MAX_CHARS = 20_000;
/**
 * Inputs longer than this (or ten times maxChars) are cut before any work, and their text (after
 * HTML) at TEXT_LIMIT: what the customer wrote now comes first, and only maxChars of it are kept.
 */
const HTML_LIMIT = 1_000_000;
const TEXT_LIMIT = 200_000;
/** More than this share of U+FFFD and control characters: binary, not text. */
const JUNK_SHARE = 0.3;

/** Anything the fast path cannot return as it is: controls (with \n \t \r), markup, odd spaces. */
const NEEDS_WORK =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\x00-\x1f\x7f-\x9f<>\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\ufffd]| {2}/;
const NEWLINES = /\r\n?|[\u2028\u2029]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]+/g;
const SPACES = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
const SPACE_AT_LINE_EDGE = / \n ?|\n /g;
const BLANK_LINES = /\n{3,}/g;
/** Lines a cut leaves dangling: blank, or a separator ("-----", "_____", "--"). */
const SEPARATOR = /^(?:[-_=*~]{3,}|--)$/;

export function cleanText(input: string, options?: CleanOptions): CleanText {
  const maxChars = limitOf(options?.maxChars);
  if (typeof input !== 'string') return { text: '', removed: [], truncated: false };
  const n = input.length;
  if (
    n <= maxChars &&
    !NEEDS_WORK.test(input) &&
    input.charCodeAt(0) !== 32 &&
    input.charCodeAt(n - 1) !== 32
  ) {
    return { text: input, removed: [], truncated: false };
  }
  return cleanSlowly(input, maxChars);
}

function limitOf(maxChars: number | undefined): number {
  if (typeof maxChars !== 'number' || Number.isNaN(maxChars) || maxChars < 0) return DEFAULT_MAX_CHARS;
  return Math.floor(maxChars);
}

function cleanSlowly(input: string, maxChars: number): CleanText {
  const removed: Removed[] = [];
  let truncated = false;
  let work = input;
  const limit = Math.max(HTML_LIMIT, maxChars * 10);
  const textLimit = Math.max(TEXT_LIMIT, maxChars * 10);
  if (work.length > limit) {
    work = cutAt(work, limit);
    truncated = true;
  }
  if (isBinary(work)) return { text: '', removed, truncated: false };
  if (looksLikeHtml(work)) {
    const html = htmlToText(work);
    work = html.text;
    removed.push('html');
    if (html.quoted) removed.push('quote');
  }
  if (work.length > textLimit) {
    work = cutAt(work, textLimit);
    truncated = true;
  }
  const normal = work
    .replace(NEWLINES, '\n')
    .replace(CONTROLS, '')
    .replace(SPACES, ' ')
    .replace(SPACE_AT_LINE_EDGE, '\n')
    .replace(BLANK_LINES, '\n\n')
    .trim();
  const lines = normal.split('\n');
  const quotes = stripQuotes(lines, removed);
  const end = trimEnd(lines, stripSignature(lines, trimEnd(lines, quotes.end), removed));
  let text = normal;
  if (end < lines.length || quotes.blanked) {
    // Quoted lines inside were blanked: a blank line may now follow another.
    text = lines.slice(0, end).join('\n').replace(BLANK_LINES, '\n\n').trim();
  }
  if (text.length > maxChars) {
    text = truncate(text, maxChars);
    truncated = true;
  }
  return { text, removed, truncated };
}

/** Whether more than 30% of the characters are U+FFFD or controls other than \t \n \r. */
export function isBinary(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  let junk = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 ? c !== 9 && c !== 10 && c !== 13 : c === 0xfffd || (c >= 0x7f && c <= 0x9f)) junk++;
  }
  return junk > n * JUNK_SHARE;
}

/** Drops the blank and separator lines before `end` (e.g. the "____" above a quoted header). */
function trimEnd(lines: string[], end: number): number {
  while (end > 0) {
    const line = lines[end - 1] ?? '';
    if (line !== '' && !SEPARATOR.test(line)) break;
    end--;
  }
  return end;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9;
}

/** `text` cut at `at`, one code unit earlier if that would split a surrogate pair. */
function cutAt(text: string, at: number): string {
  const c = text.charCodeAt(at - 1);
  return text.slice(0, c >= 0xd800 && c <= 0xdbff ? at - 1 : at);
}

/**
 * At most `max` characters: after the last sentence end in the last 40% before the limit, else
 * at the last whitespace there, else in the middle of a word (never of a surrogate pair).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const floor = Math.floor(max * 0.6);
  let space = -1;
  for (let p = max; p > floor; p--) {
    if (!isSpace(text.charCodeAt(p))) continue;
    const before = text.charCodeAt(p - 1);
    if (before === 46 || before === 33 || before === 63 || before === 0x2026) return text.slice(0, p);
    if (space === -1) space = p;
  }
  return space !== -1 ? text.slice(0, space).trimEnd() : cutAt(text, max).trimEnd();
}
