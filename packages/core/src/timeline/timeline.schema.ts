import { z } from 'zod';
import { caseEvent } from '../cases/cases.schema.ts';
import { interaction } from '../interactions/interactions.schema.ts';
import { note } from '../notes/notes.schema.ts';
import { order } from '../orders/orders.schema.ts';
import { promiseEvent } from '../promises/promises.schema.ts';
import { review } from '../reviews/reviews.schema.ts';
import { CHANNELS, isoDateTime, oneOrMany } from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';
import { surveyResponse } from '../surveys/surveys.schema.ts';

export const TIMELINE_KINDS = [
  'interaction',
  'order',
  'note',
  'review',
  'survey',
  'case',
  'promise',
] as const;

export const timelineEntry = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('interaction'), id: z.string(), at: isoDateTime, interaction }),
    z.object({ kind: z.literal('order'), id: z.string(), at: isoDateTime, order }),
    z.object({ kind: z.literal('note'), id: z.string(), at: isoDateTime, note }),
    z.object({ kind: z.literal('review'), id: z.string(), at: isoDateTime, review }),
    z.object({ kind: z.literal('survey'), id: z.string(), at: isoDateTime, response: surveyResponse }),
    z.object({ kind: z.literal('case'), id: z.string(), at: isoDateTime, caseEvent }),
    z.object({ kind: z.literal('promise'), id: z.string(), at: isoDateTime, promiseEvent }),
  ])
  .meta({ id: 'TimelineEntry' });

export const timelineQuery = z
  .strictObject({
    kind: oneOrMany(z.enum(TIMELINE_KINDS)).optional().describe('Only these kinds of entries.'),
    channel: oneOrMany(z.enum(CHANNELS)).optional().describe('Only interactions on these channels.'),
    until: isoDateTime.optional().describe('Only entries at or before this time (e.g. around an order).'),
    ...pageInput,
  })
  .meta({ id: 'TimelineQuery' });

export type TimelineEntry = z.infer<typeof timelineEntry>;
export type TimelineQuery = z.input<typeof timelineQuery>;

export const timelinePage = z
  .object({ data: z.array(timelineEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'TimelinePage' });
