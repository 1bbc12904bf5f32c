import type { ColumnType } from 'kysely';
import type { Defaulted, Timestamp } from './columns.ts';

// Products, orders and their lines.

export interface ProductsTable {
  id: string;
  workspace_id: string;
  sku: string;
  name: string;
  description: string | null;
  category: string | null;
  price_minor: ColumnType<number | null, number | null | undefined, number | null>;
  currency: string | null;
  active: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type OrderStatus = 'pending' | 'paid' | 'fulfilled' | 'cancelled' | 'refunded';

export interface OrdersTable {
  id: string;
  workspace_id: string;
  external_id: string | null;
  person_id: string | null;
  company_id: string | null;
  status: Defaulted<OrderStatus>;
  ordered_at: Timestamp;
  currency: string;
  subtotal_minor: Defaulted<number>;
  discount_minor: Defaulted<number>;
  tax_minor: Defaulted<number>;
  shipping_minor: Defaulted<number>;
  total_minor: number;
  channel: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderLinesTable {
  workspace_id: string;
  order_id: string;
  line_no: number;
  product_id: string | null;
  sku: string | null;
  name: string;
  quantity: number;
  unit_price_minor: number;
  discount_minor: Defaulted<number>;
  total_minor: number;
}
