import {
  createCustomField,
  customField,
  customFieldCreate,
  customFieldUpdate,
  deleteCustomField,
  ENTITIES,
  listCustomFields,
  updateCustomField,
} from '@rapport/core';
import { z } from 'zod';
import { ADMIN, READ, type Route, route } from '../http/route.ts';
import { idParam, listOf } from './schemas.ts';

export const customFieldsRoutes: Route[] = [
  route({
    method: 'get',
    path: '/custom-fields',
    tag: 'Custom fields',
    summary: 'The custom fields defined for people and companies',
    access: READ,
    query: z.strictObject({ entity: z.enum(ENTITIES).optional() }),
    response: { status: 200, schema: listOf(customField, 'CustomFieldList') },
    handler: async ({ ctx, query }) => ({ data: await listCustomFields(ctx, query.entity) }),
  }),
  route({
    method: 'post',
    path: '/custom-fields',
    tag: 'Custom fields',
    summary: 'Define a custom field',
    access: ADMIN,
    body: customFieldCreate,
    response: { status: 201, schema: customField },
    handler: ({ ctx, body }) => createCustomField(ctx, body),
  }),
  route({
    method: 'patch',
    path: '/custom-fields/{id}',
    tag: 'Custom fields',
    summary: "Change a custom field's label, options, requiredness or position",
    access: ADMIN,
    params: idParam,
    body: customFieldUpdate,
    response: { status: 200, schema: customField },
    handler: ({ ctx, params, body }) => updateCustomField(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/custom-fields/{id}',
    tag: 'Custom fields',
    summary: 'Delete a custom field and its values',
    access: ADMIN,
    params: idParam,
    response: { status: 204, schema: null },
    handler: ({ ctx, params }) => deleteCustomField(ctx, params.id),
  }),
];
