-- Products, orders and order lines. Money is integer minor units plus an ISO 4217 code.

CREATE TABLE products (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  sku text NOT NULL,
  name text NOT NULL,
  description text,
  category text,
  price_minor bigint,
  currency text CHECK (currency ~ '^[A-Z]{3}$'),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, sku),
  CHECK ((price_minor IS NULL) = (currency IS NULL))
);

CREATE TABLE orders (
  id text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  external_id text,
  person_id text,
  company_id text,
  status text NOT NULL DEFAULT 'paid' CHECK (status IN ('pending', 'paid', 'fulfilled', 'cancelled', 'refunded')),
  ordered_at timestamptz NOT NULL,
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  subtotal_minor bigint NOT NULL DEFAULT 0,
  discount_minor bigint NOT NULL DEFAULT 0,
  tax_minor bigint NOT NULL DEFAULT 0,
  shipping_minor bigint NOT NULL DEFAULT 0,
  total_minor bigint NOT NULL,
  channel text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id),
  CHECK (person_id IS NOT NULL OR company_id IS NOT NULL)
);
CREATE UNIQUE INDEX orders_external_id_key ON orders (workspace_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX orders_person_idx ON orders (workspace_id, person_id, ordered_at DESC, id DESC) WHERE person_id IS NOT NULL;
CREATE INDEX orders_company_idx ON orders (workspace_id, company_id, ordered_at DESC, id DESC) WHERE company_id IS NOT NULL;
CREATE INDEX orders_ordered_idx ON orders (workspace_id, ordered_at DESC, id DESC);

CREATE TABLE order_lines (
  workspace_id text NOT NULL,
  order_id text NOT NULL,
  line_no integer NOT NULL,
  product_id text,
  sku text,
  name text NOT NULL,
  quantity integer NOT NULL CHECK (quantity <> 0),
  unit_price_minor bigint NOT NULL,
  discount_minor bigint NOT NULL DEFAULT 0,
  total_minor bigint NOT NULL,
  PRIMARY KEY (workspace_id, order_id, line_no),
  FOREIGN KEY (workspace_id, order_id) REFERENCES orders (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, product_id) REFERENCES products (workspace_id, id)
);
CREATE INDEX order_lines_product_idx ON order_lines (workspace_id, product_id) WHERE product_id IS NOT NULL;
