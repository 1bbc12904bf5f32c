import { listThemes, themesAnswer, themesQuery } from '@rapport/core';
import { READ, type Route, route } from '../http/route.ts';

export const themesRoutes: Route[] = [
  route({
    method: 'get',
    path: '/themes',
    tag: 'Text',
    summary:
      'What customers talk about lately, what is rising, with sentiment and the texts behind each theme',
    description:
      'Themes are found in the texts themselves (inbound interactions, reviews and mentions, and survey comments of the last `days`), not taken from a list; each is compared with the `days` before (rate ratio of its share of texts, exact 95% interval). `viewId` narrows to a segment (a saved view of people).',
    access: READ,
    query: themesQuery,
    response: { status: 200, schema: themesAnswer },
    handler: ({ ctx, query }) => listThemes(ctx, query),
  }),
];
