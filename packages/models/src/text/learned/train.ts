/**
 * Training of the linear text model (build time only: scripts/build-text-model.ts): logistic
 * regression per output, AdaGrad, with an L2 penalty applied to the weights a text touches. Pure
 * and deterministic (a seeded shuffle), so the same data builds the same model.
 */
import { random } from '../../random.ts';
import type { LinearModel } from './linear.ts';
import { sigmoid } from './linear.ts';

export interface Example {
  ids: Int32Array;
  /** 1 where the output is present. */
  y: Uint8Array;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainOptions = { epochs: 40, learningRate: 0.2, l2: 5e-3, seed: 7 };

export interface Trained {
  /** float weights, feature-major, and a bias per output. */
  weights: Float32Array;
  bias: Float32Array;
  outputs: number;
}

export function train(
  examples: readonly Example[],
  features: number,
  K: number,
  options = DEFAULT_TRAINING,
): Trained {
  const weights = new Float32Array(features * K);
  const squares = new Float32Array(features * K).fill(1e-8);
  const bias = new Float32Array(K);
  const biasSquares = new Float32Array(K).fill(1e-8);
  const rand = random(options.seed);
  const order = Array.from(examples.keys());
  const z = new Float32Array(K);
  const { learningRate: lr, l2 } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const { ids, y } = examples[n]!;
      if (ids.length === 0) continue;
      const x = 1 / Math.sqrt(ids.length);
      z.set(bias);
      for (const f of ids) for (let k = 0; k < K; k++) z[k]! += weights[f * K + k]! * x;
      for (let k = 0; k < K; k++) {
        const g = sigmoid(z[k]!) - y[k]!;
        for (const f of ids) {
          const o = f * K + k;
          const grad = g * x + l2 * weights[o]!;
          squares[o]! += grad * grad;
          weights[o]! -= (lr * grad) / Math.sqrt(squares[o]!);
        }
        biasSquares[k]! += g * g;
        bias[k]! -= (lr * g) / Math.sqrt(biasSquares[k]!);
      }
    }
  }
  return { weights, bias, outputs: K };
}

/** The probabilities of every output for a text, from float weights (before quantisation). */
export function predict(model: Trained, ids: Int32Array): Float32Array {
  const K = model.outputs;
  const z = Float32Array.from(model.bias);
  const x = ids.length > 0 ? 1 / Math.sqrt(ids.length) : 0;
  for (const f of ids) for (let k = 0; k < K; k++) z[k]! += model.weights[f * K + k]! * x;
  return z.map(sigmoid);
}

/** int8 weights with a scale per output (its largest weight maps to 127). */
export function quantise(model: Trained): Pick<LinearModel, 'weights' | 'scales' | 'bias'> {
  const K = model.outputs;
  const scales = new Float32Array(K);
  for (let i = 0; i < model.weights.length; i++) {
    const k = i % K;
    scales[k] = Math.max(scales[k]!, Math.abs(model.weights[i]!));
  }
  for (let k = 0; k < K; k++) scales[k] = scales[k]! / 127 || 1;
  const weights = new Int8Array(model.weights.length);
  for (let i = 0; i < weights.length; i++) weights[i] = Math.round(model.weights[i]! / scales[i % K]!);
  return { weights, scales, bias: Float32Array.from(model.bias) };
}

/** F1 of one output: predicted (p ≥ t) against gold. */
export function f1(predicted: ArrayLike<boolean>, gold: ArrayLike<number>): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i] && gold[i]) tp++;
    else if (predicted[i]) fp++;
    else if (gold[i]) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Per output, the probability threshold (0.05 … 0.9) with the best F1 on held-out texts. */
export function tuneThresholds(probabilities: Float32Array[], gold: Uint8Array[], K: number): Float32Array {
  const thresholds = new Float32Array(K).fill(0.5);
  for (let k = 0; k < K; k++) {
    const truth = gold.map((y) => y[k]!);
    let best = -1;
    for (let t = 0.05; t < 0.9; t += 0.025) {
      const score = f1(
        probabilities.map((p) => p[k]! >= t),
        truth,
      );
      if (score > best) {
        best = score;
        thresholds[k] = t;
      }
    }
  }
  return thresholds;
}
