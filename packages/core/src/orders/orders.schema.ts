import { z } from 'zod';
import { currency, isoDateTime, money, text } from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';

export const ORDER_STATUSES = ['pending', 'paid', 'fulfilled', 'cancelled', 'refunded'] as const;

export const orderLineInput = z
  .strictObject({
    productId: z.string().optional(),
    sku: z.string().trim().min(1).max(100).optional(),
    name: text(300).min(1).optional().describe('Default: the product name.'),
    quantity: z
      .number()
      .int()
      .refine((n) => n !== 0, 'must not be 0'),
    unitPriceMinor: money.optional().describe('Default: the product list price.'),
    discountMinor: money.min(0).default(0),
  })
  .refine((line) => line.productId || line.sku || line.name, {
    message: 'a line needs a productId, a sku or a name',
    path: ['name'],
  });

export const orderCreate = z
  .strictObject({
    externalId: text(200).min(1).nullable().optional(),
    personId: z.string().nullable().optional(),
    companyId: z.string().nullable().optional(),
    status: z.enum(ORDER_STATUSES).default('paid'),
    orderedAt: isoDateTime.optional().describe('Default now.'),
    currency,
    lines: z.array(orderLineInput).max(1000).default([]),
    discountMinor: money.min(0).default(0),
    taxMinor: money.min(0).default(0),
    shippingMinor: money.min(0).default(0),
    totalMinor: money
      .optional()
      .describe('Required without lines; with lines it is computed and, if given, must match.'),
    channel: text(50)
      .nullable()
      .optional()
      .describe('Where it was bought: online, store, phone, sales_rep, …'),
  })
  .refine((value) => value.personId || value.companyId, {
    message: 'an order belongs to a person or a company (personId or companyId)',
    path: ['personId'],
  })
  .refine((value) => value.lines.length > 0 || value.totalMinor !== undefined, {
    message: 'give the order lines or its totalMinor',
    path: ['totalMinor'],
  })
  .meta({ id: 'OrderCreate' });

export const orderUpdate = z
  .strictObject({
    externalId: text(200).min(1).nullable(),
    status: z.enum(ORDER_STATUSES),
    channel: text(50).nullable(),
  })
  .partial()
  .meta({ id: 'OrderUpdate' });

export const orderLine = z.object({
  lineNo: z.number().int(),
  productId: z.string().nullable(),
  sku: z.string().nullable(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  discountMinor: z.number().int(),
  totalMinor: z.number().int(),
});

export const order = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    personId: z.string().nullable(),
    personName: z.string().nullable().describe("The customer's name (when the order has a person)."),
    companyId: z.string().nullable(),
    companyName: z.string().nullable().describe("The customer company's name (when it has one)."),
    status: z.enum(ORDER_STATUSES),
    orderedAt: isoDateTime,
    currency: z.string(),
    subtotalMinor: z.number().int(),
    discountMinor: z.number().int(),
    taxMinor: z.number().int(),
    shippingMinor: z.number().int(),
    totalMinor: z.number().int(),
    channel: z.string().nullable(),
    lines: z.array(orderLine),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Order' });

export const orderStatusChange = z.object({
  at: isoDateTime,
  from: z.enum(ORDER_STATUSES).nullable().describe('null: the status the order was recorded with.'),
  to: z.enum(ORDER_STATUSES),
  actor: z.string().nullable().describe('Who: usr_…, key_… or system; null when not recorded.'),
});

export const orderDetail = order
  .extend({
    statusHistory: z
      .array(orderStatusChange)
      .describe('From the audit log, oldest first: recorded, then every status change (paid, refunded, …).'),
  })
  .meta({ id: 'OrderDetail' });

export const ORDER_SORTS = {
  orderedAt: 'ordered_at',
  totalMinor: 'total_minor',
  createdAt: 'created_at',
} as const;

export const ordersQuery = z
  .strictObject({
    sort: z
      .string()
      .optional()
      .describe(
        `One of ${Object.keys(ORDER_SORTS).join(', ')}; prefix with - for descending. Default -orderedAt.`,
      ),
    personId: z.string().optional(),
    companyId: z.string().optional(),
    status: z.enum(ORDER_STATUSES).optional(),
    externalId: z.string().optional(),
    since: isoDateTime.optional(),
    until: isoDateTime.optional(),
    ...pageInput,
  })
  .meta({ id: 'OrdersQuery' });

export const orderTotalsSchema = z
  .object({
    count: z.number().int(),
    byCurrency: z.array(
      z.object({ currency: z.string(), totalMinor: z.number().int(), count: z.number().int() }),
    ),
    firstOrderedAt: isoDateTime.nullable(),
    lastOrderedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'OrderTotals', description: 'Orders that are not cancelled or refunded.' });

export type OrderCreate = z.input<typeof orderCreate>;
export type OrderUpdate = z.input<typeof orderUpdate>;
export type Order = z.infer<typeof order>;
export type OrderDetail = z.infer<typeof orderDetail>;
export type OrderStatusChange = z.infer<typeof orderStatusChange>;
export type OrdersQuery = z.input<typeof ordersQuery>;
export type OrderTotals = z.infer<typeof orderTotalsSchema>;
