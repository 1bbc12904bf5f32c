import { eventPage, eventsQuery, listEvents, personEvents, personEventsQuery } from '@rapport/core';
import { READ, type Route, route } from '../http/route.ts';
import { idParam } from './schemas.ts';

export const eventsRoutes: Route[] = [
  route({
    method: 'get',
    path: '/events',
    tag: 'Events',
    summary: 'What tracking SDKs sent lately, newest first: of one source, or of all',
    access: READ,
    query: eventsQuery,
    response: { status: 200, schema: eventPage },
    handler: ({ ctx, query }) => listEvents(ctx, query),
  }),
  route({
    method: 'get',
    path: '/people/{id}/events',
    tag: 'People',
    summary: "A person's tracked events (track, page, screen, identify, …), newest first",
    description: 'Filter by `type` (repeatable) and by `name` (a track event’s or a page’s name).',
    access: READ,
    params: idParam,
    query: personEventsQuery,
    response: { status: 200, schema: eventPage },
    handler: ({ ctx, params, query }) => personEvents(ctx, params.id, query),
  }),
];
