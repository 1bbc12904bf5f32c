/**
 * One sentence's sentiment and emotions. Sentiment is VADER's sum (its lexicon, rules and
 * explanation) plus the customer-service cues plus the learned model's view (it hears what no
 * lexicon word says: "my order never showed up"), normalised as VADER does. Emotions are the learned
 * model's Ekman outputs, with frustration (annoyance, disappointment) and gratitude from its fine
 * outputs, each raised by the cues that signal it.
 */
import { type CueEmotion, FORMULAS, findCues } from './cues.ts';
import { type Driver, topTokens } from './explain.ts';
import { featureIds } from './learned/features.ts';
import { calibrated, type LinearModel, logits, sigmoid } from './learned/linear.ts';
import type { TextModel } from './model.ts';
import { tokenize } from './tokens.ts';
import { vader } from './vader/vader.ts';

export const EMOTIONS = [
  'anger',
  'disgust',
  'fear',
  'joy',
  'sadness',
  'surprise',
  'neutral',
  'frustration',
  'gratitude',
] as const;
export type Emotion = (typeof EMOTIONS)[number];
export type Emotions = Record<Emotion, number>;

/** How much the learned model's sentiment (in [−1, 1]) weighs, in VADER's units (a word is 1–3). */
export const LEARNED_WEIGHT = 2;
/** Below this VADER + cue sum, the lexicons have heard nothing. */
const SILENT = 0.05;
/** The learned model's calibrated score needed to count (0.5 = its tuned threshold). */
const LEARNED_MIN = 0.6;
const ALPHA = 15; // VADER's normalisation

export interface SentenceScore {
  score: number;
  /** The strongest feeling in the sentence, in [0, 1]. */
  intensity: number;
  /** null when emotions were not asked for. */
  emotions: Emotions | null;
  drivers: Driver[];
  /** Words behind each emotion scored 0.5 or more (filled when explaining emotions). */
  emotionDrivers: Partial<Record<Emotion, Driver[]>>;
}

interface Outputs {
  ekman: number[];
  /** Per Ekman emotion (and neutral), the fine outputs of its group. */
  members: number[][];
  positive: number;
  negative: number;
  annoyance: number;
  disappointment: number;
  gratitude: number;
}

const indexes = new WeakMap<LinearModel, Outputs>();
function outputsOf(model: LinearModel, groups: Record<string, string>): Outputs {
  let found = indexes.get(model);
  if (!found) {
    const at = (name: string) => {
      const i = model.outputs.indexOf(name);
      if (i < 0) throw new Error(`the text model has no output ${name}`);
      return i;
    };
    found = {
      ekman: EMOTIONS.slice(0, 7).map((e) => at(`ekman:${e}`)),
      members: EMOTIONS.slice(0, 7).map((e) =>
        Object.entries(groups)
          .filter(([, group]) => group === e)
          .map(([label]) => at(`fine:${label}`)),
      ),
      positive: at('sentiment:positive'),
      negative: at('sentiment:negative'),
      annoyance: at('fine:annoyance'),
      disappointment: at('fine:disappointment'),
      gratitude: at('fine:gratitude'),
    };
    indexes.set(model, found);
  }
  return found;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The learned model's outputs for a sentence, computed once and only when needed. */
function learnedView(model: LinearModel, text: string) {
  const tokens = tokenize(text);
  const ids = featureIds(tokens, model.vocab);
  const z = logits(model, ids);
  const norm = ids.length > 0 ? 1 / Math.sqrt(ids.length) : 0;
  return {
    tokens,
    p: (k: number) => calibrated(sigmoid(z[k]!), model.thresholds[k]!),
    /** The words that pushed output a (against b), weighed as in this sentence. */
    why: (a: number, b: number | null, limit: number) =>
      topTokens(model, tokens, a, b, limit).map((d) => ({ text: d.text, weight: round(d.weight * norm) })),
  };
}

/**
 * A sentence's sentiment, and (unless `withEmotions` is false) its emotions, explained. Without
 * emotions the learned model runs only when the lexicons heard nothing.
 */
export function scoreSentence(model: TextModel, sentence: string, withEmotions: boolean): SentenceScore {
  const { linear } = model;
  const o = outputsOf(linear, model.groups);
  let lower = sentence.toLowerCase();
  let text = sentence;
  if (lower.includes('thank') || lower.includes('regards') || lower.includes('thx')) {
    const stripped = sentence.replace(FORMULAS, ' ');
    if (stripped !== sentence) {
      text = stripped;
      lower = text.toLowerCase();
    }
  }
  let view: ReturnType<typeof learnedView> | null = null;
  const learnedOf = () => {
    view ??= learnedView(linear, text);
    return view;
  };

  const v = vader(text, model.lexicon);
  let sum = v.sum;
  const drivers: Driver[] = v.drivers.map((d) => ({ text: d.word.toLowerCase(), weight: round(d.valence) }));
  const fromCues: Partial<Record<CueEmotion, number>> = {};
  const cueDrivers: Partial<Record<CueEmotion, Driver[]>> = {};
  for (const { text: phrase, cue } of findCues(lower)) {
    sum += cue.valence;
    drivers.push({ text: phrase, weight: cue.valence });
    if (cue.emotion) {
      fromCues[cue.emotion] = Math.max(fromCues[cue.emotion] ?? 0, cue.strength ?? 0);
      cueDrivers[cue.emotion] = [
        ...(cueDrivers[cue.emotion] ?? []),
        { text: phrase, weight: cue.strength ?? 0 },
      ];
    }
  }
  // The learned model speaks when no word or phrase of the lexicons does (it hears "my parcel is
  // soaked through"); where they do, they are more precise than it, and they explain themselves.
  if (Math.abs(sum) < SILENT) {
    const { p, why } = learnedOf();
    const pos = p(o.positive);
    const neg = p(o.negative);
    const learned = (pos >= LEARNED_MIN ? pos : 0) - (neg >= LEARNED_MIN ? neg : 0);
    if (learned !== 0) {
      sum += LEARNED_WEIGHT * learned;
      const [a, b] = learned > 0 ? [o.positive, o.negative] : [o.negative, o.positive];
      const words = why(a, b, 2);
      for (const d of words)
        drivers.push({ text: d.text, weight: round((LEARNED_WEIGHT * learned) / words.length) });
    }
  }
  const score = sum / Math.sqrt(sum * sum + ALPHA);
  let strongest = 0;
  for (const cued of Object.values(fromCues)) strongest = Math.max(strongest, cued);
  if (!withEmotions)
    return {
      score,
      intensity: round(Math.max(Math.abs(score), strongest >= 0.5 ? strongest : 0)),
      emotions: null,
      drivers,
      emotionDrivers: {},
    };

  const { p, why } = learnedOf();
  // Each of Ekman's emotions (and neutral) from two views of the model, averaged: its own output,
  // and the strongest fine output of its group (anger ← anger, annoyance, disapproval).
  const ekman = (e: number) => {
    let fine = 0;
    for (const k of o.members[e]!) fine = Math.max(fine, p(k));
    return o.members[e]!.length ? (p(o.ekman[e]!) + fine) / 2 : p(o.ekman[e]!);
  };
  const raw = {} as Emotions;
  for (let e = 0; e < 6; e++)
    raw[EMOTIONS[e]!] = Math.max(ekman(e), fromCues[EMOTIONS[e] as CueEmotion] ?? 0);
  raw.frustration = Math.max(fromCues.frustration ?? 0, p(o.annoyance), 0.9 * p(o.disappointment));
  raw.gratitude = Math.max(fromCues.gratitude ?? 0, p(o.gratitude));
  // Neutral yields to what the cues heard (the model's own outputs already weigh neutral against
  // the emotions).
  raw.neutral = Math.min(ekman(6), 1 - strongest);
  for (let e = 0; e < 6; e++) strongest = Math.max(strongest, raw[EMOTIONS[e]!]);
  const emotions = {} as Emotions;
  for (const name of EMOTIONS) {
    emotions[name] = round(raw[name]);
    if (name !== 'neutral') strongest = Math.max(strongest, raw[name]);
  }

  const source: Record<Exclude<Emotion, 'neutral'>, number> = {
    anger: o.ekman[0]!,
    disgust: o.ekman[1]!,
    fear: o.ekman[2]!,
    joy: o.ekman[3]!,
    sadness: o.ekman[4]!,
    surprise: o.ekman[5]!,
    frustration: o.annoyance,
    gratitude: o.gratitude,
  };
  const emotionDrivers: SentenceScore['emotionDrivers'] = {};
  for (const name of EMOTIONS) {
    if (name === 'neutral' || emotions[name] < 0.5) continue;
    emotionDrivers[name] = [...(cueDrivers[name] ?? []), ...why(source[name], null, 3)].slice(0, 4);
  }
  return {
    score,
    intensity: round(Math.max(Math.abs(score), strongest >= 0.5 ? strongest : 0)),
    emotions,
    drivers,
    emotionDrivers,
  };
}
