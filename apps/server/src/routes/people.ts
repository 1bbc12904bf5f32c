import {
  createPerson,
  getPerson,
  listPeople,
  peopleQuery,
  person,
  personCreate,
  personDetail,
  personUpdate,
  updatePerson,
} from '@rapport/core';
import { READ, type Route, route, WRITE } from '../http/route.ts';
import { idParam, pageOf } from './schemas.ts';

export const peopleRoutes: Route[] = [
  route({
    method: 'get',
    path: '/people',
    tag: 'People',
    summary: 'List, search and filter people',
    description: 'Full-text `q`, exact filters, `custom.<key>=value`, `sort` and cursor paging.',
    access: READ,
    query: peopleQuery,
    response: { status: 200, schema: pageOf(person, 'PeoplePage') },
    handler: ({ ctx, query }) => listPeople(ctx, query),
  }),
  route({
    method: 'post',
    path: '/people',
    tag: 'People',
    summary: 'Create a person',
    access: WRITE,
    body: personCreate,
    response: { status: 201, schema: person },
    handler: ({ ctx, body }) => createPerson(ctx, body),
  }),
  route({
    method: 'get',
    path: '/people/{id}',
    tag: 'People',
    summary: 'Get a person with their company memberships',
    description:
      'A person merged into another answers 301 with the survivor in Location and error.mergedIntoId.',
    access: READ,
    params: idParam,
    response: { status: 200, schema: personDetail },
    handler: ({ ctx, params }) => getPerson(ctx, params.id),
  }),
  route({
    method: 'patch',
    path: '/people/{id}',
    tag: 'People',
    summary: 'Change a person',
    access: WRITE,
    params: idParam,
    body: personUpdate,
    response: { status: 200, schema: person },
    handler: ({ ctx, params, body }) => updatePerson(ctx, params.id, body),
  }),
];
