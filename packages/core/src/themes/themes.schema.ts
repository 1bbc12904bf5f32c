import { z } from 'zod';

export const themesQuery = z
  .strictObject({
    days: z.coerce
      .number()
      .int()
      .min(1)
      .max(366)
      .default(30)
      .describe('The period: the last N days, compared with the N days before.'),
    viewId: z.string().optional().describe('A segment: a saved view of the people list; only their texts.'),
    limit: z.coerce.number().int().min(1).max(50).default(20).describe('At most this many themes.'),
  })
  .meta({ id: 'ThemesQuery' });

const period = z.object({ from: z.string(), to: z.string(), texts: z.number().int() });

export const themeText = z
  .object({
    kind: z
      .enum(['interaction', 'review', 'survey'])
      .describe(
        'Where the text is: an inbound interaction, a review or mention, or a survey answer’s comment.',
      ),
    id: z.string(),
    personId: z.string().nullable(),
    at: z.string(),
    excerpt: z.string().describe('The text, cut at 280 characters.'),
    score: z.number().describe('Its sentiment, −1 … 1.'),
  })
  .meta({ id: 'ThemeText' });

export const theme = z
  .object({
    name: z.string().describe('The word, or the phrase that carries it ("oat milk").'),
    phrases: z.array(z.object({ text: z.string(), count: z.number().int() })),
    current: z.number().int().describe('Texts of this period that mention it.'),
    previous: z.number().int().describe('Texts of the period before.'),
    change: z
      .object({
        ratio: z
          .number()
          .describe('Its share of this period’s texts over its share of the previous period’s.'),
        low: z.number(),
        high: z
          .number()
          .nullable()
          .describe('The exact 95% interval of the ratio; high null: unbounded (absent before).'),
        trend: z.enum(['rising', 'falling', 'steady']).describe('Rising when the whole interval is above 1.'),
      })
      .nullable(),
    sentiment: z.object({ mean: z.number(), negativeShare: z.number() }).nullable(),
    texts: z.array(themeText).describe('The texts of this period behind it, newest first (up to 50).'),
  })
  .meta({ id: 'Theme' });

export const themesAnswer = z
  .object({
    current: period,
    previous: period,
    segment: z.object({ id: z.string(), name: z.string(), people: z.number().int() }).nullable(),
    sampled: z.boolean().describe('A period had more texts than are read (the newest 5,000 were).'),
    themes: z.array(theme),
  })
  .meta({ id: 'Themes' });

export type ThemesQuery = z.input<typeof themesQuery>;
export type ThemesAnswer = z.output<typeof themesAnswer>;
