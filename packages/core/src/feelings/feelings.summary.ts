import { type Emotion, labelOf, type TextAnalysis } from '@rapport/models';
import { empathyCue } from './feelings.cue.ts';
import type { FeelingRow } from './feelings.repo.ts';
import type { FeelingMoment, FeelingPoint, Feelings, FeelingTopic } from './feelings.schema.ts';
import { driversOf } from './feelings.text.ts';

// From a customer's stored feelings to what the API answers (pure: no database).

const DAY = 86_400_000;
/** A text's weight in the summary score halves every 30 days. */
const HALF_LIFE_DAYS = 30;
/** The trend compares the last 30 days with the 90 before them. */
export const TREND_RECENT_DAYS = 30;
export const TREND_BEFORE_DAYS = 90;
/** A change of mean score this large is a trend; smaller ones are steady. */
const TREND_STEP = 0.15;
const MAX_TIMELINE = 500;
const MAX_MOMENTS = 5;

const round = (n: number) => Math.round(n * 1000) / 1000;
const mean = (values: number[]) =>
  values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;

export function point(row: FeelingRow): FeelingPoint {
  return {
    at: row.occurred_at.toISOString(),
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    label: row.label,
    score: row.score,
    topEmotion: row.top_emotion as Emotion,
    emotions: row.emotions,
    moment: row.moment,
  };
}

export function moment(row: FeelingRow): FeelingMoment {
  return {
    ...point(row),
    topic: row.topic as FeelingTopic | null,
    drivers: driversOf(row.explanation as TextAnalysis['explanation'], row.label, row.top_emotion as Emotion),
  };
}

/** How badly a text went: its negativity plus its strongest anger, frustration or disgust. */
const badness = (row: FeelingRow) =>
  -row.score + Math.max(row.emotions.anger ?? 0, row.emotions.frustration ?? 0, row.emotions.disgust ?? 0);

/** `rows`: the customer's feelings of at least the last max(days, 120) days, any order. */
export function summarise(rows: readonly FeelingRow[], now: Date, days: number): Feelings {
  const age = (row: FeelingRow) => (now.getTime() - row.occurred_at.getTime()) / DAY;
  const inWindow = rows
    .filter((row) => age(row) <= days)
    .sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime() || a.id.localeCompare(b.id));

  let weighted = 0;
  let weights = 0;
  for (const row of inWindow) {
    const weight = 0.5 ** (Math.max(0, age(row)) / HALF_LIFE_DAYS);
    weighted += weight * row.score;
    weights += weight;
  }
  const score = weights > 0 ? round(weighted / weights) : null;

  const recent = mean(rows.filter((row) => age(row) <= TREND_RECENT_DAYS).map((row) => row.score));
  const before = mean(
    rows
      .filter((row) => age(row) > TREND_RECENT_DAYS && age(row) <= TREND_RECENT_DAYS + TREND_BEFORE_DAYS)
      .map((row) => row.score),
  );
  const change = recent !== null && before !== null ? round(recent - before) : null;
  const trend =
    change === null || Math.abs(change) < TREND_STEP ? 'steady' : change > 0 ? 'improving' : 'worsening';

  const counts = new Map<Emotion, number>();
  for (const row of inWindow)
    if (row.top_emotion !== 'neutral')
      counts.set(row.top_emotion as Emotion, (counts.get(row.top_emotion as Emotion) ?? 0) + 1);

  const moments = inWindow
    .filter((row) => row.label === 'negative')
    .sort((a, b) => badness(b) - badness(a))
    .slice(0, MAX_MOMENTS)
    .sort((a, b) => b.occurred_at.getTime() - a.occurred_at.getTime())
    .map(moment);

  return {
    summary: {
      label: score === null ? 'neutral' : labelOf(score),
      score,
      trend,
      change,
      texts: inWindow.length,
      emotions: [...counts]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([emotion, count]) => ({ emotion, count })),
    },
    timeline: inWindow.slice(-MAX_TIMELINE).map(point),
    moments,
    cue: empathyCue(rows, now),
  };
}
