import {
  createWebhook,
  deleteWebhook,
  deliveriesQuery,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  replayWebhookDelivery,
  rotateWebhookSecret,
  updateWebhook,
  webhook,
  webhookCreate,
  webhookDelivery,
  webhookUpdate,
  webhookWithSecret,
} from '@rapport/core';
import { z } from 'zod';
import { ADMIN, type Route, route } from '../http/route.ts';
import { idParam, listOf, pageOf } from './schemas.ts';

const tag = 'Webhooks';
const deliveryParams = idParam.extend({ deliveryId: z.string().min(1).max(100) });

export const webhooksRoutes: Route[] = [
  route({
    method: 'get',
    path: '/webhooks',
    tag,
    summary: 'The webhook subscriptions of this workspace (never their secrets)',
    access: ADMIN,
    response: { status: 200, schema: listOf(webhook, 'WebhookList') },
    handler: async ({ ctx }) => ({ data: await listWebhooks(ctx) }),
  }),
  route({
    method: 'post',
    path: '/webhooks',
    tag,
    summary: 'Subscribe a URL to events; the signing secret is shown once, in this answer',
    description:
      'Deliveries are POSTed as `{ type, timestamp, data }` and signed per Standard Webhooks ' +
      '(webhook-id, webhook-timestamp, webhook-signature). A 2xx answer within 15 s is a success; ' +
      'otherwise the delivery is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h.',
    access: ADMIN,
    body: webhookCreate,
    response: { status: 201, schema: webhookWithSecret },
    handler: ({ ctx, body }) => createWebhook(ctx, body),
  }),
  route({
    method: 'get',
    path: '/webhooks/{id}',
    tag,
    summary: 'A webhook subscription',
    access: ADMIN,
    params: idParam,
    response: { status: 200, schema: webhook },
    handler: ({ ctx, params }) => getWebhook(ctx, params.id),
  }),
  route({
    method: 'patch',
    path: '/webhooks/{id}',
    tag,
    summary: 'Change the URL, events or description of a subscription, or enable or disable it',
    access: ADMIN,
    params: idParam,
    body: webhookUpdate,
    response: { status: 200, schema: webhook },
    handler: ({ ctx, params, body }) => updateWebhook(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/webhooks/{id}',
    tag,
    summary: 'Delete a subscription and its delivery log',
    access: ADMIN,
    params: idParam,
    response: { status: 204, schema: null },
    handler: ({ ctx, params }) => deleteWebhook(ctx, params.id),
  }),
  route({
    method: 'post',
    path: '/webhooks/{id}/rotate-secret',
    tag,
    summary: 'Give a subscription a new signing secret (shown once, in this answer)',
    access: ADMIN,
    params: idParam,
    response: { status: 200, schema: webhookWithSecret },
    handler: ({ ctx, params }) => rotateWebhookSecret(ctx, params.id),
  }),
  route({
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    tag,
    summary: "A subscription's delivery log, newest first",
    description: 'Status, attempts, the last answer (status, latency, error) and the next attempt.',
    access: ADMIN,
    params: idParam,
    query: deliveriesQuery,
    response: { status: 200, schema: pageOf(webhookDelivery, 'WebhookDeliveryPage') },
    handler: ({ ctx, params, query }) => listWebhookDeliveries(ctx, params.id, query),
  }),
  route({
    method: 'post',
    path: '/webhooks/{id}/deliveries/{deliveryId}/replay',
    tag,
    summary: 'Send a message again (a new delivery with the same webhook-id)',
    access: ADMIN,
    params: deliveryParams,
    response: { status: 202, schema: webhookDelivery },
    handler: ({ ctx, params }) => replayWebhookDelivery(ctx, params.id, params.deliveryId),
  }),
];
