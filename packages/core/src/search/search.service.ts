import { listCompanies } from '../companies/companies.service.ts';
import { findOrdersByReference } from '../orders/orders.service.ts';
import { listPeople } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/validate.ts';
import { type SearchQuery, type SearchResult, searchQuery } from './search.schema.ts';

/** One box for everything: people and companies by full text, orders by number. */
export async function search(ctx: Ctx, input: SearchQuery): Promise<SearchResult> {
  const { q, limit } = parseInput(searchQuery, input);
  const [people, companies, orders] = await Promise.all([
    listPeople(ctx, { q, limit }),
    listCompanies(ctx, { q, limit }),
    findOrdersByReference(ctx, q, limit),
  ]);
  return { people: people.data, companies: companies.data, orders };
}
