/**
 * A multi-output linear model over sparse binary features (one sigmoid per output): the learned
 * part of Rapport's text analysis. Weights are stored by feature (`weights[f * outputs + k]`),
 * quantised to int8 with one scale per output, so a text costs one row read per feature.
 */

export interface LinearModel {
  outputs: readonly string[];
  vocab: ReadonlyMap<string, number>;
  /** int8 weights, feature-major; weight = weights[f * K + k] * scales[k]. */
  weights: Int8Array;
  scales: Float32Array;
  bias: Float32Array;
  /** The probability at which each output counts as present (tuned on held-out texts). */
  thresholds: Float32Array;
}

/** The raw scores (logits) of each output for a text's feature ids (see features.ts). */
export function logits(model: LinearModel, ids: Int32Array): Float32Array {
  const K = model.outputs.length;
  const sums = new Float32Array(K);
  const { weights } = model;
  for (let i = 0; i < ids.length; i++) {
    const row = ids[i]! * K;
    for (let k = 0; k < K; k++) sums[k]! += weights[row + k]!;
  }
  const norm = ids.length > 0 ? 1 / Math.sqrt(ids.length) : 0;
  for (let k = 0; k < K; k++) sums[k] = sums[k]! * model.scales[k]! * norm + model.bias[k]!;
  return sums;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * A probability rescaled so that the output's threshold maps to 0.5 (p^(ln 0.5 / ln t)): 0.5 and
 * above means present, and scores of different outputs compare.
 */
export function calibrated(p: number, threshold: number): number {
  return p ** (Math.log(0.5) / Math.log(threshold));
}

/** How much feature `id` pushed output `k` (its weight, in logits, before the 1/√n weighting). */
export function contribution(model: LinearModel, id: number, k: number): number {
  return model.weights[id * model.outputs.length + k]! * model.scales[k]!;
}
