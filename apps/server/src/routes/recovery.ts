import {
  getRecoveryOutcomes,
  getResolutionTimes,
  getRootCausePareto,
  recoveryCasesQuery,
  recoveryOutcomes,
  recoveryQuery,
  resolutionTimes,
  rootCausePareto,
} from '@rapport/core';
import { READ, type Route, route } from '../http/route.ts';

const period =
  'Cases opened in the period: `period` (default 365 days) up to now, or `since` (and `until`), UTC days.';

export const recoveryRoutes: Route[] = [
  route({
    method: 'get',
    path: '/recovery/outcomes',
    tag: 'Recovery',
    summary:
      'Service recovery: repurchase, NPS and CLV change over 90 and 180 days after a complaint, by how it was handled, against customers who never complained',
    description:
      `${period} Groups: the customer's first complaint of the period resolved within SLA and rated satisfied ` +
      '(CSAT 4–5), resolved but unsatisfied or late, still unresolved; and a deterministic sample of up to ' +
      '10,000 customers with an order in the period and no complaint ever (from their first order of the ' +
      'period); a larger complaint group is measured on a deterministic sample of 10,000. Each window counts only customers whose window has ended. Intervals: exact Clopper–Pearson ' +
      '(rates), normal on the promoter − detractor difference (NPS), Student t (mean CLV change). See docs/cases.md.',
    access: READ,
    query: recoveryQuery,
    response: { status: 200, schema: recoveryOutcomes },
    handler: ({ ctx, query }) => getRecoveryOutcomes(ctx, query),
  }),
  route({
    method: 'get',
    path: '/recovery/root-causes',
    tag: 'Recovery',
    summary:
      'Recurring root causes ranked (Pareto: counts, cumulative share) with their trend against the previous period',
    description: period,
    access: READ,
    query: recoveryCasesQuery,
    response: { status: 200, schema: rootCausePareto },
    handler: ({ ctx, query }) => getRootCausePareto(ctx, query),
  }),
  route({
    method: 'get',
    path: '/recovery/times',
    tag: 'Recovery',
    summary: 'Time to acknowledge and to resolve: histograms, median and 90th percentile (clock hours)',
    description: period,
    access: READ,
    query: recoveryCasesQuery,
    response: { status: 200, schema: resolutionTimes },
    handler: ({ ctx, query }) => getResolutionTimes(ctx, query),
  }),
];
