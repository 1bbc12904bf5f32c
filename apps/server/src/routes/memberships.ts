import {
  createMembership,
  deleteMembership,
  getMembership,
  listMembershipsOfCompany,
  listMembershipsOfPerson,
  membership,
  membershipCreate,
  membershipUpdate,
  updateMembership,
} from '@rapport/core';
import { READ, type Route, route, WRITE } from '../http/route.ts';
import { idParam, listOf } from './schemas.ts';

const memberships = listOf(membership, 'MembershipList');

export const membershipsRoutes: Route[] = [
  route({
    method: 'get',
    path: '/people/{id}/memberships',
    tag: 'Memberships',
    summary: "A person's companies, with role, level and function",
    access: READ,
    params: idParam,
    response: { status: 200, schema: memberships },
    handler: async ({ ctx, params }) => ({ data: await listMembershipsOfPerson(ctx, params.id) }),
  }),
  route({
    method: 'get',
    path: '/companies/{id}/memberships',
    tag: 'Memberships',
    summary: "A company's people, with role, level and function",
    access: READ,
    params: idParam,
    response: { status: 200, schema: memberships },
    handler: async ({ ctx, params }) => ({ data: await listMembershipsOfCompany(ctx, params.id) }),
  }),
  route({
    method: 'post',
    path: '/memberships',
    tag: 'Memberships',
    summary: 'Add a person to a company',
    access: WRITE,
    body: membershipCreate,
    response: { status: 201, schema: membership },
    handler: ({ ctx, body }) => createMembership(ctx, body),
  }),
  route({
    method: 'get',
    path: '/memberships/{id}',
    tag: 'Memberships',
    summary: 'Get a membership',
    access: READ,
    params: idParam,
    response: { status: 200, schema: membership },
    handler: ({ ctx, params }) => getMembership(ctx, params.id),
  }),
  route({
    method: 'patch',
    path: '/memberships/{id}',
    tag: 'Memberships',
    summary: "Change a person's role, level or function at a company",
    access: WRITE,
    params: idParam,
    body: membershipUpdate,
    response: { status: 200, schema: membership },
    handler: ({ ctx, params, body }) => updateMembership(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/memberships/{id}',
    tag: 'Memberships',
    summary: 'Remove a person from a company',
    access: WRITE,
    params: idParam,
    response: { status: 204, schema: null },
    handler: ({ ctx, params }) => deleteMembership(ctx, params.id),
  }),
];
