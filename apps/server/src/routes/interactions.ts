import {
  correctInteraction,
  getInteraction,
  interaction,
  interactionCorrection,
  interactionCreate,
  interactionsQuery,
  listInteractions,
  logInteraction,
} from '@rapport/core';
import { READ, type Route, route, WRITE } from '../http/route.ts';
import { idParam, pageOf } from './schemas.ts';

export const interactionsRoutes: Route[] = [
  route({
    method: 'get',
    path: '/interactions',
    tag: 'Interactions',
    summary: 'List interactions, newest first, by person, company, user, channel or time',
    access: READ,
    query: interactionsQuery,
    response: { status: 200, schema: pageOf(interaction, 'InteractionsPage') },
    handler: ({ ctx, query }) => listInteractions(ctx, query),
  }),
  route({
    method: 'post',
    path: '/interactions',
    tag: 'Interactions',
    summary: 'Log an interaction (email, call, meeting, chat, …) on the timeline',
    access: WRITE,
    body: interactionCreate,
    response: { status: 201, schema: interaction },
    handler: ({ ctx, body }) => logInteraction(ctx, body),
  }),
  route({
    method: 'get',
    path: '/interactions/{id}',
    tag: 'Interactions',
    summary: 'Get an interaction',
    access: READ,
    params: idParam,
    response: { status: 200, schema: interaction },
    handler: ({ ctx, params }) => getInteraction(ctx, params.id),
  }),
  route({
    method: 'post',
    path: '/interactions/{id}/corrections',
    tag: 'Interactions',
    summary: 'Correct an interaction: a new entry that references it (the timeline is append-only)',
    access: WRITE,
    params: idParam,
    body: interactionCorrection,
    response: { status: 201, schema: interaction },
    handler: ({ ctx, params, body }) => correctInteraction(ctx, params.id, body),
  }),
];
