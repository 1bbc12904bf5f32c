import {
  companyValue,
  customerValue,
  dashboardQuery,
  getValueDashboard,
  getValueSettings,
  personValue,
  recomputeResult,
  recomputeValueNow,
  updateValueSettings,
  valueDashboard,
  valueSettings,
  valueSettingsUpdate,
} from '@rapport/core';
import { ADMIN, MANAGE, READ, type Route, route } from '../http/route.ts';
import { idParam } from './schemas.ts';

const figures =
  'RFM scores, P(alive), expected purchases in 90 and 365 days, expected spend per purchase, ' +
  'discounted CLV, churn risk and the health score with its reasons, recomputed in the background ' +
  'after orders and nightly; `healthHistory` has a point for each day they moved (health by a point, ' +
  'P(alive) by 0.01 or CLV by 1%; a point holds until the next); `fit` is the ' +
  'model fit they come from. `figures` is null for a customer without a paid order in the ' +
  'workspace currency (or of the other customer unit).';

export const valueRoutes: Route[] = [
  route({
    method: 'get',
    path: '/value/settings',
    tag: 'Value',
    summary:
      'The workspace value settings: customer unit, model, CLV horizon, discount rate, margin, currency',
    access: READ,
    response: { status: 200, schema: valueSettings },
    handler: ({ ctx }) => getValueSettings(ctx),
  }),
  route({
    method: 'patch',
    path: '/value/settings',
    tag: 'Value',
    summary: 'Change the value settings (admins); the figures are recomputed in the background',
    access: ADMIN,
    body: valueSettingsUpdate,
    response: { status: 200, schema: valueSettings },
    handler: ({ ctx, body }) => updateValueSettings(ctx, body),
  }),
  route({
    method: 'post',
    path: '/value/recompute',
    tag: 'Value',
    summary: 'Recompute every customer’s figures now and answer the fit',
    description:
      'Runs in the request (synchronous): seconds for thousands of customers; a workspace of a million ' +
      'customers takes about a minute on a PostgreSQL server (docs/benchmarks.md), so let the background ' +
      'job do those (after orders and nightly at 02:00 UTC).',
    access: MANAGE,
    response: { status: 200, schema: recomputeResult },
    handler: ({ ctx }) => recomputeValueNow(ctx),
  }),
  route({
    method: 'get',
    path: '/value/dashboard',
    tag: 'Value',
    summary:
      'The value dashboard: CLV distribution and by segment, quadrants, cohorts, repeat rate, holdout tracking, health over time',
    description: 'With `viewId`, the distribution, quadrants and health over time of that saved view only.',
    access: READ,
    query: dashboardQuery,
    response: { status: 200, schema: valueDashboard },
    handler: ({ ctx, query }) => getValueDashboard(ctx, query),
  }),
  route({
    method: 'get',
    path: '/people/{id}/value',
    tag: 'People',
    summary: 'A person’s customer value: figures, RFM, health with reasons, health history, the fit',
    description: figures,
    access: READ,
    params: idParam,
    response: { status: 200, schema: customerValue },
    handler: ({ ctx, params }) => personValue(ctx, params.id),
  }),
  route({
    method: 'get',
    path: '/companies/{id}/value',
    tag: 'Companies',
    summary: 'A company’s customer value: figures, RFM, health with reasons, health history, the fit',
    description: figures,
    access: READ,
    params: idParam,
    response: { status: 200, schema: customerValue },
    handler: ({ ctx, params }) => companyValue(ctx, params.id),
  }),
];
