import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, looksLikeHtml } from './clean.html.ts';
import { cleanText } from './clean.ts';
import { runsInLinearTime } from './linear.testing.ts';

/** A small deterministic generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MB = 1_000_000;

describe('cleanText on hostile input', () => {
  it('returns no text for binary junk and strips stray control characters', () => {
    const next = random(7);
    const bytes = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(next() * 256)));
    expect(cleanText(bytes.toString('utf8'))).toEqual({ text: '', removed: [], truncated: false });
    expect(cleanText('\u0000'.repeat(100)).text).toBe('');
    expect(cleanText('Hello\u0000 wor\u0007ld\u0008!\u007f').text).toBe('Hello world!');
    expect(cleanText('caf\ufffd is nice, the \ufffd price too').text).toBe(
      'caf\ufffd is nice, the \ufffd price too',
    );
    expect(cleanText('\ufeffHello\u200b world').text).toBe('Hello world');
  });

  it('keeps angle brackets, hearts and addresses of plain text', () => {
    expect(cleanText('I <3 this app, 5 > 3 and a < b').text).toBe('I <3 this app, 5 > 3 and a < b');
    expect(cleanText('Write to <anna@example.com> please').text).toBe('Write to <anna@example.com> please');
    expect(cleanText('-> click here')).toMatchObject({ text: '-> click here', removed: [] });
  });

  const adversarial: [string, string][] = [
    ['>', '>'.repeat(MB)],
    ['a', 'a'.repeat(MB)],
    ['<', '<'.repeat(MB)],
    ['space', ' '.repeat(MB)],
    ['newline', '\n'.repeat(MB)],
    ['<a', '<a'.repeat(MB / 2)],
    ['<p ', '<p '.repeat(MB / 3)],
    ['<br>', '<br>'.repeat(MB / 4)],
    ['<!--', '<!--'.repeat(MB / 4)],
    ['<script>', '<script>'.repeat(MB / 8)],
    ['<blockquote>', '<blockquote>'.repeat(MB / 12)],
    ['&#x', '&#x'.repeat(MB / 3)],
    ['attribution', 'On Mon x wrote:\n'.repeat(MB / 16)],
    ['wrapped attribution', `On ${'a '.repeat(150)}<\n`.repeat(MB / 305)],
    ['header', 'From: x\nSent: y\n'.repeat(MB / 16)],
    ['delimiter', '-- \n'.repeat(MB / 4)],
    ['valediction', 'Thanks,\nAnna\n'.repeat(MB / 13)],
    ['NUL', '\u0000'.repeat(MB)],
    ['emoji', '😀'.repeat(MB / 2)],
    ['lone surrogates', '\ud800'.repeat(MB)],
  ];
  it.each(adversarial)('handles a megabyte of %s in linear time', (_, input) => {
    expect(runsInLinearTime(cleanText, input, 250)).toBe(true); // 2–25 ms when the machine is idle
    expect(cleanText(input).text.length).toBeLessThanOrEqual(20_000);
  });

  it('never throws, and always returns trimmed text within maxChars', () => {
    const pieces = [
      '<',
      '>',
      '\n',
      '\n\n',
      ' ',
      'On Mon, Anna <a@b.c> wrote:',
      'From: x',
      'Sent: y',
      'To: z',
      '-- ',
      '--',
      '&#',
      '&amp;',
      ';',
      'x',
      'Thanks,',
      'Best regards',
      '\u0000',
      '😀',
      '\ud800',
      '<br>',
      '<p>',
      '</div>',
      '<blockquote>',
      '</blockquote>',
      '<script>',
      '<!--',
      '-->',
      '---------- Forwarded message ---------',
      'CONFIDENTIALITY NOTICE: confidential',
      'Sent from my iPhone',
      '________________________________',
      '. ',
      '\r',
      '\t',
      '\u00a0',
    ];
    const next = random(42);
    for (let round = 0; round < 2000; round++) {
      let input = '';
      const length = Math.floor(next() * 60);
      for (let k = 0; k < length; k++) input += pieces[Math.floor(next() * pieces.length)];
      const maxChars = Math.floor(next() * 200);
      const { text } = cleanText(input, { maxChars });
      expect(text.length).toBeLessThanOrEqual(maxChars);
      expect(text).toBe(text.trim());
      // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may remain
      expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f]|\n\n\n| {2}/);
    }
  });
});

describe('HTML to text', () => {
  it('decodes entities, numeric ones included, and leaves unknown ones', () => {
    expect(decodeEntities('&amp; &lt; &gt; &quot; &#39; &nbsp; &#233; &#xE9; &#x1F600; &euro;')).toBe(
      '& < > " \' \u00a0 é é 😀 €',
    );
    expect(decodeEntities('&#146;s &#150; &#0; &#xD800; &bogus; &constructor; AT&T')).toBe(
      '’s – \ufffd \ufffd &bogus; &constructor; AT&T',
    );
  });

  it('tells HTML from text with angle brackets', () => {
    expect(looksLikeHtml('<p>Hello</p>')).toBe(true);
    expect(looksLikeHtml('Hi<br/>there')).toBe(true);
    expect(looksLikeHtml('<!DOCTYPE html><title>x</title>')).toBe(true);
    expect(looksLikeHtml('I <3 it, a<b, <anna@example.com>, <b.c>')).toBe(false);
  });

  it('drops comments, conditional comments and scripts, and keeps table cells apart', () => {
    const html =
      '<!--[if mso]><style>x</style><![endif]--><table><tr><td>Order</td><td>late</td></tr>' +
      '<tr><td>Mood</td><td><img src="x.png" alt="😡"><img alt="logo"></td></tr></table><p>a &lt; b</p>';
    expect(cleanText(html)).toEqual({
      text: 'Order late\nMood 😡\na < b',
      removed: ['html'],
      truncated: false,
    });
    expect(htmlToText('<blockquote>a<blockquote>b</blockquote>c</blockquote>d')).toEqual({
      text: 'd',
      quoted: true,
    });
  });

  it('drops both blockquotes and "&gt;" lines of HTML', () => {
    const html =
      '<div>Still waiting.</div><div>&gt; old line</div><div>Answer?</div><blockquote>old</blockquote>';
    expect(cleanText(html)).toEqual({
      text: 'Still waiting.\n\nAnswer?',
      removed: ['html', 'quote'],
      truncated: false,
    });
  });

  it('keeps what follows an unclosed tag or an unclosed head as text', () => {
    expect(cleanText('<p>Broken markup <b').text).toBe('Broken markup <b');
    expect(cleanText('<head><p>Still here</p>').text).toBe('Still here');
    expect(cleanText('<p>Quoted forever<blockquote>old').text).toBe('Quoted forever');
  });

  it('keeps the lines of an Outlook HTML email, with its blank paragraphs', () => {
    const html =
      '<html><body><p class=MsoNormal>Hello,<o:p></o:p></p><p class=MsoNormal>&nbsp;<o:p></o:p></p>' +
      '<p class=MsoNormal>The <span style="color:red">invoice</span> is wrong again.<o:p></o:p></p>' +
      '<p class=MsoNormal>Regards<o:p></o:p></p><p class=MsoNormal>Peter<o:p></o:p></p>' +
      '<div style="border:none;border-top:solid #E1E1E1 1.0pt"><p><b>From:</b> Shop &lt;s@x.com&gt;<br>' +
      '<b>Sent:</b> Monday<br><b>To:</b> Peter<br><b>Subject:</b> Invoice</p></div><p>Old text</p></body></html>';
    expect(cleanText(html)).toEqual({
      text: 'Hello,\n\nThe invoice is wrong again.',
      removed: ['html', 'quote', 'signature'],
      truncated: false,
    });
  });
});
