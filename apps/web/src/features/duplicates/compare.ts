import type { Schemas } from '../../api/client';
import { formatDate, label } from '../../shared/format';

type PersonView = Schemas['PersonView'];
type CompanyView = Schemas['CompanyView'];
export type Row = { label: string; values: [string, string] };

const text = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return Object.values(value).map(text).filter(Boolean).join(', ');
  return String(value);
};

const count = (n: number, more = false) => `${n}${more ? '+' : ''}`;

function personRows(p: PersonView, names: Map<string, string>): Array<[string, string]> {
  const timeline = p.timeline?.data ?? [];
  const more = !!p.timeline?.nextCursor;
  return [
    ['First name', text(p.firstName)],
    ['Last name', text(p.lastName)],
    ['Email', text(p.email)],
    ['Other emails', text(p.additionalEmails)],
    ['Phone', text(p.phone)],
    ['Job title', text(p.title)],
    ['Relationship', label(p.relationshipType)],
    ['External id', text(p.externalId)],
    ['Owner', p.ownerId ? (names.get(p.ownerId) ?? p.ownerId) : ''],
    ['Tags', text(p.tags)],
    ['Address', text(p.address)],
    ['Birthday', p.birthday ? formatDate(p.birthday) : ''],
    ['Do not contact', text(p.doNotContact)],
    ['Companies', text(p.memberships.map((m) => m.companyName + (m.role ? ` (${m.role})` : '')))],
    ['Interactions', count(timeline.filter((e) => e.kind === 'interaction').length, more)],
    ['Notes', count(timeline.filter((e) => e.kind === 'note').length, more)],
    ['Orders', count(p.orderTotals.count)],
    ['Created', formatDate(p.createdAt)],
  ];
}

function companyRows(c: CompanyView, names: Map<string, string>): Array<[string, string]> {
  return [
    ['Name', c.name],
    ['Domain', text(c.domain)],
    ['Industry', text(c.industry)],
    ['Phone', text(c.phone)],
    ['Relationship', label(c.relationshipType)],
    ['External id', text(c.externalId)],
    ['Employees', text(c.employeeCount)],
    ['Owner', c.ownerId ? (names.get(c.ownerId) ?? c.ownerId) : ''],
    ['Tags', text(c.tags)],
    ['Address', text(c.address)],
    ['People', count(c.people.length)],
    ['Orders', count(c.orderTotals.count)],
    ['Created', formatDate(c.createdAt)],
  ];
}

/** The two records field by field, in one list of rows (same labels on both sides). */
export function compareRows(
  a: PersonView | CompanyView,
  b: PersonView | CompanyView,
  names: Map<string, string>,
): Row[] {
  const rows = (r: PersonView | CompanyView) =>
    'memberships' in r ? personRows(r, names) : companyRows(r as CompanyView, names);
  const left = rows(a);
  const right = rows(b);
  return left.map(([name, value], i) => ({ label: name, values: [value, right[i]?.[1] ?? ''] }));
}

export const differs = (row: Row) => row.values[0] !== row.values[1];
