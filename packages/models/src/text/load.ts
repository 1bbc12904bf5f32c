/**
 * The text model that ships with Rapport (packages/models/data/text-model.bin, built by
 * scripts/build-text-model.ts), read once per process. The only file this package reads.
 */
import { readFileSync } from 'node:fs';
import { decodeModel, type TextModel } from './model.ts';

export const MODEL_FILE = new URL('../../data/text-model.bin', import.meta.url);

let loaded: TextModel | null = null;

export function textModel(): TextModel {
  loaded ??= decodeModel(readFileSync(MODEL_FILE));
  return loaded;
}
