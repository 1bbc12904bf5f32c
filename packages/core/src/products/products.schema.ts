import { z } from 'zod';
import { currency, isoDateTime, money, queryBool, text } from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';

const sku = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.\-/]+$/, 'use letters, digits and . - _ / only');

export const productCreate = z
  .strictObject({
    sku,
    name: text(300).min(1),
    description: text(5000).nullable().optional(),
    category: text(100).nullable().optional(),
    priceMinor: money.min(0).nullable().optional().describe('List price in minor units (cents).'),
    currency: currency.nullable().optional(),
    active: z.boolean().default(true),
  })
  .refine((value) => (value.priceMinor == null) === (value.currency == null), {
    message: 'give a price and its currency together',
    path: ['currency'],
  })
  .meta({ id: 'ProductCreate' });

export const productUpdate = z
  .strictObject({
    sku,
    name: text(300).min(1),
    description: text(5000).nullable(),
    category: text(100).nullable(),
    priceMinor: money.min(0).nullable(),
    currency: currency.nullable(),
    active: z.boolean(),
  })
  .partial()
  .meta({ id: 'ProductUpdate' });

export const product = z
  .object({
    id: z.string(),
    sku: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    category: z.string().nullable(),
    priceMinor: z.number().int().nullable(),
    currency: z.string().nullable(),
    active: z.boolean(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Product' });

export const PRODUCT_SORTS = { name: 'name', sku: 'sku', createdAt: 'created_at' } as const;

export const productsQuery = z
  .strictObject({
    sort: z
      .string()
      .optional()
      .describe(
        `One of ${Object.keys(PRODUCT_SORTS).join(', ')}; prefix with - for descending. Default name.`,
      ),
    q: z.string().trim().min(1).max(200).optional().describe('Name or SKU contains.'),
    category: z.string().optional(),
    active: queryBool.optional(),
    ...pageInput,
  })
  .meta({ id: 'ProductsQuery' });

export type ProductCreate = z.input<typeof productCreate>;
export type ProductUpdate = z.input<typeof productUpdate>;
export type Product = z.infer<typeof product>;
export type ProductsQuery = z.input<typeof productsQuery>;
