// Signatures, valedictions and legal disclaimers at the end of a message: text the sender did
// write, but that says nothing about how they feel. Lines are trimmed with single spaces.

import type { Removed } from './clean.ts';

const MOBILE =
  /^(?:sent from my \S.{0,60}|sent from (?:mail|outlook|yahoo mail|aol mobile mail|proton mail)\b.{0,40}|get outlook for (?:ios|android)|von meinem \S.{0,30} gesendet|envoyé (?:de|depuis) mon \S.{0,30}|enviado desde mi \S.{0,30}|inviato da(?:l mio)? \S.{0,30}|(?:verzonden|verstuurd) (?:vanaf|met) mijn \S.{0,30})$/i;
const MOBILE_FIRST = new Set([115, 103, 118, 101, 105]); // s g v e i (lower-cased with | 32)

const DISCLAIMER =
  /^\**(?:this (?:e-?mail|message|communication|transmission)\b|(?:the )?(?:information|contents?) (?:contained )?(?:in|of) this\b|confidential(?:ity)?(?: notice| note| statement| disclaimer)? ?:|confidential(?:ity)? (?:notice|note|statement|disclaimer)\b|notice of confidentiality|privileged (?:and|&) confidential|(?:legal )?disclaimer ?:|please (?:consider|think of|respect) the environment|(?:please )?think before (?:you )?print|please do not print|diese (?:e-?mail|nachricht)\b|der inhalt dieser (?:e-?mail|nachricht)|bitte denken sie an die umwelt|ce (?:message|courriel|e-?mail)\b|le présent (?:message|courriel)|pensez à l'environnement)/i;
/** A disclaimer's paragraph must also say one of these (so "This email is my third" stays). */
const DISCLAIMER_WORDS =
  /confidential|privileged|intended (?:solely |only )?for|intended recipient|addressee|unauthori[sz]ed|environment|before printing|vertraulich|umwelt|confidentiel|destinataire|environnement/i;

/** Valedictions that carry gratitude: the line is kept. */
const THANKS =
  /^(?:(?:many|huge|big) thanks|thanks?(?: you)?(?: (?:so|very) much| a lot| a million| again| in advance)?(?: for (?:your|the|all(?: your)?) (?:help|support|time|patience|assistance|understanding|quick (?:reply|response)))?|thx|tia|(?:vielen |herzlichen )?dank(?:e(?: schön| sehr)?)?(?: im voraus)?|merci(?: beaucoup| d'avance)?|(?:muchas )?gracias|grazie(?: mille)?|bedankt)/i;
/** Valedictions that carry no feeling: the line goes. */
const REGARDS =
  /^(?:(?:with )?(?:best|kind|kindest|warm|warmest|many) (?:regards|wishes)|all the best|best|regards|cheers|sincerely|yours (?:sincerely|truly|faithfully)|faithfully|respectfully|take care|talk soon|greetings|mit (?:freundlichen|besten|herzlichen|lieben) grü(?:ß|ss)en|(?:freundliche|viele|beste|liebe|herzliche) grü(?:ß|ss)e|grü(?:ß|ss)e|gru(?:ß|ss)|lg|mfg|vg|(?:bien )?cordialement|bien à vous|(?:meilleures )?salutations|(?:un )?saludos?|(?:cordiali )?saluti|met vriendelijke groet(?:en)?|(?:vriendelijke )?groeten|xoxo)/i;
/** After the valediction on the same line: punctuation, a name of up to three words, an emoji. */
const TAIL =
  /^[,.!]*(?: ?[,–-]? ?\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2})?[,.!]*(?: ?(?:\p{Extended_Pictographic}|\u200d|\ufe0f)+)?$/u;

const PARTICLES = new Set([
  'von',
  'van',
  'de',
  'der',
  'den',
  'la',
  'le',
  'di',
  'da',
  'du',
  'del',
  'y',
  'team',
]);
const SEPARATORS = new Set(['&', '|', '-', '–', '·', '/']);
const CAPITALISED = /^[(["]?\p{Lu}/u;
const LOWER = /^\p{Ll}/u;
const CONTACT = /\d|@|www\.|https?:|\|/i;
const POSTSCRIPT = /^p\.? ?s\b/i;

function add(removed: Removed[], kind: Removed): void {
  if (!removed.includes(kind)) removed.push(kind);
}

function valediction(line: string): 'thanks' | 'regards' | undefined {
  if (line.length > 60) return undefined;
  const thanks = THANKS.exec(line);
  if (thanks && TAIL.test(line.slice(thanks[0].length))) return 'thanks';
  const regards = REGARDS.exec(line);
  if (regards && TAIL.test(line.slice(regards[0].length))) return 'regards';
  return undefined;
}

/** "Anna", "Anna Schmidt", "Dr. J. R. Smith", "Ludwig van Beethoven | ACME", "The ACME Team". */
export function isNameLike(line: string): boolean {
  if (line.length > 50) return false;
  const last = line.charCodeAt(line.length - 1);
  if (last === 63 || last === 33 || last === 58) return false; // ? ! :
  const words = line.split(' ');
  if (words.length === 1) return !CONTACT.test(line);
  if (words.length > 6) return false;
  let capitalised = 0;
  for (const word of words) {
    if (CAPITALISED.test(word)) capitalised++;
    else if (!PARTICLES.has(word.toLowerCase()) && !SEPARATORS.has(word)) return false;
  }
  return capitalised > 0;
}

/** A title, company, phone, address or URL line; not a sentence with several lowercase words. */
export function isSignatureLike(line: string): boolean {
  if (line.length > 80 || POSTSCRIPT.test(line)) return false;
  const last = line.charCodeAt(line.length - 1);
  if (last === 63 || last === 33) return false;
  const words = line.split(' ');
  let lower = 0;
  for (const word of words) if (LOWER.test(word)) lower++;
  if (CONTACT.test(line)) return lower < 4;
  return words.length <= 6 && lower <= 2;
}

function isDisclaimer(lines: string[], i: number, end: number): boolean {
  const line = lines[i] ?? '';
  if (line.length < 12 || !DISCLAIMER.test(line.length > 200 ? line.slice(0, 200) : line)) return false;
  // The telling words may be on the next lines of a hard-wrapped paragraph.
  let paragraph = line.length > 600 ? line.slice(0, 600) : line;
  for (let j = i + 1; j < end && j <= i + 3 && paragraph.length < 600 && lines[j] !== ''; j++) {
    paragraph += ` ${lines[j]}`;
  }
  return DISCLAIMER_WORDS.test(paragraph.slice(0, 800));
}

/** The valediction near the end followed only by a name and signature lines: where to cut. */
function cutValediction(lines: string[], end: number, removed: Removed[]): number {
  let last = end - 1;
  while (last >= 0 && lines[last] === '') last--;
  for (let v = last, seen = 0; v >= 0 && seen < 10; v--) {
    const line = lines[v] ?? '';
    if (line === '') continue;
    seen++;
    const kind = valediction(line);
    if (kind) {
      let first = v + 1;
      while (first <= last && lines[first] === '') first++;
      if (first <= last && !isNameLike(lines[first] ?? '')) return end;
      if (kind === 'regards') {
        add(removed, 'signature');
        return v;
      }
      if (first <= last) add(removed, 'signature');
      return v + 1;
    }
    if (!isSignatureLike(line) && !isNameLike(line)) return end;
  }
  return end;
}

/**
 * Returns where the signature or disclaimer starts in lines[0, end): the "-- " delimiter, a
 * "Sent from my iPhone" line, a disclaimer paragraph, then a valediction with the lines after it.
 */
export function stripSignature(lines: string[], end: number, removed: Removed[]): number {
  let content = false;
  for (let i = 0; i < end; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    if (line === '--') {
      if (content) {
        add(removed, 'signature');
        end = i;
        break;
      }
    } else if (line.length <= 80 && MOBILE_FIRST.has(line.charCodeAt(0) | 32) && MOBILE.test(line)) {
      add(removed, 'signature');
      end = i;
      break;
    } else if (content && isDisclaimer(lines, i, end)) {
      add(removed, 'disclaimer');
      end = i;
      break;
    }
    content = true;
  }
  return cutValediction(lines, end, removed);
}
