import { analyzeText, type TextAnalysis, textModel } from '@rapport/models';
import type { TextAnalyzeInput } from './text.schema.ts';

/**
 * Sentiment, emotions and their explanation for each text, in order (local: no network, the model
 * ships with Rapport). Needs no workspace: nothing is read or stored.
 */
export function analyzeTexts(input: TextAnalyzeInput): { data: TextAnalysis[] } {
  const model = textModel();
  return { data: input.texts.map((text) => analyzeText(model, text, { emotions: input.emotions })) };
}
