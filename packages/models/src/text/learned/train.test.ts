import { describe, expect, it } from 'vitest';
import { logits, sigmoid } from './linear.ts';
import { type Example, f1, predict, quantise, train, tuneThresholds } from './train.ts';

// Feature 0 means output 0, feature 1 means output 1, feature 2 is noise on every text.
const examples: Example[] = Array.from({ length: 400 }, (_, i) => {
  const k = i % 2;
  return { ids: Int32Array.from([k, 2]), y: Uint8Array.from([k === 0 ? 1 : 0, k === 1 ? 1 : 0]) };
});

describe('training the linear text model', () => {
  it('learns which feature means which output, deterministically, and survives quantisation', () => {
    const options = { epochs: 5, learningRate: 0.2, l2: 1e-4, seed: 1 };
    const model = train(examples, 3, 2, options);
    expect([...train(examples, 3, 2, options).weights]).toEqual([...model.weights]);
    const first = predict(model, Int32Array.from([0, 2]));
    expect(first[0]).toBeGreaterThan(0.8);
    expect(first[1]).toBeLessThan(0.2);
    const q = {
      outputs: ['a', 'b'],
      vocab: new Map(),
      thresholds: Float32Array.from([0.5, 0.5]),
      ...quantise(model),
    };
    const z = logits(q, Int32Array.from([1, 2]));
    expect(sigmoid(z[1]!)).toBeGreaterThan(0.8);
    expect(sigmoid(z[0]!)).toBeLessThan(0.2);
  });

  it('tunes each threshold to the best F1 on held-out texts', () => {
    const probabilities = [0.9, 0.7, 0.4, 0.2].map((p) => Float32Array.from([p]));
    const gold = [1, 1, 0, 0].map((y) => Uint8Array.from([y]));
    const [t] = tuneThresholds(probabilities, gold, 1);
    expect(t).toBeGreaterThan(0.4);
    expect(t).toBeLessThanOrEqual(0.7);
    expect(f1([true, true, false, false], [1, 1, 0, 0])).toBe(1);
    expect(f1([false, false], [1, 1])).toBe(0);
  });
});
