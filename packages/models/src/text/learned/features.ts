/**
 * The features of the learned text model: the tokens (see tokens.ts), their bigrams, and the
 * character 4-grams of each token framed as `<token>` (they carry spelling variants, inflections and
 * words the training texts never had whole: "frustrating" shares "ustr", "stra" with "frustrated").
 * Every feature is present or absent; a text's features are weighted 1/√n so long and short
 * texts weigh alike.
 */

export const CHAR_GRAM = 4;
/** Tokens with characters outside the BMP (emoji) get no character grams: they would cut them in half. */
export const SURROGATE = /[\uD800-\uDFFF]/;

/** Every feature string of a token list, in order, with repeats. */
export function featureStrings(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    out.push(token);
    if (i + 1 < tokens.length) out.push(`${token} ${tokens[i + 1]}`);
    const framed = `<${token}>`;
    if (framed.length > CHAR_GRAM + 1 && !SURROGATE.test(token))
      for (let j = 0; j + CHAR_GRAM <= framed.length; j++) out.push(`#${framed.slice(j, j + CHAR_GRAM)}`);
  }
  return out;
}

/** The kind of a feature string: a token, a bigram (has a space) or a character gram (`#`). */
export function featureKind(feature: string): 'token' | 'bigram' | 'chars' {
  return feature.startsWith('#') ? 'chars' : feature.includes(' ') ? 'bigram' : 'token';
}

/** The distinct vocabulary ids of a token list (unknown features dropped). */
export function featureIds(tokens: readonly string[], vocab: ReadonlyMap<string, number>): Int32Array {
  const seen = new Set<number>();
  for (const feature of featureStrings(tokens)) {
    const id = vocab.get(feature);
    if (id !== undefined) seen.add(id);
  }
  return Int32Array.from(seen);
}
