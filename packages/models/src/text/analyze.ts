/**
 * Sentiment and emotions of a customer text, explained. A text is cleaned first (markup, quoted
 * replies, signatures, disclaimers: not what the customer wrote now), split into sentences, each
 * scored (sentence.ts), and the sentences combined so that strong ones count more than flat ones
 * and negative ones more than positive ones: a long polite email with one angry paragraph reads as
 * negative, as a person reading it would feel it. An emotion present in any sentence is present in
 * the text.
 */
import { cleanText, type Removed } from './clean.ts';
import type { Driver } from './explain.ts';
import type { TextModel } from './model.ts';
import { EMOTIONS, type Emotion, type Emotions, type SentenceScore, scoreSentence } from './sentence.ts';
import { splitSentences } from './sentences.ts';

export type { Driver } from './explain.ts';
export { EMOTIONS, type Emotion, type Emotions } from './sentence.ts';

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

export interface SentenceAnalysis {
  text: string;
  /** Offsets in the cleaned text. */
  start: number;
  end: number;
  sentiment: { label: SentimentLabel; score: number };
  /** Its strongest emotion scored 0.5 or more, else neutral (when emotions were asked for). */
  emotion?: Emotion;
}

export interface TextAnalysis {
  sentiment: { label: SentimentLabel; score: number; intensity: number };
  /** Present unless emotions were turned off. */
  emotions?: Emotions;
  explanation: { sentiment: Driver[]; emotions?: Partial<Record<Emotion, Driver[]>> };
  /** For a text of several sentences: each one (the moments that went wrong are here). */
  sentences?: SentenceAnalysis[];
  /** What cleaning took out, and whether the text was cut at the length limit. */
  removed?: Removed[];
  truncated?: boolean;
  /** Why a non-empty text had nothing to analyse (binary data, only quotes or markup). */
  warning?: string;
}

export interface AnalyzeOptions {
  /** Emotions and their explanation (default true); without them sentiment costs a fraction. */
  emotions?: boolean;
}

/** VADER's rule: ≥ 0.05 positive, ≤ −0.05 negative. */
export const labelOf = (score: number): SentimentLabel =>
  score >= 0.05 ? 'positive' : score <= -0.05 ? 'negative' : 'neutral';

const round = (n: number) => Math.round(n * 10000) / 10000;
/** Texts up to this length on one line are scored whole. */
const WHOLE = Number(process.env.RAPPORT_TEXT_WHOLE ?? 280);
/** How much more a negative sentence weighs than a positive one of the same strength. */
const NEGATIVITY = 2;

function neutral(withEmotions: boolean): TextAnalysis {
  const sentiment = { label: 'neutral' as const, score: 0, intensity: 0 };
  if (!withEmotions) return { sentiment, explanation: { sentiment: [] } };
  const emotions = Object.fromEntries(EMOTIONS.map((e) => [e, e === 'neutral' ? 1 : 0])) as Emotions;
  return { sentiment, emotions, explanation: { sentiment: [], emotions: {} } };
}

function strongest(emotions: Emotions): Emotion {
  let best: Emotion = 'neutral';
  for (const name of EMOTIONS)
    if (
      name !== 'neutral' &&
      emotions[name] >= 0.5 &&
      emotions[name] > (best === 'neutral' ? 0 : emotions[best])
    )
      best = name;
  return best;
}

export function analyzeText(model: TextModel, input: string, options: AnalyzeOptions = {}): TextAnalysis {
  const withEmotions = options.emotions ?? true;
  const cleaned = cleanText(input);
  const extra: Pick<TextAnalysis, 'removed' | 'truncated'> = {};
  if (cleaned.removed.length > 0) extra.removed = cleaned.removed;
  if (cleaned.truncated) extra.truncated = true;
  // A short text is scored whole, as VADER scores a tweet (its rules work across sentences);
  // a long one sentence by sentence, so that one angry paragraph is not averaged away.
  const parts =
    cleaned.text.length <= WHOLE && !cleaned.text.includes('\n')
      ? cleaned.text.trim()
        ? [{ text: cleaned.text, start: 0, end: cleaned.text.length }]
        : []
      : splitSentences(cleaned.text);
  if (parts.length === 0) {
    const result = { ...neutral(withEmotions), ...extra };
    if (input.trim() !== '')
      result.warning =
        'Nothing readable was left after removing markup, quoted replies, signatures or binary data.';
    return result;
  }
  const scored = parts.map((part) => scoreSentence(model, part.text, withEmotions));
  if (scored.length === 1) return { ...fromOne(scored[0]!, withEmotions), ...extra };

  let weighted = 0;
  let weights = 0;
  for (const s of scored) {
    const w = (0.5 + Math.abs(s.score)) * (s.score < 0 ? NEGATIVITY : 1);
    weighted += w * s.score;
    weights += w;
  }
  const score = weighted / weights;
  const emotions = {} as Emotions;
  if (withEmotions)
    for (const name of EMOTIONS)
      emotions[name] =
        name === 'neutral'
          ? Math.min(...scored.map((s) => s.emotions!.neutral))
          : Math.max(...scored.map((s) => s.emotions![name]));
  const drivers = scored
    .flatMap((s) => s.drivers)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, 8);
  const explained: TextAnalysis['explanation']['emotions'] = {};
  if (withEmotions)
    for (const name of EMOTIONS) {
      const top = scored.reduce((best, s) => (s.emotions![name] > best.emotions![name] ? s : best));
      const why = top.emotionDrivers[name];
      if (why) explained[name] = why;
    }
  return {
    sentiment: {
      label: labelOf(score),
      score: round(score),
      intensity: Math.max(...scored.map((s) => s.intensity)),
    },
    ...(withEmotions ? { emotions } : {}),
    explanation: withEmotions ? { sentiment: drivers, emotions: explained } : { sentiment: drivers },
    sentences: parts.map((part, i) => ({
      text: part.text,
      start: part.start,
      end: part.end,
      sentiment: { label: labelOf(scored[i]!.score), score: round(scored[i]!.score) },
      ...(withEmotions ? { emotion: strongest(scored[i]!.emotions!) } : {}),
    })),
    ...extra,
  };
}

function fromOne(s: SentenceScore, withEmotions: boolean): TextAnalysis {
  const sentiment = { label: labelOf(s.score), score: round(s.score), intensity: s.intensity };
  if (!withEmotions) return { sentiment, explanation: { sentiment: s.drivers } };
  return {
    sentiment,
    emotions: s.emotions!,
    explanation: { sentiment: s.drivers, emotions: s.emotionDrivers },
  };
}
