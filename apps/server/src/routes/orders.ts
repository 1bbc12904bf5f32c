import {
  createOrder,
  getOrderDetail,
  listOrders,
  order,
  orderCreate,
  orderDetail,
  ordersQuery,
  orderUpdate,
  updateOrder,
} from '@rapport/core';
import { READ, type Route, route, WRITE } from '../http/route.ts';
import { idParam, pageOf } from './schemas.ts';

export const ordersRoutes: Route[] = [
  route({
    method: 'get',
    path: '/orders',
    tag: 'Orders',
    summary: 'List orders, newest first, by person, company, status or time',
    access: READ,
    query: ordersQuery,
    response: { status: 200, schema: pageOf(order, 'OrdersPage') },
    handler: ({ ctx, query }) => listOrders(ctx, query),
  }),
  route({
    method: 'post',
    path: '/orders',
    tag: 'Orders',
    summary: 'Record an order with its lines (money in minor units)',
    access: WRITE,
    body: orderCreate,
    response: { status: 201, schema: order },
    handler: ({ ctx, body }) => createOrder(ctx, body),
  }),
  route({
    method: 'get',
    path: '/orders/{id}',
    tag: 'Orders',
    summary: 'Get an order with its lines, its customer and how its status went',
    access: READ,
    params: idParam,
    response: { status: 200, schema: orderDetail },
    handler: ({ ctx, params }) => getOrderDetail(ctx, params.id),
  }),
  route({
    method: 'patch',
    path: '/orders/{id}',
    tag: 'Orders',
    summary: "Change an order's status, channel or external id",
    access: WRITE,
    params: idParam,
    body: orderUpdate,
    response: { status: 200, schema: orderDetail },
    handler: ({ ctx, params, body }) => updateOrder(ctx, params.id, body),
  }),
];
