/**
 * The 28 fine-grained GoEmotions labels of a text (admiration … surprise, neutral), each a score
 * in [0, 1] with 0.5 the tuned threshold: the detail behind the nine emotions of analyzeText, for
 * whoever wants it (and for measuring the model against GoEmotions itself).
 */
import { featureIds } from './learned/features.ts';
import { calibrated, logits, sigmoid } from './learned/linear.ts';
import type { TextModel } from './model.ts';
import { tokenize } from './tokens.ts';

export function fineEmotions(model: TextModel, text: string): Record<string, number> {
  const { linear } = model;
  const z = logits(linear, featureIds(tokenize(text), linear.vocab));
  const out: Record<string, number> = {};
  linear.outputs.forEach((name, k) => {
    if (name.startsWith('fine:'))
      out[name.slice(5)] = Math.round(calibrated(sigmoid(z[k]!), linear.thresholds[k]!) * 1000) / 1000;
  });
  return out;
}
