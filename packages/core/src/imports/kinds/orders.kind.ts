import { z } from 'zod';
import { resolveCompanyRefs } from '../../companies/companies.service.ts';
import { ORDER_STATUSES } from '../../orders/orders.schema.ts';
import { importOrders, type OrderImportRow } from '../../orders/orders.service.ts';
import { type PersonRef, resolvePersonRefs } from '../../people/people.service.ts';
import { productsBySku } from '../../products/products.service.ts';
import { CURRENCIES, email as emailSchema } from '../../shared/fields.ts';
import { emailKey, emptyOutcome, type RowProblem } from '../../shared/transfer.ts';
import { type CellResult, parseDateTime, parseInteger, parseMoney } from '../cells.ts';
import type { FieldSpec } from '../mapping.ts';
import type { Kind } from './common.ts';

export const ORDER_FIELDS: FieldSpec[] = [
  { key: 'id', label: 'Rapport ID', synonyms: ['rapport id'] },
  {
    key: 'externalId',
    label: 'Order number',
    synonyms: ['order id', 'order number', 'order no', 'reference', 'external id', 'invoice number'],
  },
  { key: 'personId', label: 'Person (Rapport ID)', synonyms: ['rapport person id'] },
  {
    key: 'personEmail',
    label: 'Customer email',
    synonyms: ['email', 'e-mail', 'customer e-mail', 'buyer email'],
  },
  {
    key: 'personExternalId',
    label: 'Customer ID',
    synonyms: ['customer id', 'customer number', 'contact id'],
  },
  { key: 'personFirstName', label: 'Customer first name', synonyms: ['first name'] },
  { key: 'personLastName', label: 'Customer last name', synonyms: ['last name'] },
  { key: 'companyId', label: 'Company (Rapport ID)', synonyms: ['rapport company id'] },
  { key: 'companyDomain', label: 'Company domain', synonyms: ['domain', 'website'] },
  { key: 'companyExternalId', label: 'Account ID', synonyms: ['account id', 'company id'] },
  { key: 'status', label: 'Status', synonyms: ['order status', 'state'] },
  {
    key: 'orderedAt',
    label: 'Order date',
    synonyms: ['date', 'ordered at', 'created', 'created at', 'purchase date'],
    required: true,
  },
  { key: 'currency', label: 'Currency', synonyms: ['currency code'], required: true },
  { key: 'subtotal', label: 'Subtotal', synonyms: ['net', 'subtotal amount'] },
  { key: 'discount', label: 'Discount', synonyms: ['order discount'] },
  { key: 'tax', label: 'Tax', synonyms: ['vat', 'tax amount'] },
  { key: 'shipping', label: 'Shipping', synonyms: ['delivery', 'shipping cost', 'freight'] },
  { key: 'total', label: 'Total', synonyms: ['amount', 'grand total', 'order total', 'gross'] },
  { key: 'channel', label: 'Sales channel', synonyms: ['channel', 'source'] },
  { key: 'sku', label: 'SKU', synonyms: ['product sku', 'item sku', 'article number'] },
  { key: 'productName', label: 'Product', synonyms: ['product name', 'item', 'item name', 'description'] },
  { key: 'quantity', label: 'Quantity', synonyms: ['qty', 'units'] },
  { key: 'unitPrice', label: 'Unit price', synonyms: ['price', 'item price'] },
  { key: 'lineDiscount', label: 'Line discount', synonyms: ['item discount'] },
];

type Cells = Partial<Record<string, string>>;

/**
 * A read order row: the order as the orders domain imports it (person and company still to
 * resolve) plus the keys that name its customer. Flat, so a million rows stay cheap.
 */
export interface OrdersRow extends OrderImportRow {
  personKey: string | null;
  personRefId: string | null;
  personExternalId: string | null;
  personEmail: string | null;
  personFirstName: string | null;
  personLastName: string | null;
  companyDomain: string | null;
  companyExternalId: string | null;
  companyRefId: string | null;
}

const STATUS = new Set<string>(ORDER_STATUSES);

function txt(value: string | undefined, max = 300): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed.slice(0, max);
}

/**
 * Order rows are read by hand rather than field by field through zod: an orders file is the
 * biggest thing users import (a shop's history runs into millions of rows), and one pass per
 * row with the cell parsers is several times faster. Issues still name the field.
 */

/** Emails repeat (a customer's orders): each distinct one is checked once per file. */
const checkedEmails = new Map<string, string | null>();

function checkEmail(value: string): string | null {
  let checked = checkedEmails.get(value);
  if (checked === undefined) {
    const parsed = emailSchema.safeParse(value);
    checked = parsed.success ? parsed.data : null;
    if (checkedEmails.size > 200_000) checkedEmails.clear();
    checkedEmails.set(value, checked);
  }
  return checked;
}

function read(cells: Cells, issue: (field: string, message: string) => void): OrdersRow | null {
  const currency = txt(cells.currency)?.toUpperCase() ?? null;
  if (!currency) issue('currency', 'is required');
  else if (!CURRENCIES.has(currency)) issue('currency', 'must be an ISO 4217 currency code like EUR');
  const known = currency !== null && CURRENCIES.has(currency);
  const when = parseDateTime(cells.orderedAt ?? '');
  if (!when.ok) issue('orderedAt', when.reason);
  else if (when.value === null) issue('orderedAt', 'is required');
  const status = txt(cells.status)?.toLowerCase() ?? null;
  if (status && !STATUS.has(status)) issue('status', `must be one of: ${ORDER_STATUSES.join(', ')}`);
  const given = txt(cells.personEmail, 320);
  const email = given ? checkEmail(given) : null;
  if (given && !email) issue('personEmail', 'must be an email address like ada@example.com');
  const money = (field: string): number | null => {
    const raw = cells[field];
    if (raw === undefined || !known) return null;
    const result: CellResult<number | null> = parseMoney(raw, currency);
    if (result.ok) return result.value;
    issue(field, result.reason);
    return null;
  };
  const sku = txt(cells.sku, 100);
  const name = txt(cells.productName, 300);
  let quantity: number | null = null;
  if (cells.quantity !== undefined) {
    const q = parseInteger(cells.quantity);
    if (!q.ok) issue('quantity', q.reason);
    else if (q.value === 0) issue('quantity', 'must not be 0');
    else quantity = q.value;
  }
  if (!sku && !name && txt(cells.total) === null) {
    issue('total', 'is needed when the row has no product (sku or product name)');
  }
  const personRefId = txt(cells.personId, 100);
  const personExternalId = txt(cells.personExternalId, 200);
  const companyDomain = txt(cells.companyDomain, 253);
  const companyExternalId = txt(cells.companyExternalId, 200);
  const companyRefId = txt(cells.companyId, 100);
  if (!personRefId && !personExternalId && !email && !companyDomain && !companyExternalId && !companyRefId) {
    issue('personEmail', 'an order needs its customer: a customer email or id, or a company domain or id');
  }
  const item =
    sku || name
      ? { sku, name, quantity, unitPriceMinor: money('unitPrice'), discountMinor: money('lineDiscount') }
      : null;
  const row: OrdersRow = {
    line: 0,
    id: txt(cells.id, 100),
    externalId: txt(cells.externalId, 200),
    personId: null,
    companyId: null,
    status: status as OrdersRow['status'],
    orderedAt: when.ok ? (when.value ?? '') : '',
    currency: currency ?? '',
    subtotalMinor: money('subtotal'),
    discountMinor: money('discount'),
    taxMinor: money('tax'),
    shippingMinor: money('shipping'),
    totalMinor: money('total'),
    channel: txt(cells.channel, 50),
    item,
    personKey: personRefId
      ? `i:${personRefId}`
      : personExternalId
        ? `x:${personExternalId}`
        : email
          ? `e:${emailKey(email)}`
          : null,
    personRefId,
    personExternalId,
    personEmail: email,
    personFirstName: txt(cells.personFirstName, 200),
    personLastName: txt(cells.personLastName, 200),
    companyDomain,
    companyExternalId,
    companyRefId,
  };
  return currency && when.ok && when.value ? row : null;
}

export const ordersSchema = z
  .custom<Cells>((value) => typeof value === 'object' && value !== null)
  .transform((cells, ctx) => {
    let ok = true;
    const row = read(cells, (field, message) => {
      ok = false;
      ctx.addIssue({ code: 'custom', path: [field], message, input: cells[field] });
    });
    return ok && row ? row : z.NEVER;
  });

/** Rows whose products have no list price in the order's currency and give no unit price (checked before any write). */
async function checkPrices(
  ctx: Parameters<Kind<OrdersRow>['apply']>[0],
  rows: { line: number; value: OrdersRow }[],
) {
  const skus = rows.flatMap((r) =>
    r.value.item?.sku && r.value.item.unitPriceMinor === null ? [r.value.item.sku] : [],
  );
  const problems: RowProblem[] = [];
  if (skus.length === 0) return problems;
  const products = await productsBySku(ctx, skus);
  for (const { line, value } of rows) {
    const item = value.item;
    if (!item || item.unitPriceMinor !== null) continue;
    const product = item.sku ? products.get(item.sku) : undefined;
    if (!product || product.priceMinor === null || product.currency !== value.currency) {
      problems.push({
        line,
        field: 'unitPrice',
        message: `is needed: ${item.sku ?? 'the product'} has no ${value.currency} list price`,
      });
    }
  }
  return problems;
}

export const ordersKind: Kind<OrdersRow> = {
  name: 'orders',
  fields: () => ORDER_FIELDS,
  schema: () => ordersSchema as unknown as z.ZodType<OrdersRow>,
  async apply(ctx, rows) {
    const outcome = emptyOutcome();
    outcome.problems.push(...(await checkPrices(ctx, rows)));
    const unpriced = new Set(outcome.problems.map((p) => p.line));
    const priced = rows.filter((r) => !unpriced.has(r.line));
    // Each customer is looked up (or created) once, however many orders name them.
    const firstLineOf = new Map<string, number>();
    const refs: PersonRef[] = [];
    for (const { line, value } of priced) {
      const key = value.personKey;
      if (key && !firstLineOf.has(key)) {
        firstLineOf.set(key, line);
        refs.push({
          line,
          id: value.personRefId,
          externalId: value.personExternalId,
          email: value.personEmail,
          firstName: value.personFirstName,
          lastName: value.personLastName,
        });
      }
    }
    const people = await resolvePersonRefs(ctx, refs, { create: true });
    const personProblem = new Map(people.problems.map((p) => [p.line, p]));
    const companyRefs = priced.flatMap(({ line, value }) =>
      value.companyDomain || value.companyExternalId || value.companyRefId
        ? [{ line, domain: value.companyDomain, externalId: value.companyExternalId, id: value.companyRefId }]
        : [],
    );
    const companies = await resolveCompanyRefs(ctx, companyRefs, { create: true });
    const companyless = new Set(companies.problems.map((p) => p.line));
    for (const p of companies.problems) {
      outcome.problems.push({
        ...p,
        field: p.field === 'externalId' ? 'companyExternalId' : 'companyDomain',
      });
    }
    const ready: OrderImportRow[] = [];
    for (const { line, value } of priced) {
      const representative = value.personKey ? firstLineOf.get(value.personKey) : undefined;
      const problem = representative !== undefined ? personProblem.get(representative) : undefined;
      if (problem) {
        const field =
          { id: 'personId', externalId: 'personExternalId', email: 'personEmail' }[problem.field] ??
          'personEmail';
        outcome.problems.push({ line, field, message: problem.message });
        continue;
      }
      if (companyless.has(line)) continue;
      // The row is the order: only its line and resolved customer are filled in.
      value.line = line;
      value.personId = representative !== undefined ? (people.idOfLine.get(representative) ?? null) : null;
      value.companyId = companies.idOfLine.get(line) ?? null;
      ready.push(value);
    }
    const written = await importOrders(ctx, ready);
    outcome.created = written.created;
    outcome.updated = written.updated;
    outcome.unchanged = written.unchanged;
    outcome.problems.push(...written.problems);
    return outcome;
  },
};
