/**
 * Builds packages/models/data/text-model.bin, the text model that ships with Rapport:
 *   npx tsx packages/models/scripts/build-text-model.ts   (about 4 minutes on 2 cores)
 * from ../shared/data (or RAPPORT_SHARED_DATA): VADER's lexicons (MIT) plus Rapport's service
 * words, and a linear model trained on GoEmotions train.tsv (Apache-2.0). Thresholds are tuned on a
 * tenth of train.tsv held out; the model is then trained on all of it. dev.tsv is never read here.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureIds, featureKind, featureStrings } from '../src/text/learned/features.ts';
import { EKMAN, groupings, outputNames, parseGoEmotions, targets } from '../src/text/learned/goemotions.ts';
import {
  DEFAULT_TRAINING,
  type Example,
  f1,
  predict,
  quantise,
  train,
  tuneThresholds,
} from '../src/text/learned/train.ts';
import { SERVICE_WORDS } from '../src/text/lexicon.ts';
import { decodeModel, encodeModel } from '../src/text/model.ts';
import { tokenize } from '../src/text/tokens.ts';
import { parseEmojiLexicon, parseVaderLexicon } from '../src/text/vader/vader.lexicon.ts';

const root = join(import.meta.dirname, '../../..');
const shared = process.env.RAPPORT_SHARED_DATA ?? join(root, '../shared/data');
const read = (path: string) => readFileSync(join(shared, path), 'utf8');
const out = join(import.meta.dirname, '../data/text-model.bin');
const started = performance.now();

const words = parseVaderLexicon(read('vader-groundtruth/vader_lexicon.txt'));
for (const [word, valence] of SERVICE_WORDS) {
  if (valence === 0) words.delete(word);
  else words.set(word, valence);
}
const lexicon = { words, emoji: parseEmojiLexicon(read('vader-groundtruth/emoji_utf8_lexicon.txt')) };
const g = groupings(
  read('goemotions/emotions.txt'),
  JSON.parse(read('goemotions/ekman_mapping.json')),
  JSON.parse(read('goemotions/sentiment_dict.json')),
);
const groups = Object.fromEntries(g.labels.map((label, k) => [label, EKMAN[g.ekman[k]!]!]));
if (process.argv.includes('--lexicon-only') && existsSync(out)) {
  const model = decodeModel(readFileSync(out));
  writeFileSync(out, encodeModel({ ...model, lexicon, groups }));
  console.log(`${out}: lexicons replaced (${words.size} words)`);
  process.exit(0);
}

const outputs = outputNames(g);
const K = outputs.length;
const texts = parseGoEmotions(read('goemotions/train.tsv'));
const tokens = texts.map((t) => tokenize(t.text));

// The vocabulary: tokens seen in ≥ 2 texts, bigrams and character grams in ≥ 3.
const counts = new Map<string, number>();
for (const list of tokens)
  for (const f of new Set(featureStrings(list))) counts.set(f, (counts.get(f) ?? 0) + 1);
const vocab = new Map<string, number>();
for (const [f, c] of counts) if (c >= (featureKind(f) === 'token' ? 2 : 3)) vocab.set(f, vocab.size);
const examples: Example[] = tokens.map((list, i) => ({
  ids: featureIds(list, vocab),
  y: targets(g, texts[i]!.labels),
}));
console.log(`${texts.length} texts, ${vocab.size} features, ${K} outputs`);

// Thresholds from a held-out tenth of train.tsv.
const held = examples.filter((_, i) => i % 10 === 0);
const rest = examples.filter((_, i) => i % 10 !== 0);
const first = train(rest, vocab.size, K);
const heldP = held.map((e) => predict(first, e.ids));
const thresholds = tuneThresholds(
  heldP,
  held.map((e) => e.y),
  K,
);
const macro = (from: number, to: number) => {
  let sum = 0;
  for (let k = from; k < to; k++)
    sum += f1(
      heldP.map((p) => p[k]! >= thresholds[k]!),
      held.map((e) => e.y[k]!),
    );
  return sum / (to - from);
};
const figures = {
  heldOutFineMacroF1: macro(0, 28),
  heldOutEkmanMacroF1: macro(28, 35),
  heldOutSentimentMacroF1: macro(35, 37),
};
console.log('held-out (10% of train.tsv, tuned on itself):', figures);

const full = train(examples, vocab.size, K);
const q = quantise(full);
const bytes = encodeModel({
  about: {
    built: new Date().toISOString().slice(0, 10),
    sources: [
      'VADER lexicon and emoji lexicon (Hutto & Gilbert 2014, MIT)',
      'GoEmotions train.tsv (Demszky et al. 2020, Apache-2.0)',
      'Rapport service words (packages/models/src/text/lexicon.ts)',
    ],
    figures,
  },
  lexicon,
  groups,
  linear: { outputs, vocab, thresholds, ...q },
});
writeFileSync(out, bytes);
console.log(
  `${out}: ${(bytes.length / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(0)} s (training ${DEFAULT_TRAINING.epochs} epochs)`,
);
