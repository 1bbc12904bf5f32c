import { EMOTIONS } from '@rapport/models';
import { z } from 'zod';

export const MAX_TEXTS = 1000;

export const textAnalyzeInput = z
  .strictObject({
    texts: z
      .array(
        z
          .string()
          .describe(
            'A text as the customer wrote it: plain, an email (quoted replies and signatures are ignored) or HTML.',
          ),
      )
      .min(1)
      .max(MAX_TEXTS)
      .describe(`Up to ${MAX_TEXTS} texts; the answer lists their analyses in the same order.`),
    emotions: z
      .boolean()
      .default(true)
      .describe('false: sentiment and its explanation only (several times faster).'),
  })
  .meta({ id: 'TextAnalyzeInput' });

const driver = z
  .object({
    text: z.string().describe('A word or phrase of the text (lower case); "not happy" for a negated word.'),
    weight: z.number().describe('Its push: signed valence for sentiment, strength for an emotion.'),
  })
  .meta({ id: 'TextDriver' });

const label = z.enum(['positive', 'negative', 'neutral']);
const emotionName = z.enum(EMOTIONS);
const emotions = z
  .object(
    Object.fromEntries(EMOTIONS.map((e) => [e, z.number().min(0).max(1)])) as Record<
      (typeof EMOTIONS)[number],
      z.ZodNumber
    >,
  )
  .describe('Each emotion in [0, 1]; 0.5 and above means present.');

export const textAnalysis = z
  .object({
    sentiment: z.object({
      label,
      score: z.number().min(-1).max(1).describe('−1 … 1; ≥ 0.05 positive, ≤ −0.05 negative.'),
      intensity: z.number().min(0).max(1).describe('The strongest feeling anywhere in the text.'),
    }),
    emotions: emotions.optional(),
    explanation: z.object({
      sentiment: z.array(driver).describe('The words and phrases behind the score.'),
      emotions: z
        .partialRecord(emotionName, z.array(driver))
        .optional()
        .describe('Per present emotion, what showed it.'),
    }),
    sentences: z
      .array(
        z.object({
          text: z.string(),
          start: z.number().int(),
          end: z.number().int(),
          sentiment: z.object({ label, score: z.number() }),
          emotion: emotionName.optional(),
        }),
      )
      .optional()
      .describe('For a long text, each sentence: the moments that went wrong are here.'),
    removed: z.array(z.enum(['html', 'quote', 'signature', 'disclaimer', 'forward-header'])).optional(),
    truncated: z.boolean().optional().describe('The text was analysed up to its first 20,000 characters.'),
    warning: z.string().optional(),
  })
  .meta({ id: 'TextAnalysis' });

export const textAnalyses = z.object({ data: z.array(textAnalysis) }).meta({ id: 'TextAnalyses' });

export type TextAnalyzeInput = z.infer<typeof textAnalyzeInput>;
