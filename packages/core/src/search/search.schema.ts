import { z } from 'zod';
import { company } from '../companies/companies.schema.ts';
import { order } from '../orders/orders.schema.ts';
import { person } from '../people/people.schema.ts';

export const searchQuery = z
  .strictObject({
    q: z.string().trim().min(1).max(200),
    limit: z.coerce.number().int().min(1).max(20).default(5),
  })
  .meta({ id: 'SearchQuery' });

export const searchResult = z
  .object({ people: z.array(person), companies: z.array(company), orders: z.array(order) })
  .meta({ id: 'SearchResult', description: 'The best matches of each kind, for a jump-to box.' });

export type SearchQuery = z.input<typeof searchQuery>;
export type SearchResult = z.infer<typeof searchResult>;
