import { z } from 'zod';
import { companyDetail } from '../companies/companies.schema.ts';
import { getCompany } from '../companies/companies.service.ts';
import { orderTotalsSchema } from '../orders/orders.schema.ts';
import { orderTotals } from '../orders/orders.service.ts';
import { personDetail } from '../people/people.schema.ts';
import { getPerson } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { queryBool } from '../shared/fields.ts';
import { parseInput } from '../shared/validate.ts';
import { timelinePage } from './timeline.schema.ts';
import { timelineOfKnownCompany, timelineOfKnownPerson } from './timeline.service.ts';

/** The 360° answers: the record, its relations, what it bought and (on request) its latest history. */
export const viewQuery = z
  .strictObject({
    timeline: queryBool.default(false).describe('Include the newest 50 timeline entries.'),
  })
  .meta({ id: 'ViewQuery' });

export const personView = personDetail
  .extend({ orderTotals: orderTotalsSchema, timeline: timelinePage.optional() })
  .meta({ id: 'PersonView' });

export const companyView = companyDetail
  .extend({ orderTotals: orderTotalsSchema, timeline: timelinePage.optional() })
  .meta({ id: 'CompanyView' });

export type PersonView = z.infer<typeof personView>;
export type CompanyView = z.infer<typeof companyView>;

export async function viewPerson(
  ctx: Ctx,
  id: string,
  input: z.input<typeof viewQuery> = {},
): Promise<PersonView> {
  const { timeline } = parseInput(viewQuery, input);
  const person = await getPerson(ctx, id);
  const [totals, entries] = await Promise.all([
    orderTotals(ctx, { personId: id }),
    timeline ? timelineOfKnownPerson(ctx, id, { limit: 50 }) : undefined,
  ]);
  return { ...person, orderTotals: totals, ...(entries ? { timeline: entries } : {}) };
}

export async function viewCompany(
  ctx: Ctx,
  id: string,
  input: z.input<typeof viewQuery> = {},
): Promise<CompanyView> {
  const { timeline } = parseInput(viewQuery, input);
  const company = await getCompany(ctx, id);
  const [totals, entries] = await Promise.all([
    orderTotals(ctx, { companyId: id }),
    timeline ? timelineOfKnownCompany(ctx, id, { limit: 50 }) : undefined,
  ]);
  return { ...company, orderTotals: totals, ...(entries ? { timeline: entries } : {}) };
}
