import { sql } from 'kysely';
import { productsBySku } from '../products/products.service.ts';
import type { Ctx } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { emptyOutcome, type ImportOutcome, type RowProblem } from '../shared/transfer.ts';
import { queueValueRecompute } from '../value/value.service.ts';
import { emitEvents, listensTo } from '../webhooks/webhooks.service.ts';
import { getOrders } from './orders.present.ts';
import type { ORDER_STATUSES } from './orders.schema.ts';

/** One row of an orders file: an order, or one line of an order (rows with the same key). */
export interface OrderImportRow {
  line: number;
  id?: string | null;
  externalId?: string | null;
  personId: string | null;
  companyId: string | null;
  status?: (typeof ORDER_STATUSES)[number] | null;
  orderedAt: string;
  currency: string;
  subtotalMinor?: number | null;
  discountMinor?: number | null;
  taxMinor?: number | null;
  shippingMinor?: number | null;
  totalMinor?: number | null;
  channel?: string | null;
  item?: {
    sku?: string | null;
    name?: string | null;
    quantity?: number | null;
    unitPriceMinor?: number | null;
    discountMinor?: number | null;
  } | null;
}

interface Order {
  key: string;
  first: OrderImportRow;
  id: string;
  lines: {
    line: number;
    sku: string | null;
    name: string;
    productId: string | null;
    quantity: number;
    unit: number;
    discount: number;
  }[];
}

/** COPY's CSV: empty unquoted is NULL; quote only what needs it. */
function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return /[",\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;
}

const ORDER_COLUMNS = [
  'id',
  'workspace_id',
  'external_id',
  'person_id',
  'company_id',
  'status',
  'ordered_at',
  'currency',
  'subtotal_minor',
  'discount_minor',
  'tax_minor',
  'shipping_minor',
  'total_minor',
  'channel',
  'created_at',
  'updated_at',
] as const;

const LINE_COLUMNS = [
  'order_key',
  'line_no',
  'product_id',
  'sku',
  'name',
  'quantity',
  'unit_price_minor',
  'discount_minor',
  'total_minor',
] as const;

const NO_LINES: Order['lines'] = [];
const ORDER_ID = /^ord_[0-9a-z]{26}$/;

/** Rows into orders: rows with the same id or external id are the lines of one order. */
function group(rows: OrderImportRow[], problems: RowProblem[]): Order[] {
  const byId = new Map<string, Order>();
  const byExternal = new Map<string, Order>();
  const orders: Order[] = [];
  for (const row of rows) {
    const index = row.id ? byId : row.externalId ? byExternal : null;
    const name = row.id ?? row.externalId ?? '';
    let order = index?.get(name);
    if (!order) {
      const id = row.id && ORDER_ID.test(row.id) ? row.id : newId('order');
      const key = row.id ? `i:${row.id}` : row.externalId ? `x:${row.externalId}` : `l:${row.line}`;
      order = { key, first: row, id, lines: NO_LINES };
      index?.set(name, order);
      orders.push(order);
    } else if (order.first.currency !== row.currency) {
      problems.push({
        line: row.line,
        field: 'currency',
        message: `differs from line ${order.first.line} of the same order`,
      });
      continue;
    }
    if (row.item && (row.item.sku || row.item.name)) {
      if (order.lines === NO_LINES) order.lines = [];
      order.lines.push({
        line: row.line,
        sku: row.item.sku ?? null,
        name: row.item.name ?? row.item.sku ?? '',
        productId: null,
        quantity: row.item.quantity ?? 1,
        unit: row.item.unitPriceMinor ?? Number.NaN,
        discount: row.item.discountMinor ?? 0,
      });
    }
  }
  return orders;
}

function orderLine(order: Order, workspaceId: string, now: string): string {
  const r = order.first;
  const subtotal = order.lines.length
    ? order.lines.reduce((sum, l) => sum + l.quantity * l.unit - l.discount, 0)
    : (r.subtotalMinor ?? r.totalMinor ?? 0);
  const discount = r.discountMinor ?? 0;
  const total = r.totalMinor ?? subtotal - discount + (r.taxMinor ?? 0) + (r.shippingMinor ?? 0);
  return `${order.id},${workspaceId},${field(r.externalId)},${field(r.personId)},${field(r.companyId)},${r.status ?? 'paid'},${r.orderedAt},${r.currency},${subtotal},${discount},${r.taxMinor ?? 0},${r.shippingMinor ?? 0},${total},${field(r.channel)},${now},${now},${field(order.key)}\n`;
}

async function priceLines(ctx: Ctx, orders: Order[], problems: RowProblem[]): Promise<Set<string>> {
  const skus = orders.flatMap((o) => o.lines.flatMap((l) => (l.sku ? [l.sku] : [])));
  const products = await productsBySku(ctx, skus);
  const bad = new Set<string>();
  for (const order of orders) {
    for (const line of order.lines) {
      const product = line.sku ? products.get(line.sku) : undefined;
      line.productId = product?.id ?? null;
      if (product && (!line.name || line.name === line.sku)) line.name = product.name;
      if (Number.isNaN(line.unit)) {
        if (product?.priceMinor != null && product.currency === order.first.currency)
          line.unit = product.priceMinor;
        else {
          problems.push({
            line: line.line,
            field: 'unitPrice',
            message: `is needed: no ${order.first.currency} list price for this product`,
          });
          bad.add(order.key);
        }
      }
    }
  }
  return bad;
}

/** What the import's INSERTs wrote; the ids only when a webhook subscription wants them. */
interface Written {
  created: number;
  updated: number;
  created_ids: string[] | null;
  updated_ids: string[] | null;
}

/**
 * Creates or updates orders in bulk: the rows go by COPY into a temp table (COPY is refused
 * on tables under row-level security) and from there into `orders` in one INSERT … SELECT per
 * matching rule, which row-level security checks. An order matches by external id, else by id.
 * Lines, when the file has them, replace the order's lines. Orders created and changed are
 * `order.created` and `order.updated` webhook events.
 */
export async function importOrders(ctx: Ctx, rows: OrderImportRow[]): Promise<ImportOutcome> {
  const outcome = emptyOutcome();
  const orders = group(rows, outcome.problems);
  const bad = await priceLines(ctx, orders, outcome.problems);
  const kept = orders.filter((order) => !bad.has(order.key));
  const now = ctx.clock.now().toISOString();
  await sql`create temp table import_orders (like orders including defaults, order_key text) on commit drop`.execute(
    ctx.db,
  );
  // Chunks are made as PostgreSQL asks for them, so building rows and storing them overlap.
  function* chunks() {
    const BATCH = 5000;
    for (let i = 0; i < kept.length; i += BATCH) {
      let csv = '';
      for (let k = i; k < Math.min(i + BATCH, kept.length); k++)
        csv += orderLine(kept[k]!, ctx.workspaceId, now);
      yield csv;
    }
  }
  await ctx.tx.copyCsv('import_orders', [...ORDER_COLUMNS, 'order_key'], chunks());
  const columns = sql.raw(ORDER_COLUMNS.join(', '));
  const update = sql.raw(
    'person_id = excluded.person_id, company_id = excluded.company_id, status = excluded.status, ordered_at = excluded.ordered_at, currency = excluded.currency, subtotal_minor = excluded.subtotal_minor, discount_minor = excluded.discount_minor, tax_minor = excluded.tax_minor, shipping_minor = excluded.shipping_minor, total_minor = excluded.total_minor, channel = coalesce(excluded.channel, orders.channel), updated_at = excluded.updated_at',
  );
  const changed = sql.raw(
    '(orders.person_id, orders.company_id, orders.status, orders.ordered_at, orders.currency, orders.subtotal_minor, orders.discount_minor, orders.tax_minor, orders.shipping_minor, orders.total_minor) is distinct from (excluded.person_id, excluded.company_id, excluded.status, excluded.ordered_at, excluded.currency, excluded.subtotal_minor, excluded.discount_minor, excluded.tax_minor, excluded.shipping_minor, excluded.total_minor)',
  );
  // The ids of what was written only when a webhook subscription wants them (a million-order
  // import otherwise returns two counts).
  const wantIds = (await listensTo(ctx, 'order.created')) || (await listensTo(ctx, 'order.updated'));
  const ids = wantIds
    ? sql`array_agg(id) filter (where created) as created_ids, array_agg(id) filter (where not created) as updated_ids`
    : sql`null as created_ids, null as updated_ids`;
  const counts = await sql<Written>`
    with by_external as (
      insert into orders (${columns}) select ${columns} from import_orders where external_id is not null
      on conflict (workspace_id, external_id) where external_id is not null do update set ${update} where ${changed}
      returning id, (xmax = 0) as created
    ), by_id as (
      insert into orders (${columns}) select ${columns} from import_orders where external_id is null
      on conflict (workspace_id, id) do update set ${update} where ${changed}
      returning id, (xmax = 0) as created
    ), done as (select id, created from by_external union all select id, created from by_id)
    select count(*) filter (where created)::int as created, count(*) filter (where not created)::int as updated,
      ${ids} from done`.execute(ctx.db);
  const written = counts.rows[0];
  outcome.created = written?.created ?? 0;
  outcome.updated = written?.updated ?? 0;
  outcome.unchanged = kept.length - outcome.created - outcome.updated;
  const withLines = kept.filter((order) => order.lines.length);
  if (withLines.length) await replaceLines(ctx, withLines);
  if (outcome.created + outcome.updated) await queueValueRecompute(ctx);
  const present = (chunk: string[]) => getOrders(ctx, chunk);
  await emitEvents(ctx, 'order.created', written?.created_ids ?? [], present);
  await emitEvents(ctx, 'order.updated', written?.updated_ids ?? [], present);
  return outcome;
}

async function replaceLines(ctx: Ctx, orders: Order[]) {
  await sql`create temp table import_lines (order_key text, line_no int, product_id text, sku text, name text, quantity int, unit_price_minor bigint, discount_minor bigint, total_minor bigint) on commit drop`.execute(
    ctx.db,
  );
  let csv = '';
  for (const order of orders) {
    order.lines.forEach((l, index) => {
      csv += `${field(order.key)},${index + 1},${field(l.productId)},${field(l.sku)},${field(l.name)},${l.quantity},${l.unit},${l.discount},${l.quantity * l.unit - l.discount}\n`;
    });
  }
  await ctx.tx.copyCsv('import_lines', LINE_COLUMNS, csv);
  // The stored order of each key: matched by external id, else by id (see importOrders).
  await sql`
    create temp table import_targets on commit drop as
    select distinct i.order_key, o.id from import_orders i
    join orders o on o.workspace_id = i.workspace_id
      and ((i.external_id is not null and o.external_id = i.external_id) or (i.external_id is null and o.id = i.id))
    where i.order_key in (select order_key from import_lines)`.execute(ctx.db);
  await sql`delete from order_lines where order_id in (select id from import_targets)`.execute(ctx.db);
  await sql`
    insert into order_lines (workspace_id, order_id, line_no, product_id, sku, name, quantity, unit_price_minor, discount_minor, total_minor)
    select ${ctx.workspaceId}, t.id, l.line_no, l.product_id, l.sku, l.name, l.quantity, l.unit_price_minor, l.discount_minor, l.total_minor
    from import_lines l join import_targets t on t.order_key = l.order_key`.execute(ctx.db);
}
