import { EMOTIONS } from '@rapport/models';
import { z } from 'zod';
import { isoDateTime } from '../shared/fields.ts';

/** What a feeling is about: an inbound interaction, a review or social mention, a survey answer's comment. */
export const FEELING_SUBJECTS = ['interaction', 'review', 'survey_answer'] as const;
export const TRENDS = ['improving', 'worsening', 'steady'] as const;
/** What customer texts are about, as the empathy cue names it (feelings.topics.ts). */
export const FEELING_TOPICS = ['delivery', 'billing', 'quality', 'support', 'price', 'product'] as const;
export type FeelingTopic = (typeof FEELING_TOPICS)[number];

export const feelingsQuery = z
  .strictObject({
    days: z.coerce
      .number()
      .int()
      .min(1)
      .max(3650)
      .default(180)
      .describe('How far back the summary, timeline and moments reach (default 180 days).'),
  })
  .meta({ id: 'FeelingsQuery' });

const label = z.enum(['positive', 'negative', 'neutral']);
const emotion = z.enum(EMOTIONS);
const driver = z.object({ text: z.string(), weight: z.number() });

export const feelingPoint = z
  .object({
    at: isoDateTime.describe('When the customer wrote it.'),
    subjectType: z.enum(FEELING_SUBJECTS),
    subjectId: z.string().describe('The interaction (int_…) it was written in.'),
    label,
    score: z.number().min(-1).max(1),
    topEmotion: emotion.describe('The strongest emotion present (0.5 or more), or neutral.'),
    emotions: z.record(z.string(), z.number()).describe('The nine emotions, each 0–1.'),
    moment: z.string().describe('The worst sentence of a long text, or an excerpt of a short one.'),
  })
  .meta({ id: 'FeelingPoint' });

export const feelingMoment = feelingPoint
  .extend({
    topic: z.enum(FEELING_TOPICS).nullable().describe('What it was about, when the words say so.'),
    drivers: z.array(driver).describe('The words and phrases that drove the score and the emotion.'),
  })
  .meta({ id: 'FeelingMoment' });

export const feelings = z
  .object({
    summary: z.object({
      label,
      score: z
        .number()
        .nullable()
        .describe(
          'Mean score of the texts, recent ones weighing more (half-life 30 days); null without texts.',
        ),
      trend: z.enum(TRENDS).describe('The last 30 days against the 90 days before them.'),
      change: z.number().nullable().describe('Mean score of the last 30 days minus that of the 90 before.'),
      texts: z.number().int(),
      emotions: z
        .array(z.object({ emotion, count: z.number().int() }))
        .describe('The dominant emotions: how many texts each was the strongest in, most first.'),
    }),
    timeline: z
      .array(feelingPoint)
      .describe('Every analysed text of the period, oldest first (at most 500).'),
    moments: z
      .array(feelingMoment)
      .max(5)
      .describe('The texts that went wrong (most negative, angry or frustrated), newest first.'),
    cue: z
      .string()
      .nullable()
      .describe('What whoever contacts them next should know first (from the last 30–60 days), or null.'),
  })
  .meta({ id: 'Feelings' });

export type FeelingsQuery = z.input<typeof feelingsQuery>;
export type Feelings = z.infer<typeof feelings>;
export type FeelingPoint = z.infer<typeof feelingPoint>;
export type FeelingMoment = z.infer<typeof feelingMoment>;
