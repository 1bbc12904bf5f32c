import type { Company } from '../companies/companies.schema.ts';
import type { CustomFieldRow } from '../custom-fields/custom-fields.service.ts';
import type { Interaction } from '../interactions/interactions.schema.ts';
import type { Order } from '../orders/orders.schema.ts';
import type { Person } from '../people/people.schema.ts';
import type { Review } from '../reviews/reviews.schema.ts';
import { CHANNELS, minorDigits } from '../shared/fields.ts';
import { formatHandleList } from '../shared/handles.ts';

/**
 * CSV rows in the import format: the header of each column is the import's field key in
 * snake_case, so an exported file imports back with no mapping at all.
 */
type Cell = string | number | boolean | null | undefined;

export function snake(key: string): string {
  return key.startsWith('custom.') || key.startsWith('consent.')
    ? key
    : key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const list = (values: readonly string[]) => values.join('|');
const custom = (defs: CustomFieldRow[], values: Record<string, unknown>) =>
  defs.map((def) => {
    const value = values[def.key];
    return Array.isArray(value) ? value.join('|') : (value as Cell);
  });

export function money(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '';
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor)
    .toString()
    .padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

export const PEOPLE_COLUMNS = [
  'id',
  'externalId',
  'firstName',
  'lastName',
  'email',
  'additionalEmails',
  'phone',
  'title',
  'relationshipType',
  'ownerEmail',
  'tags',
  'preferredChannel',
  'doNotContact',
  'timezone',
  'locale',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'birthday',
  'socialHandles',
  ...CHANNELS.map((c) => `consent.${c}`),
  'companyDomain',
  'companyName',
  'companyExternalId',
  'companyRole',
  'companyLevel',
  'companyFunction',
  'companyPrimary',
  'createdAt',
];

export interface PersonMembership {
  company_name: string;
  company_domain: string | null;
  company_external_id: string | null;
  role: string | null;
  level: string | null;
  function: string | null;
  is_primary: boolean;
}

/** One row per membership (a person in two companies is two rows; the import joins them again). */
export function personRows(
  p: Person,
  memberships: PersonMembership[],
  ownerEmail: string | null,
  defs: CustomFieldRow[],
): Cell[][] {
  const consent = p.consent as Record<string, { status?: string } | undefined>;
  const base: Cell[] = [
    p.id,
    p.externalId,
    p.firstName,
    p.lastName,
    p.email,
    list(p.additionalEmails),
    p.phone,
    p.title,
    p.relationshipType,
    ownerEmail,
    list(p.tags),
    p.preferredChannel,
    p.doNotContact,
    p.timezone,
    p.locale,
    p.address?.street,
    p.address?.city,
    p.address?.region,
    p.address?.postalCode,
    p.address?.country,
    p.birthday,
    formatHandleList(p.socialHandles),
    ...CHANNELS.map((c) => consent[c]?.status),
  ];
  const tail = [p.createdAt, ...custom(defs, p.custom)];
  const none: Cell[] = [null, null, null, null, null, null, null];
  const links = memberships.length
    ? memberships.map((m): Cell[] => [
        m.company_domain,
        m.company_name,
        m.company_external_id,
        m.role,
        m.level,
        m.function,
        m.is_primary,
      ])
    : [none];
  return links.map((link) => [...base, ...link, ...tail]);
}

export const COMPANY_COLUMNS = [
  'id',
  'externalId',
  'name',
  'domain',
  'relationshipType',
  'industry',
  'phone',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'employeeCount',
  'description',
  'ownerEmail',
  'tags',
  'createdAt',
];

export function companyRow(c: Company, ownerEmail: string | null, defs: CustomFieldRow[]): Cell[] {
  return [
    c.id,
    c.externalId,
    c.name,
    c.domain,
    c.relationshipType,
    c.industry,
    c.phone,
    c.address?.street,
    c.address?.city,
    c.address?.region,
    c.address?.postalCode,
    c.address?.country,
    c.employeeCount,
    c.description,
    ownerEmail,
    list(c.tags),
    c.createdAt,
    ...custom(defs, c.custom),
  ];
}

export const ORDER_COLUMNS = [
  'id',
  'externalId',
  'personId',
  'personEmail',
  'companyId',
  'companyDomain',
  'status',
  'orderedAt',
  'currency',
  'subtotal',
  'discount',
  'tax',
  'shipping',
  'total',
  'channel',
  'sku',
  'productName',
  'quantity',
  'unitPrice',
  'lineDiscount',
];

/** One row per order line (an order without lines is one row). */
export function orderRows(o: Order, personEmail: string | null, companyDomain: string | null): Cell[][] {
  const head: Cell[] = [
    o.id,
    o.externalId,
    o.personId,
    personEmail,
    o.companyId,
    companyDomain,
    o.status,
    o.orderedAt,
    o.currency,
    money(o.subtotalMinor, o.currency),
    money(o.discountMinor, o.currency),
    money(o.taxMinor, o.currency),
    money(o.shippingMinor, o.currency),
    money(o.totalMinor, o.currency),
    o.channel,
  ];
  if (o.lines.length === 0) return [[...head, null, null, null, null, null]];
  return o.lines.map((l) => [
    ...head,
    l.sku,
    l.name,
    l.quantity,
    money(l.unitPriceMinor, o.currency),
    money(l.discountMinor, o.currency),
  ]);
}

export const INTERACTION_COLUMNS = [
  'id',
  'externalId',
  'channel',
  'direction',
  'occurredAt',
  'subject',
  'body',
  'personIds',
  'personEmails',
  'companyId',
  'companyDomain',
  'userEmails',
  'correctsId',
  'correctionReason',
];

export function interactionRow(i: Interaction, emails: Map<string, string>, domain: string | null): Cell[] {
  return [
    i.id,
    i.externalId,
    i.channel,
    i.direction,
    i.occurredAt,
    i.subject,
    i.body,
    list(i.people.map((p) => p.id)),
    list(i.people.flatMap((p) => (emails.get(p.id) ? [emails.get(p.id)!] : []))),
    i.companyId,
    domain,
    list(i.users.flatMap((u) => (emails.get(u.id) ? [emails.get(u.id)!] : []))),
    i.correctsId,
    i.correctionReason,
  ];
}

export const REVIEW_COLUMNS = [
  'kind',
  'source',
  'externalId',
  'rating',
  'ratingScale',
  'title',
  'text',
  'url',
  'authorHandle',
  'authorName',
  'authorEmail',
  'language',
  'personId',
  'productSku',
  'occurredAt',
];

export function reviewRow(r: Review): Cell[] {
  return [
    r.kind,
    r.source,
    r.externalId,
    r.rating,
    r.ratingScale,
    r.title,
    r.text,
    r.url,
    r.authorHandle,
    r.authorName,
    r.authorEmail,
    r.language,
    r.personId,
    r.productSku,
    r.occurredAt,
  ];
}
