import { stringify } from 'csv-stringify/sync';
import {
  type CompaniesFilter,
  companiesByIds,
  companiesPage,
  companiesSelection,
} from '../companies/companies.service.ts';
import { loadDefinitions } from '../custom-fields/custom-fields.service.ts';
import { interactionsPage } from '../interactions/interactions.service.ts';
import { membershipsOfPeople } from '../memberships/memberships.service.ts';
import { ordersPage } from '../orders/orders.service.ts';
import { type PeopleFilter, peopleByIds, peoplePage, peopleSelection } from '../people/people.service.ts';
import { reviewsPage } from '../reviews/reviews.service.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { parseInput } from '../shared/validate.ts';
import { emailsOfUsers } from '../users/users.service.ts';
import {
  COMPANY_COLUMNS,
  companyRow,
  INTERACTION_COLUMNS,
  interactionRow,
  ORDER_COLUMNS,
  orderRows,
  PEOPLE_COLUMNS,
  personRows,
  REVIEW_COLUMNS,
  reviewRow,
  snake,
} from './exports.columns.ts';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportSelection,
  exportSelection,
} from './exports.schema.ts';

const PAGE = 2000;
type Sink = (chunk: string) => void | Promise<void>;
type Cell = string | number | boolean | null | undefined;

function csv(rows: Cell[][]): string {
  return stringify(rows, {
    record_delimiter: '\r\n',
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}

async function pages<T extends { id: string }>(
  load: (afterId: string | null) => Promise<T[]>,
  each: (page: T[]) => Promise<void>,
): Promise<number> {
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const page = await load(after);
    if (page.length === 0) return count;
    await each(page);
    count += page.length;
    after = page.at(-1)!.id;
    if (page.length < PAGE) return count;
  }
}

/** A checked selection of people or companies to export. */
export type ExportScope =
  | { kind: 'people'; filter: PeopleFilter }
  | { kind: 'companies'; filter: CompaniesFilter };

/**
 * Checks a selection (`{ ids }` or `{ filter }`) before anything streams: unknown ids and bad
 * filters fail here with their field paths.
 */
export async function exportScope(ctx: Ctx, kind: string, input: ExportSelection): Promise<ExportScope> {
  const value = parseInput(exportSelection, input);
  if (kind === 'people') return { kind, filter: await peopleSelection(ctx, value) };
  if (kind === 'companies') return { kind, filter: await companiesSelection(ctx, value) };
  throw invalid('kind', 'a selection exports people or companies; other kinds export whole (GET)');
}

/**
 * Streams every record of a kind (or of a selection, see exportScope): CSV in the import format (export, then import into an empty
 * workspace, gives the same records), or JSON lines with the API's records. Returns the count.
 */
export async function exportRecords(
  ctx: Ctx,
  kind: string,
  format: ExportFormat,
  write: Sink,
  scope?: ExportScope,
): Promise<number> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw invalid('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const jsonl = format === 'jsonl';
  const lines = (records: unknown[]) => write(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  switch (kind) {
    case 'people': {
      const defs = [...(await loadDefinitions(ctx, 'person')).values()];
      if (!jsonl) await write(csv([[...PEOPLE_COLUMNS, ...defs.map((d) => `custom.${d.key}`)].map(snake)]));
      return pages(
        (after) => peoplePage(ctx, after, PAGE, scope?.kind === 'people' ? scope.filter : undefined),
        async (people) => {
          const links = await membershipsOfPeople(
            ctx,
            people.map((p) => p.id),
          );
          const byPerson = new Map<string, typeof links>();
          for (const link of links)
            byPerson.set(link.person_id, [...(byPerson.get(link.person_id) ?? []), link]);
          if (jsonl) return lines(people.map((p) => ({ ...p, memberships: byPerson.get(p.id) ?? [] })));
          const owners = await emailsOfUsers(
            ctx,
            people.flatMap((p) => (p.ownerId ? [p.ownerId] : [])),
          );
          await write(
            csv(
              people.flatMap((p) =>
                personRows(
                  p,
                  byPerson.get(p.id) ?? [],
                  p.ownerId ? (owners.get(p.ownerId) ?? null) : null,
                  defs,
                ),
              ),
            ),
          );
        },
      );
    }
    case 'companies': {
      const defs = [...(await loadDefinitions(ctx, 'company')).values()];
      if (!jsonl) await write(csv([[...COMPANY_COLUMNS, ...defs.map((d) => `custom.${d.key}`)].map(snake)]));
      return pages(
        (after) => companiesPage(ctx, after, PAGE, scope?.kind === 'companies' ? scope.filter : undefined),
        async (companies) => {
          if (jsonl) return lines(companies);
          const owners = await emailsOfUsers(
            ctx,
            companies.flatMap((c) => (c.ownerId ? [c.ownerId] : [])),
          );
          await write(
            csv(
              companies.map((c) => companyRow(c, c.ownerId ? (owners.get(c.ownerId) ?? null) : null, defs)),
            ),
          );
        },
      );
    }
    case 'orders': {
      if (!jsonl) await write(csv([ORDER_COLUMNS.map(snake)]));
      return pages(
        (after) => ordersPage(ctx, after, PAGE),
        async (orders) => {
          if (jsonl) return lines(orders);
          const people = new Map(
            (await peopleByIds(ctx, unique(orders.map((o) => o.personId)))).map((p) => [p.id, p]),
          );
          const companies = new Map(
            (await companiesByIds(ctx, unique(orders.map((o) => o.companyId)))).map((c) => [c.id, c]),
          );
          await write(
            csv(
              orders.flatMap((o) =>
                orderRows(
                  o,
                  people.get(o.personId ?? '')?.email ?? null,
                  companies.get(o.companyId ?? '')?.domain ?? null,
                ),
              ),
            ),
          );
        },
      );
    }
    case 'interactions': {
      if (!jsonl) await write(csv([INTERACTION_COLUMNS.map(snake)]));
      return pages(
        (after) => interactionsPage(ctx, after, PAGE),
        async (interactions) => {
          if (jsonl) return lines(interactions);
          const people = await peopleByIds(
            ctx,
            unique(interactions.flatMap((i) => i.people.map((p) => p.id))),
          );
          const users = await emailsOfUsers(
            ctx,
            interactions.flatMap((i) => i.users.map((u) => u.id)),
          );
          const emails = new Map([
            ...people.flatMap((p) => (p.email ? [[p.id, p.email] as const] : [])),
            ...users,
          ]);
          const companies = new Map(
            (await companiesByIds(ctx, unique(interactions.map((i) => i.companyId)))).map((c) => [c.id, c]),
          );
          await write(
            csv(
              interactions.map((i) =>
                interactionRow(i, emails, companies.get(i.companyId ?? '')?.domain ?? null),
              ),
            ),
          );
        },
      );
    }
    case 'reviews': {
      if (!jsonl) await write(csv([REVIEW_COLUMNS.map(snake)]));
      return pages(
        (after) => reviewsPage(ctx, after, PAGE),
        async (reviews) => {
          if (jsonl) return lines(reviews);
          await write(csv(reviews.map(reviewRow)));
        },
      );
    }
    default:
      throw invalid('kind', 'export one of people, companies, orders, interactions, reviews');
  }
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}
