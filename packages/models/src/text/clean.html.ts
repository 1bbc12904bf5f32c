// HTML email bodies to plain text in one forward scan with indexOf: no regular expression runs over
// the whole document with unbounded repetition, so hostile markup cannot make it backtrack.

/**
 * Known tags only, closed within 2,000 characters: "a < b > c", "I <3 it" and "<a@b.c>" are not HTML.
 */
const LOOKS_LIKE_HTML =
  /<(?:!doctype\b|!--|\/?(?:html|head|body|div|p|br|span|table|tbody|thead|tr|td|th|a|b|i|u|s|em|strong|font|blockquote|ul|ol|li|img|meta|style|script|title|h[1-6]|center|hr|pre|o:p|section|small|sup|sub|code|label)(?=[\s/>])[^<>]{0,2000}>)/i;

export function looksLikeHtml(text: string): boolean {
  return text.indexOf('<') !== -1 && LOOKS_LIKE_HTML.test(text);
}

/** Elements whose content is never text the sender wrote. */
const DROPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'xml', 'svg', 'object']);
/** Elements that start and end a line (a soft break: never a second newline in a row). */
const BLOCKS = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'address',
  'center',
  'form',
  'fieldset',
  'nav',
  'main',
  'aside',
  'figure',
  'figcaption',
  'caption',
  'body',
  'html',
]);

const closers = new Map<string, RegExp>();
function closerOf(name: string): RegExp {
  let re = closers.get(name);
  if (!re) {
    re = new RegExp(`</${name}\\b`, 'gi');
    closers.set(name, re);
  }
  return re;
}

const HTML_SPACE = /[ \t\n\r\f]+/g;
const ALT = /\balt\s*=\s*(?:"([^"<>]{1,16})"|'([^'<>]{1,16})')/i;
const ASCII_LETTER = /[A-Za-z]/;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 58 || c === 45; // digits, ':', '-'
}
/** What may follow a tag name: whitespace, '/', '>' (so "<anna@example.com>" is not a tag). */
function endsName(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 47 || c === 62;
}

export interface HtmlText {
  text: string;
  /** A <blockquote> was dropped. */
  quoted: boolean;
}

export function htmlToText(html: string): HtmlText {
  const out: string[] = [];
  const n = html.length;
  let atLineStart = true;
  let quoted = false;
  const unclosed = new Set<string>();
  let textStart = 0; // start of the pending text run (up to the next real tag)
  let pos = 0;

  const emit = (raw: string) => {
    let s = decodeEntities(raw.replace(HTML_SPACE, ' '));
    if (atLineStart && s.charCodeAt(0) === 32) s = s.slice(1);
    if (s.length === 0) return;
    out.push(s);
    atLineStart = false;
  };
  const softBreak = () => {
    if (!atLineStart) {
      out.push('\n');
      atLineStart = true;
    }
  };
  const skipPast = (needle: string, from: number) => {
    const at = html.indexOf(needle, from);
    return at === -1 ? n : at + needle.length;
  };

  while (pos < n) {
    const lt = html.indexOf('<', pos);
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 33 || next === 63) {
      // <!-- comment -->, <!DOCTYPE>, <![if …]>, <?xml …?>
      if (lt > textStart) emit(html.slice(textStart, lt));
      pos = html.startsWith('<!--', lt) ? skipPast('-->', lt + 4) : skipPast('>', lt + 2);
      textStart = pos;
      continue;
    }
    const closing = next === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    let p = nameStart;
    while (p < n && isNameChar(html.charCodeAt(p))) p++;
    if (
      p === nameStart ||
      !isLetter(html.charCodeAt(nameStart)) ||
      (p < n && !endsName(html.charCodeAt(p)))
    ) {
      pos = lt + 1; // a literal '<': stays in the pending text run
      continue;
    }
    const gt = html.indexOf('>', p);
    if (gt === -1) break; // an unclosed tag: the rest is text
    if (lt > textStart) emit(html.slice(textStart, lt));
    const name = html.slice(nameStart, p).toLowerCase();
    pos = gt + 1;

    if (!closing && DROPPED.has(name) && !unclosed.has(name) && html.charCodeAt(gt - 1) !== 47) {
      const re = closerOf(name);
      re.lastIndex = pos;
      const end = re.exec(html);
      if (end) pos = skipPast('>', end.index);
      else unclosed.add(name); // never search the rest again: a thousand <script> stay linear
    } else if (name === 'blockquote') {
      softBreak();
      if (!closing) {
        quoted = true;
        pos = skipBlockquote(html, pos);
      }
    } else if (name === 'br') {
      out.push('\n');
      atLineStart = true;
    } else if (name === 'li') {
      softBreak();
      if (!closing) {
        out.push('- ');
        atLineStart = false;
      }
    } else if (name === 'td' || name === 'th') {
      if (!atLineStart) out.push(' ');
    } else if (name === 'img') {
      // Some clients send emoji as images with the emoji as alt text; logos say "logo".
      const alt = ALT.exec(html.slice(p, gt));
      const value = alt?.[1] ?? alt?.[2];
      if (value && !ASCII_LETTER.test(value)) emit(value);
    } else if (BLOCKS.has(name)) {
      softBreak();
    }
    textStart = pos;
  }
  if (textStart < n) emit(html.slice(textStart));
  return { text: out.join(''), quoted };
}

const BLOCKQUOTE = /<(\/?)blockquote\b/gi;

/** The position after the </blockquote> that closes the one just opened (nesting counted). */
function skipBlockquote(html: string, from: number): number {
  let depth = 1;
  BLOCKQUOTE.lastIndex = from;
  for (;;) {
    const m = BLOCKQUOTE.exec(html);
    if (!m) return html.length; // never closed: quoted to the end
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const gt = html.indexOf('>', m.index);
      return gt === -1 ? html.length : gt + 1;
    }
  }
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;
const NAMED = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
  ['ensp', ' '],
  ['emsp', ' '],
  ['thinsp', ' '],
  ['zwnj', '\u200c'],
  ['zwj', '\u200d'],
  ['shy', ''],
  ['ndash', '–'],
  ['mdash', '—'],
  ['hellip', '…'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['sbquo', '‚'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['bdquo', '„'],
  ['laquo', '«'],
  ['raquo', '»'],
  ['bull', '•'],
  ['middot', '·'],
  ['euro', '€'],
  ['pound', '£'],
  ['yen', '¥'],
  ['cent', '¢'],
  ['copy', '©'],
  ['reg', '®'],
  ['trade', '™'],
  ['deg', '°'],
  ['times', '×'],
  ['auml', 'ä'],
  ['ouml', 'ö'],
  ['uuml', 'ü'],
  ['Auml', 'Ä'],
  ['Ouml', 'Ö'],
  ['Uuml', 'Ü'],
  ['szlig', 'ß'],
  ['eacute', 'é'],
  ['egrave', 'è'],
  ['ecirc', 'ê'],
  ['agrave', 'à'],
  ['ccedil', 'ç'],
  ['Eacute', 'É'],
]);
/** &#128;–&#159; mean Windows-1252 characters in practice (as browsers decode them). */
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

function decodeEntity(match: string, dec?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED.get(name) ?? NAMED.get(name.toLowerCase()) ?? match;
  let code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
  if (code >= 0x80 && code <= 0x9f) code = CP1252[code - 0x80] ?? code;
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

export function decodeEntities(text: string): string {
  return text.indexOf('&') === -1 ? text : text.replace(ENTITY, decodeEntity);
}
