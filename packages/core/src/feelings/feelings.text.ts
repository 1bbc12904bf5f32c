import { analyzeText, type Emotion, type Emotions, type TextAnalysis, textModel } from '@rapport/models';
import { newId } from '../shared/ids.ts';
import type { FeelingRow } from './feelings.repo.ts';
import type { FeelingTopic } from './feelings.schema.ts';
import { topicOf } from './feelings.topics.ts';

// One customer text → what the feelings table keeps of it (pure: no database).

const NEGATIVE: readonly Emotion[] = ['anger', 'frustration', 'disgust', 'sadness', 'fear'];
const POSITIVE: readonly Emotion[] = ['gratitude', 'joy'];
const MOMENT_CHARS = 240;

export interface AnalysedText {
  label: 'positive' | 'negative' | 'neutral';
  score: number;
  intensity: number;
  emotions: Emotions;
  topEmotion: Emotion;
  explanation: TextAnalysis['explanation'];
  topic: FeelingTopic | null;
  moment: string;
}

/** The version of the text model: a feeling analysed by another is analysed again by the sweep. */
export const modelVersion = () => textModel().about.built;

/**
 * The strongest emotion present (0.5 or more) that agrees with the text's sentiment: on a
 * negative text anger before a surprise that scored as high; on a positive one gratitude, else
 * joy (thanks say more than pleasure); else the strongest present; else neutral.
 */
export function topEmotionOf(label: AnalysedText['label'], emotions: Emotions): Emotion {
  const strongest = (names: readonly Emotion[]) =>
    names
      .filter((name) => emotions[name] >= 0.5)
      .reduce<Emotion | null>((best, name) => (best && emotions[best] >= emotions[name] ? best : name), null);
  const agreeing =
    label === 'negative'
      ? strongest(NEGATIVE)
      : label === 'positive'
        ? (strongest(['gratitude']) ?? strongest(['joy']))
        : null;
  return agreeing ?? strongest([...NEGATIVE, ...POSITIVE, 'surprise']) ?? 'neutral';
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MOMENT_CHARS) return flat;
  const cut = flat.slice(0, MOMENT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MOMENT_CHARS - 40))}…`;
}

/** The sentence that carries the feeling: the worst of a negative text, the best of a positive one. */
function momentOf(analysis: TextAnalysis, whole: string): string {
  const sentences = analysis.sentences ?? [];
  if (sentences.length === 0) return excerpt(whole);
  const sign = analysis.sentiment.label === 'positive' ? 1 : -1;
  const pick = sentences.reduce((best, s) =>
    s.sentiment.score * sign > best.sentiment.score * sign ? s : best,
  );
  return excerpt(analysis.sentiment.label === 'neutral' ? sentences[0]!.text : pick.text);
}

/** The words behind the label and the top emotion, strongest first. */
export function driversOf(
  explanation: TextAnalysis['explanation'],
  label: AnalysedText['label'],
  top: Emotion,
): { text: string; weight: number }[] {
  const sentiment = explanation.sentiment.filter((d) =>
    label === 'negative' ? d.weight < 0 : label === 'positive' ? d.weight > 0 : true,
  );
  const emotion = top === 'neutral' ? [] : (explanation.emotions?.[top] ?? []);
  const seen = new Set<string>();
  return [...sentiment, ...emotion]
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .filter((d) => !seen.has(d.text) && !!seen.add(d.text))
    .slice(0, 6);
}

/** Analyses what the customer wrote: the subject (when there is one) and the body. */
export function analyseCustomerText(subject: string | null, body: string | null): AnalysedText {
  const whole = [subject, body].filter((part) => part?.trim()).join('\n\n');
  const analysis = analyzeText(textModel(), whole);
  const emotions = analysis.emotions!;
  const label = analysis.sentiment.label;
  const topEmotion = topEmotionOf(label, emotions);
  const moment = momentOf(analysis, whole);
  const drivers = driversOf(analysis.explanation, label, topEmotion).map((d) => d.text);
  return {
    label,
    score: analysis.sentiment.score,
    intensity: analysis.sentiment.intensity,
    emotions,
    topEmotion,
    explanation: analysis.explanation,
    topic: topicOf({ drivers, subject, moment }),
    moment,
  };
}

/** The feelings row of an analysed text (replacing any earlier analysis of the same subject). */
export function feelingRow(
  ctx: { workspaceId: string; clock: { now(): Date } },
  subject: { type: FeelingRow['subject_type']; id: string; occurredAt: Date },
  who: { personId: string | null; companyId: string | null },
  a: AnalysedText,
): FeelingRow {
  return {
    id: newId('feeling'),
    workspace_id: ctx.workspaceId,
    subject_type: subject.type,
    subject_id: subject.id,
    person_id: who.personId,
    company_id: who.companyId,
    occurred_at: subject.occurredAt,
    label: a.label,
    score: a.score,
    intensity: a.intensity,
    emotions: { ...a.emotions },
    top_emotion: a.topEmotion,
    explanation: a.explanation,
    topic: a.topic,
    moment: a.moment,
    model: modelVersion(),
    analysed_at: ctx.clock.now(),
  };
}
