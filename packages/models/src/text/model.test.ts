import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, type TextModel } from './model.ts';

const tiny: TextModel = {
  about: { built: '2026-11-24', sources: ['test'], figures: { f1: 0.5 } },
  groups: { a: 'anger' },
  lexicon: { words: new Map([['good', 1.9]]), emoji: new Map([['🙂', 'slightly smiling face']]) },
  linear: {
    outputs: ['a', 'b'],
    vocab: new Map([
      ['good', 0],
      ['#<goo', 1],
      ['über', 2],
    ]),
    weights: Int8Array.from([1, -2, 3, -4, 127, -127]),
    scales: Float32Array.from([0.5, 0.25]),
    bias: Float32Array.from([0.1, -0.1]),
    thresholds: Float32Array.from([0.3, 0.6]),
  },
};

describe('the text model file', () => {
  it('decodes what it encodes', () => {
    const back = decodeModel(encodeModel(tiny));
    expect(back.about).toEqual(tiny.about);
    expect(back.groups).toEqual(tiny.groups);
    expect([...back.lexicon.words]).toEqual([...tiny.lexicon.words]);
    expect([...back.lexicon.emoji]).toEqual([...tiny.lexicon.emoji]);
    expect([...back.linear.vocab]).toEqual([...tiny.linear.vocab]);
    expect([...back.linear.weights]).toEqual([...tiny.linear.weights]);
    expect([...back.linear.thresholds]).toEqual([...tiny.linear.thresholds]);
  });

  it('says what is wrong with a file that is not one, or is cut short', () => {
    expect(() => decodeModel(Buffer.from('hello world'))).toThrow(/not a Rapport text model/);
    const bytes = encodeModel(tiny);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 2))).toThrow(/damaged/);
  });
});
