import { search, searchQuery, searchResult } from '@rapport/core';
import { READ, type Route, route } from '../http/route.ts';

export const searchRoutes: Route[] = [
  route({
    method: 'get',
    path: '/search',
    tag: 'Search',
    summary: 'Jump to anything: people and companies by full text, orders by number',
    access: READ,
    query: searchQuery,
    response: { status: 200, schema: searchResult },
    handler: ({ ctx, query }) => search(ctx, query),
  }),
];
