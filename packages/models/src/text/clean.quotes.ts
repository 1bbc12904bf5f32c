// Quoted replies and forwarded messages in plain-text mail: what the sender did not write now.
// Works on lines that are already trimmed with single spaces; every test is a cheap first-character
// or last-character check before a regular expression, and each regular expression is anchored
// and bounded, so a megabyte of hostile lines stays linear.

import type { Removed } from './clean.ts';

/** "On Mon, 3 Jun 2024 at 10:02, Anna <anna@example.com> wrote:" and its translations, by opener. */
const ATTRIBUTIONS = new Map<string, RegExp>([
  ['on', /^on\b.{1,300}\bwrote ?:$/i],
  ['am', /^am\b.{1,300}\bschrieb\b.{0,300}:$/i],
  ['le', /^le\b.{1,300}\ba écrit ?:$/i],
  ['el', /^el\b.{1,300}\bescribió ?:$/i],
  ['op', /^op\b.{1,300}\bschreef\b.{0,300}:$/i],
  ['il', /^il\b.{1,300}\bha scritto ?:$/i],
]);
/** "Anna Schmidt <anna@example.com> wrote:": trusted only when '>' lines follow. */
const LOOSE_ATTRIBUTION = /^.{1,200}\b(?:wrote|schrieb|a écrit|escribió|schreef|ha scritto) ?:$/i;
const DIGIT = /\d/;
const ATTRIBUTION_OPENER = /^(?:on|am|le|el|op|il) /i;

const FORWARD =
  /^(?:-{2,} ?(?:forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht) ?-{2,}|begin forwarded message:|anfang der weitergeleiteten nachricht:|début du message réexpédié ?:)$/i;
const ORIGINAL =
  /^-{2,} ?(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht) ?-{2,}$/i;
const FORWARD_FIRST = new Set([97, 98, 100]); // a, b, d (lower-cased with | 32)
const UNDERSCORES = /^_{10,}$/;

/** The header block Outlook puts above the message it quotes (English, German, French, …). */
const HEADER_FIRST = new Set([102, 118, 100, 42]); // f v d * (lower-cased with | 32)
const HEADER_FROM = /^\*?(?:from|von|de|van|da|desde)\*? ?:/i;
const HEADER_SENT = /^\*?(?:sent|date|gesendet|datum|envoyé|verzonden|enviado|inviato|fecha|data)\*? ?:/i;
const HEADER_TO = /^\*?(?:to|an|à|a|aan|para|cc|subject|betreff|objet|onderwerp|asunto|oggetto)\*? ?:/i;
const FORWARD_SUBJECT =
  /^\*?(?:subject|betreff|objet|onderwerp|asunto|oggetto)\*? ?: ?\*?(?:fw|fwd|wg|tr|rv|i)\b/i;

function add(removed: Removed[], kind: Removed): void {
  if (!removed.includes(kind)) removed.push(kind);
}

function nextNonEmpty(lines: string[], from: number, end: number): number {
  for (let j = from; j < end; j++) if (lines[j] !== '') return j;
  return -1;
}

/** If lines[i] starts an Outlook header block: 'quote', or 'forward-header' for an FW: subject. */
function headerBlock(lines: string[], i: number, end: number): Removed | undefined {
  let sent = false;
  let to = false;
  let forward = false;
  for (let j = i + 1, seen = 0; j < end && seen < 8; j++) {
    const line = lines[j] ?? '';
    if (line === '') {
      if (sent || to) break;
      continue;
    }
    seen++;
    if (HEADER_SENT.test(line)) sent = true;
    else if (HEADER_TO.test(line)) {
      to = true;
      if (FORWARD_SUBJECT.test(line)) forward = true;
    }
  }
  if (!sent || !to) return undefined;
  return forward ? 'forward-header' : 'quote';
}

/**
 * Whether `line` (at most 500 characters, ending with ':') is a reply attribution. Mail clients
 * always put the date in it, so "On Monday I wrote:" in the customer's own text is not one.
 */
function isAttribution(line: string): boolean {
  if (line.length < 10 || line.length > 500 || line.charCodeAt(2) !== 32 || !DIGIT.test(line)) return false;
  return ATTRIBUTIONS.get(line.slice(0, 2).toLowerCase())?.test(line) ?? false;
}

/** If the history (a forward, an "Original Message" line, an Outlook header) starts at line i. */
function historyStart(lines: string[], i: number, end: number): Removed | undefined {
  const line = lines[i] ?? '';
  const first = line.charCodeAt(0);
  // "---------- Forwarded message ---------", "Begin forwarded message:", "Anfang der …"
  if ((first === 45 || FORWARD_FIRST.has(first | 32)) && FORWARD.test(line)) return 'forward-header';
  if (first === 45 && ORIGINAL.test(line)) return 'quote';
  if (first === 95 && UNDERSCORES.test(line)) {
    const j = nextNonEmpty(lines, i + 1, end);
    if (j !== -1 && HEADER_FROM.test(lines[j] ?? '')) return headerBlock(lines, j, end) ?? 'quote';
    return undefined;
  }
  if (HEADER_FIRST.has(first | 32) && HEADER_FROM.test(line)) return headerBlock(lines, i, end);
  return undefined;
}

export interface Quotes {
  /** Where the quoted history starts (everything from there on is dropped), or lines.length. */
  end: number;
  /** Some lines before `end` were quoted and are now blank. */
  blanked: boolean;
}

/** Blanks the quoted lines of `lines` (those starting with '>') and finds the quoted history. */
export function stripQuotes(lines: string[], removed: Removed[]): Quotes {
  const end = lines.length;
  let blanked = false;
  for (let i = 0; i < end; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const first = line.charCodeAt(0);
    if (first === 62 /* > */) {
      lines[i] = '';
      blanked = true;
      add(removed, 'quote');
      continue;
    }
    if (line.length > 600) continue;
    const cut = line.length >= 6 ? historyStart(lines, i, end) : undefined;
    if (cut) {
      add(removed, cut);
      return { end: i, blanked };
    }
    const last = line.charCodeAt(line.length - 1);
    let attribution = 0; // how many lines the attribution spans
    if (last === 58 /* : */) {
      if (isAttribution(line)) attribution = 1;
    } else if (i + 1 < end && line.charCodeAt(2) === 32 && ATTRIBUTION_OPENER.test(line)) {
      // Wrapped over two lines: "On Mon, 3 Jun 2024 at 10:02, Anna Schmidt <" / "anna@x.com> wrote:"
      const next = lines[i + 1] ?? '';
      if (next.charCodeAt(next.length - 1) === 58 && isAttribution(`${line} ${next}`)) attribution = 2;
    }
    if (attribution === 0 && last !== 58) continue;
    const after = nextNonEmpty(lines, i + Math.max(attribution, 1), end);
    const quotedFollows = after !== -1 && lines[after]?.charCodeAt(0) === 62;
    if (attribution === 0 && last === 58 && quotedFollows && LOOSE_ATTRIBUTION.test(line)) attribution = 1;
    if (attribution === 0) continue;
    add(removed, 'quote');
    if (!quotedFollows) return { end: i, blanked }; // top-posted reply: the whole history below is quoted
    // Interleaved reply: drop the attribution, the '>' lines go one by one, answers stay.
    for (let k = 0; k < attribution; k++) lines[i + k] = '';
    blanked = true;
    i += attribution - 1;
  }
  return { end, blanked };
}
