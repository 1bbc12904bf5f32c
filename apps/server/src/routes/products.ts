import {
  createProduct,
  getProduct,
  listProducts,
  product,
  productCreate,
  productsQuery,
  productUpdate,
  updateProduct,
} from '@rapport/core';
import { MANAGE, READ, type Route, route } from '../http/route.ts';
import { idParam, pageOf } from './schemas.ts';

export const productsRoutes: Route[] = [
  route({
    method: 'get',
    path: '/products',
    tag: 'Products',
    summary: 'The product catalog',
    access: READ,
    query: productsQuery,
    response: { status: 200, schema: pageOf(product, 'ProductsPage') },
    handler: ({ ctx, query }) => listProducts(ctx, query),
  }),
  route({
    method: 'post',
    path: '/products',
    tag: 'Products',
    summary: 'Add a product',
    access: MANAGE,
    body: productCreate,
    response: { status: 201, schema: product },
    handler: ({ ctx, body }) => createProduct(ctx, body),
  }),
  route({
    method: 'get',
    path: '/products/{id}',
    tag: 'Products',
    summary: 'Get a product',
    access: READ,
    params: idParam,
    response: { status: 200, schema: product },
    handler: ({ ctx, params }) => getProduct(ctx, params.id),
  }),
  route({
    method: 'patch',
    path: '/products/{id}',
    tag: 'Products',
    summary: 'Change a product',
    access: MANAGE,
    params: idParam,
    body: productUpdate,
    response: { status: 200, schema: product },
    handler: ({ ctx, params, body }) => updateProduct(ctx, params.id, body),
  }),
];
