import { describe, expect, it } from 'vitest';
import { analyzeText, EMOTIONS } from './analyze.ts';
import { textModel } from './load.ts';

const model = textModel();
const analyze = (text: string) => analyzeText(model, text);
const present = (text: string) =>
  Object.entries(analyze(text).emotions!)
    .filter(([, score]) => score >= 0.5)
    .map(([name]) => name);

describe('analyzeText', () => {
  it('hears a customer-service complaint: negative and frustrated, with the phrases that said so', () => {
    const result = analyze('My order never arrived and nobody answers my emails.');
    expect(result.sentiment.label).toBe('negative');
    expect(result.emotions!.frustration).toBeGreaterThanOrEqual(0.5);
    const said = result.explanation.sentiment.map((d) => d.text);
    expect(said).toContain('never arrived');
    expect(said).toContain('nobody answers');
    expect(result.explanation.emotions!.frustration!.map((d) => d.text)).toContain('nobody answers');
  });

  it('reads praise, thanks and plain requests', () => {
    const thanks = analyze('Thank you so much for sorting this out so quickly, you saved my day!');
    expect(thanks.sentiment.label).toBe('positive');
    expect(present('Thank you so much for sorting this out so quickly, you saved my day!')).toContain(
      'gratitude',
    );
    const request = analyze('Can you send me a copy of invoice 4411? Thanks in advance.');
    expect(request.sentiment.label).toBe('neutral');
    expect(request.emotions!.gratitude).toBeLessThan(0.5); // a sign-off formula is not gratitude
    expect(analyze('Please confirm receipt of PO 4500190021.').sentiment.label).toBe('neutral');
  });

  it('hears review phrases no single word carries', () => {
    for (const text of [
      "Don't waste your money on this charger.",
      'We are sending it back tomorrow.',
      'I expected far better for the price.',
      'The case broke after two weeks.',
      'Setup takes forever.',
    ])
      expect(analyze(text).sentiment.label, text).toBe('negative');
    for (const text of ["I couldn't be happier with the new headset.", 'Gets the job done.'])
      expect(analyze(text).sentiment.label, text).toBe('positive');
  });

  it('follows negation and the commonest sarcasm', () => {
    expect(analyze('Not bad at all').sentiment.label).toBe('positive');
    expect(analyze('I am not happy with this at all.').sentiment.label).toBe('negative');
    const ironic = analyze('Great, another week without internet.');
    expect(ironic.sentiment.label).toBe('negative');
    expect(ironic.emotions!.frustration).toBeGreaterThanOrEqual(0.5);
  });

  it('does not let a polite email average away its angry paragraph, and ignores the quoted thread', () => {
    const email = [
      'Hi team,',
      '',
      'Thanks for the quick reply last week, and the new portal looks lovely.',
      '',
      'But the pallets arrived damaged again and this is the third time I ask for the certificate. Nobody answers. Our production line stopped for half a day.',
      '',
      'Best regards,',
      'Anna Keller',
      'QA Manager',
      '',
      'On Tue, 4 Jun 2024 at 10:02, Support <support@example.com> wrote:',
      '> We are delighted to help! Wonderful news: your order is on its way.',
    ].join('\n');
    const result = analyze(email);
    expect(result.sentiment.label).toBe('negative');
    expect(result.removed).toEqual(expect.arrayContaining(['quote', 'signature']));
    expect(result.sentences!.length).toBeGreaterThan(2);
    expect(result.sentences!.some((s) => s.sentiment.label === 'negative')).toBe(true);
    expect(result.sentences!.some((s) => s.text.includes('delighted'))).toBe(false);
    expect(result.emotions!.frustration).toBeGreaterThanOrEqual(0.5);
  });

  it('answers every kind of input without throwing', () => {
    const inputs = [
      '',
      '   ',
      '😡😡😡',
      '🙂',
      '<html><body><p>The <b>service</b> was terrible.</p></body></html>',
      'Das Paket ist nie angekommen. The parcel never arrived!',
      '\u0000\u0001\u0002\ufffd\ufffd\ufffd\ufffd',
      'a'.repeat(1_000_000),
      'This is bad. '.repeat(80_000),
    ];
    for (const input of inputs) {
      const result = analyze(input);
      expect(['positive', 'negative', 'neutral']).toContain(result.sentiment.label);
      expect(result.sentiment.score).toBeGreaterThanOrEqual(-1);
      expect(result.sentiment.score).toBeLessThanOrEqual(1);
      for (const name of EMOTIONS) expect(result.emotions![name]).toBeGreaterThanOrEqual(0);
    }
    expect(analyze('').warning).toBeUndefined();
    expect(analyze('\u0000\u0001\u0002\ufffd\ufffd\ufffd\ufffd').warning).toMatch(/Nothing readable/);
    expect(analyze('This is bad. '.repeat(80_000)).truncated).toBe(true);
    expect(analyze('<html><body><p>The <b>service</b> was terrible.</p></body></html>').sentiment.label).toBe(
      'negative',
    );
    expect(analyze('😡😡😡').sentiment.label).toBe('negative');
  });

  it('without emotions answers the sentiment and its explanation only', () => {
    const result = analyzeText(model, 'The delivery was late again and the driver was rude.', {
      emotions: false,
    });
    expect(result.sentiment.label).toBe('negative');
    expect(result.emotions).toBeUndefined();
    expect(result.explanation.sentiment.map((d) => d.text)).toContain('rude');
  });
});
