import {
  type Ctx,
  companyFeelings,
  type FeelingsQuery,
  feelings,
  feelingsQuery,
  personFeelings,
} from '@rapport/core';
import { READ, type Route, route } from '../http/route.ts';
import { idParam } from './schemas.ts';

const description =
  'Every inbound text is analysed in the background (sentiment, nine emotions, the words behind ' +
  'them). `summary.score` is the mean score of the period with recent texts weighing more; ' +
  '`trend` compares the last 30 days with the 90 before; `moments` are the texts that went wrong; ' +
  '`cue` is what to know before contacting them (from the last 30–60 days), or null.';

/** GET /{records}/{id}/feelings: the same answer for a person and for a company. */
function feelingsRoute(
  records: 'people' | 'companies',
  summary: string,
  answer: (ctx: Ctx, id: string, query: FeelingsQuery) => Promise<unknown>,
): Route {
  return route({
    method: 'get',
    path: `/${records}/{id}/feelings`,
    tag: records === 'people' ? 'People' : 'Companies',
    summary,
    description,
    access: READ,
    params: idParam,
    query: feelingsQuery,
    response: { status: 200, schema: feelings },
    handler: ({ ctx, params, query }) => answer(ctx, params.id, query),
  });
}

export const feelingsRoutes: Route[] = [
  feelingsRoute(
    'people',
    'How a person has felt lately: summary, trend, timeline, moments that went wrong, empathy cue',
    personFeelings,
  ),
  feelingsRoute(
    'companies',
    'How a company and its people have felt lately (as for a person)',
    companyFeelings,
  ),
];
