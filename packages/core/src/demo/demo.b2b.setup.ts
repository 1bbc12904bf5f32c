import type { B2BContext } from './demo.b2b.records.ts';
import { DECISION_ROLES, LANGUAGES } from './demo.b2b.roles.ts';
import { B2B_PRODUCTS, type B2BProduct, type Family } from './demo.catalog.ts';
import { iso } from './demo.text.ts';

/** Helvetia's custom fields and product catalog. */

export function customFieldDefs(ctx: B2BContext): void {
  const at = iso(ctx.start);
  const def = (
    entity: 'person' | 'company',
    key: string,
    label: string,
    type: string,
    options: string[],
    position: number,
  ) =>
    ctx.rows.custom_field_defs.push({
      id: ctx.ids.make('customField', ctx.start),
      entity,
      key,
      label,
      type: type as 'text',
      options,
      required: false,
      position,
      created_at: at,
      updated_at: at,
    });
  def('company', 'segment', 'Segment', 'select', ['Strategic', 'Key', 'Growth', 'Maintain'], 0);
  def('company', 'contract_renewal', 'Contract renewal', 'date', [], 1);
  def('company', 'gmp_certified', 'GMP certified', 'boolean', [], 2);
  def('company', 'annual_forecast_chf', 'Annual forecast (CHF)', 'number', [], 3);
  def('person', 'decision_role', 'Decision role', 'select', [...DECISION_ROLES], 0);
  def(
    'person',
    'preferred_language',
    'Preferred language',
    'select',
    ['English', ...Object.values(LANGUAGES)],
    1,
  );
}

export function products(ctx: B2BContext): Map<string, { id: string; product: B2BProduct }> {
  const map = new Map<string, { id: string; product: B2BProduct }>();
  const labels: Record<Family, string> = {
    sterile: 'Sterile fill-finish',
    osd: 'Oral solid dose',
    device: 'Med-tech manufacturing',
    tooling: 'Tooling',
    services: 'Development and quality services',
    rtu: 'ReadyFill components',
  };
  for (const product of B2B_PRODUCTS) {
    const id = ctx.ids.make('product', ctx.start);
    map.set(product.sku, { id, product });
    ctx.rows.products.push({
      id,
      sku: product.sku,
      name: product.name,
      description: product.description,
      category: labels[product.family],
      price_minor: product.chf * 100,
      currency: 'CHF',
      active: true,
      created_at: iso(ctx.start),
      updated_at: iso(ctx.start),
    });
  }
  return map;
}
