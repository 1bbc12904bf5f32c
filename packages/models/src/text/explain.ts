/**
 * Which words drove a learned output: each token's share of the output's score (its own weight,
 * its character grams', and half of each bigram it is part of), the largest first.
 */
import { CHAR_GRAM, SURROGATE } from './learned/features.ts';
import { contribution, type LinearModel } from './learned/linear.ts';

export interface Driver {
  /** The word or phrase as the text has it (lower case); "not happy" for a negated word. */
  text: string;
  /** Its push on the score: signed valence for sentiment, strength for an emotion. */
  weight: number;
}

const shown = (token: string) => (token.startsWith('not_') ? `not ${token.slice(4)}` : token);

/** The per-token contributions to `sign · (output a − output b)` (b optional), top `limit` positive ones. */
export function topTokens(
  model: LinearModel,
  tokens: readonly string[],
  a: number,
  b: number | null,
  limit: number,
): Driver[] {
  const { vocab } = model;
  const push = (feature: string) => {
    const id = vocab.get(feature);
    if (id === undefined) return 0;
    return contribution(model, id, a) - (b === null ? 0 : contribution(model, id, b));
  };
  const shares = new Float64Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    shares[i]! += push(token);
    const framed = `<${token}>`;
    if (framed.length > CHAR_GRAM + 1 && !SURROGATE.test(token))
      for (let j = 0; j + CHAR_GRAM <= framed.length; j++)
        shares[i]! += push(`#${framed.slice(j, j + CHAR_GRAM)}`);
    if (i + 1 < tokens.length) {
      const half = push(`${token} ${tokens[i + 1]}`) / 2;
      shares[i]! += half;
      shares[i + 1]! += half;
    }
  }
  const order = Array.from(shares.keys())
    .filter((i) => shares[i]! > 0 && tokens[i] !== '!' && tokens[i] !== '?')
    .sort((x, y) => shares[y]! - shares[x]!);
  const seen = new Set<string>();
  const out: Driver[] = [];
  for (const i of order) {
    const text = shown(tokens[i]!);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, weight: Math.round(shares[i]! * 100) / 100 });
    if (out.length === limit) break;
  }
  return out;
}
