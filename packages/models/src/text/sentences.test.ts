import { describe, expect, it } from 'vitest';
import { cleanText } from './clean.ts';
import { runsInLinearTime } from './linear.testing.ts';
import { type Sentence, splitSentences } from './sentences.ts';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

/** Every sentence is the trimmed, non-empty slice at its offsets, in order, without overlaps. */
function expectWellFormed(text: string, sentences: Sentence[]): void {
  let previous = 0;
  for (const s of sentences) {
    expect(s.text).toBe(text.slice(s.start, s.end));
    expect(s.text).toBe(s.text.trim());
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.start).toBeGreaterThanOrEqual(previous);
    previous = s.end;
  }
  expect(
    sentences
      .map((s) => s.text)
      .join('')
      .replace(/\s/g, ''),
  ).toBe(text.replace(/\s/g, ''));
}

describe('splitSentences', () => {
  it('splits on . ! ? … and their runs, keeping the punctuation', () => {
    expect(texts('I love it. Does it work?! It broke!!! Why... Fine… Done')).toEqual([
      'I love it.',
      'Does it work?!',
      'It broke!!!',
      'Why...',
      'Fine…',
      'Done',
    ]);
  });

  it('returns offsets into the input', () => {
    const text = '  Great product!  \n\n Terrible support.  ';
    expect(splitSentences(text)).toEqual([
      { text: 'Great product!', start: 2, end: 16 },
      { text: 'Terrible support.', start: 21, end: 38 },
    ]);
  });

  it('does not split after abbreviations, titles and initials', () => {
    expect(texts('Mr. Smith and Dr. Jones met Prof. Lee at St. Mary. It went well.')).toEqual([
      'Mr. Smith and Dr. Jones met Prof. Lee at St. Mary.',
      'It went well.',
    ]);
    expect(texts('We want e.g. apples, i.e. fruit, approx. 5 kg vs. 3 kg. Order No. 4711 is late.')).toEqual([
      'We want e.g. apples, i.e. fruit, approx. 5 kg vs. 3 kg.',
      'Order No. 4711 is late.',
    ]);
    expect(texts('J. R. Smith called. M. Dupont too.')).toEqual(['J. R. Smith called.', 'M. Dupont too.']);
    expect(
      texts('Acme Inc. and Foo Ltd. sued. Pens, paper etc. are fine. We sell pens etc. Ask us.'),
    ).toEqual(['Acme Inc. and Foo Ltd. sued.', 'Pens, paper etc. are fine.', 'We sell pens etc.', 'Ask us.']);
    expect(texts('It arrived on Jan. 5 and broke. The answer is no. Thanks')).toEqual([
      'It arrived on Jan. 5 and broke.',
      'The answer is no.',
      'Thanks',
    ]);
    expect(texts('Wir wollen z.B. Äpfel. Das ist gut.')).toEqual(['Wir wollen z.B. Äpfel.', 'Das ist gut.']);
  });

  it('does not split inside numbers, versions, times, URLs, addresses and file names', () => {
    expect(
      texts(
        'It costs 3.14 EUR. Update to v2.1.0 now. Meet at 10.30 tomorrow. See https://shop.example/a.b?c=d&e=f! ' +
          'Mail anna.b@example.co.uk. The invoice.pdf is wrong.',
      ),
    ).toEqual([
      'It costs 3.14 EUR.',
      'Update to v2.1.0 now.',
      'Meet at 10.30 tomorrow.',
      'See https://shop.example/a.b?c=d&e=f!',
      'Mail anna.b@example.co.uk.',
      'The invoice.pdf is wrong.',
    ]);
  });

  it('keeps an ellipsis before a lowercase word, and quoted speech before a lowercase word', () => {
    expect(texts('I waited... and waited… and nothing. Then... Nobody came.')).toEqual([
      'I waited... and waited… and nothing.',
      'Then...',
      'Nobody came.',
    ]);
    expect(texts('He said "no!" and left. She asked "why?" Nobody knew.')).toEqual([
      'He said "no!" and left.',
      'She asked "why?"',
      'Nobody knew.',
    ]);
    expect(texts('The app (really!) crashed. „Unglaublich!“ Sagte er.')).toEqual([
      'The app (really!) crashed.',
      '„Unglaublich!“',
      'Sagte er.',
    ]);
  });

  it('keeps emoji and emoticons with the sentence they follow', () => {
    expect(texts('Great service! 😊 Thanks')).toEqual(['Great service! 😊', 'Thanks']);
    expect(texts('Thanks. :) See you soon ;-) Bye! 👍🏽 ❤️ xD Ok')).toEqual([
      'Thanks. :)',
      'See you soon ;-) Bye! 👍🏽 ❤️ xD',
      'Ok',
    ]);
    expect(texts('Love it!😍 Will order again. 👨‍👩‍👧')).toEqual(['Love it!😍', 'Will order again. 👨‍👩‍👧']);
  });

  it('splits paragraphs, list items and short lines, not hard-wrapped lines', () => {
    const email = [
      'Hi Anna,',
      'The parcel arrived today but the box was soaked and two of the glasses',
      'were broken, which is the second time this happened',
      '- glass one',
      '* glass two',
      '• the lid',
      '1. refund me',
      '2) or replace them',
      '',
      'Regards',
    ].join('\n');
    expect(texts(email)).toEqual([
      'Hi Anna,',
      'The parcel arrived today but the box was soaked and two of the glasses\nwere broken, which is the second time this happened',
      '- glass one',
      '* glass two',
      '• the lid',
      '1. refund me',
      '2) or replace them',
      'Regards',
    ]);
  });

  it('handles text without punctuation, empty text and CJK punctuation', () => {
    expect(texts('no punctuation at all here')).toEqual(['no punctuation at all here']);
    expect(texts('')).toEqual([]);
    expect(texts(' \n\t\u00a0 ')).toEqual([]);
    expect(texts('配送が遅い。品質は良い！また買う？')).toEqual([
      '配送が遅い。',
      '品質は良い！',
      'また買う？',
    ]);
  });

  it('returns well-formed sentences for random text', () => {
    const pieces = [
      '. ',
      '!',
      '?',
      '...',
      '…',
      ' ',
      '\n',
      '\n\n',
      'Mr.',
      'word',
      'Word',
      '"',
      ')',
      '😊',
      ':)',
      '- ',
      '1. ',
    ];
    let seed = 1;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 1000; round++) {
      let text = '';
      for (let k = Math.floor(next() * 40); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      expectWellFormed(text, splitSentences(text));
    }
  });

  it('splits a megabyte of text quickly, and hostile text in linear time', () => {
    const prose =
      'The parcel arrived late, Mr. Smith. It was damaged! Why? I paid 3.14 EUR... and more.\n' +
      'Hi Anna,\nThe box was wet 😡 and v2.1 of the app crashed. See https://x.example/a?b=c. ';
    const copies = Math.ceil(1_000_000 / prose.length);
    const megabyte = prose.repeat(copies);
    // ~17 ms bundled as in production; vitest's module getters and a busy machine add several times that
    expect(runsInLinearTime(splitSentences, megabyte, 250)).toBe(true);
    const sentences = splitSentences(megabyte);
    expectWellFormed(megabyte.slice(0, 2000), splitSentences(megabyte.slice(0, 2000)));
    expect(sentences.length).toBe(7 * copies);
    const hostiles = ['.', '!', ' ', '\n', '. ', 'a.', '"!', '! 😀', '- ', 'A\n', ':)', '1. ', 'Mr. '];
    for (const hostile of [...hostiles, `${' '.repeat(500_000)}${'1. '.repeat(150_000)}`]) {
      const text = hostile.length > 10 ? hostile : hostile.repeat(Math.ceil(1_000_000 / hostile.length));
      expect(runsInLinearTime(splitSentences, text, 1000)).toBe(true); // up to 500,000 sentences; ~50 ms bundled
    }
  });

  it('scores a polite email with one angry paragraph sentence by sentence', () => {
    const email = [
      'Dear support team,',
      '',
      'thank you for the quick delivery last month. The chairs look lovely.',
      '',
      'BUT THE TABLE ARRIVED WITH A HUGE SCRATCH!!! This is unacceptable.',
      '',
      'Kind regards,',
      'Maria Rossi',
      '',
      'On Tue, 4 Jun 2024 at 09:00, Support <help@shop.example> wrote:',
      '> Your order has shipped.',
    ].join('\n');
    expect(texts(cleanText(email).text)).toEqual([
      'Dear support team,',
      'thank you for the quick delivery last month.',
      'The chairs look lovely.',
      'BUT THE TABLE ARRIVED WITH A HUGE SCRATCH!!!',
      'This is unacceptable.',
    ]);
  });
});
