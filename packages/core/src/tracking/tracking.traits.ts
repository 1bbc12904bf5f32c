import type { Address } from '@rapport/db';
import type { z } from 'zod';
import { companyUpdate } from '../companies/companies.schema.ts';
import type { loadDefinitions } from '../custom-fields/custom-fields.service.ts';
import { validateCustom } from '../custom-fields/custom-fields.service.ts';
import { personUpdate } from '../people/people.schema.ts';
import type { IdentifyFields } from '../people/people.service.ts';
import { AppError, detailsFromZod } from '../shared/errors.ts';

/**
 * Segment's reserved traits onto Rapport's fields: identify traits onto a person, group traits
 * onto a company. Traits with a custom field definition of the same key become custom values
 * (checked against it); the rest of a person's traits are kept in `traits`.
 */
type Raw = Record<string, unknown>;
type Definitions = Awaited<ReturnType<typeof loadDefinitions>>;

export class TraitProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Takes the first of `keys` that is present: its key and value. */
function take(traits: Raw, used: Set<string>, ...keys: string[]): [string, unknown] | undefined {
  for (const key of keys) {
    const value = traits[key];
    if (value !== undefined && value !== null && value !== '') {
      used.add(key);
      return [key, value];
    }
  }
  return undefined;
}

/** Segment's address ({ street, city, state, postalCode, country }) as Rapport's; a country that is not an ISO code is left out. */
function addressOf(value: unknown): { address: Address; complete: boolean } | undefined {
  if (!isObject(value)) return undefined;
  const out: Record<string, unknown> = {};
  const pairs: [keyof Address, string[]][] = [
    ['street', ['street', 'line1']],
    ['city', ['city']],
    ['region', ['state', 'region']],
    ['postalCode', ['postalCode', 'postal_code', 'zip']],
  ];
  for (const [field, keys] of pairs) {
    const found = keys.map((k) => value[k]).find((v) => v !== undefined && v !== null && v !== '');
    if (found !== undefined) out[field] = typeof found === 'number' ? String(found) : found;
  }
  const country = value.country;
  const iso = typeof country === 'string' && /^[a-z]{2}$/i.test(country.trim());
  if (iso) out.country = (country as string).trim().toUpperCase();
  return { address: out as Address, complete: iso || country === undefined || country === null };
}

/** Whether a time zone or a language tag is valid, remembered (Intl is slow to ask, and SDKs send few). */
const valid = new Map<string, boolean>();
function remembered(key: string, test: () => boolean): boolean {
  let ok = valid.get(key);
  if (ok === undefined) {
    try {
      ok = test();
    } catch {
      ok = false;
    }
    if (valid.size > 10_000) valid.clear();
    valid.set(key, ok);
  }
  return ok;
}

function zonesAndLocale(context: Raw): IdentifyFields {
  const out: IdentifyFields = {};
  const zone = context.timezone;
  if (
    typeof zone === 'string' &&
    remembered(`z:${zone}`, () => !!new Intl.DateTimeFormat('en', { timeZone: zone }))
  )
    out.timezone = zone;
  const locale = context.locale;
  if (
    typeof locale === 'string' &&
    remembered(`l:${locale}`, () => Intl.getCanonicalLocales(locale).length === 1)
  )
    out.locale = locale;
  return out;
}

/** Throws the first problem of a zod result, at the trait path `pathOf` gives. */
function check<T extends z.ZodType>(
  schema: T,
  value: unknown,
  pathOf: (field: string) => string,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const detail = detailsFromZod(result.error)[0]!;
  throw new TraitProblem(pathOf(detail.path), detail.message);
}

function customOf(traits: Raw, used: Set<string>, defs: Definitions, entity: 'person' | 'company') {
  const values: Raw = {};
  for (const [key, value] of Object.entries(traits)) {
    if (used.has(key) || !defs.has(key) || value === null || value === undefined) continue;
    values[key] = value;
    used.add(key);
  }
  if (Object.keys(values).length === 0) return {};
  try {
    return validateCustom(defs, entity, values, 'patch');
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const detail = error.details[0]!;
    throw new TraitProblem(`traits.${detail.path.replace(/^custom\./, '')}`, detail.message);
  }
}

export interface PersonTraits {
  fields: IdentifyFields;
  custom: Raw;
  traits: Raw;
}

/** An identify's traits (and context timezone/locale) as a person's fields, custom values and other traits. */
export function personTraits(traits: Raw, context: Raw, defs: Definitions): PersonTraits {
  const used = new Set<string>();
  const keyOf: Record<string, string> = {};
  const fields: Record<string, unknown> = {};
  const set = (field: string, found: [string, unknown] | undefined) => {
    if (!found) return;
    keyOf[field] = found[0];
    fields[field] = typeof found[1] === 'number' && field === 'phone' ? String(found[1]) : found[1];
  };
  set('email', take(traits, used, 'email'));
  set('firstName', take(traits, used, 'firstName', 'first_name'));
  set('lastName', take(traits, used, 'lastName', 'last_name'));
  if (!fields.firstName && !fields.lastName && typeof traits.name === 'string' && traits.name.trim()) {
    const [first, ...rest] = traits.name.trim().split(/\s+/);
    used.add('name');
    keyOf.firstName = keyOf.lastName = 'name';
    fields.firstName = first;
    if (rest.length) fields.lastName = rest.join(' ');
  }
  set('phone', take(traits, used, 'phone'));
  set('title', take(traits, used, 'title'));
  const birthday = traits.birthday;
  if (typeof birthday === 'string' && /^\d{4}-\d{2}-\d{2}/.test(birthday)) {
    used.add('birthday');
    keyOf.birthday = 'birthday';
    fields.birthday = birthday.slice(0, 10);
  }
  const address = addressOf(traits.address);
  if (address) {
    if (address.complete) used.add('address');
    fields.address = address.address;
  }
  const checked = check(personUpdate, fields, (path) => {
    const [field, ...rest] = path.split('.');
    return ['traits', keyOf[field!] ?? field, ...rest].join('.');
  });
  const custom = customOf(traits, used, defs, 'person');
  const rest = Object.fromEntries(Object.entries(traits).filter(([key]) => !used.has(key)));
  return {
    fields: { ...zonesAndLocale(context), ...(checked as IdentifyFields) },
    custom,
    traits: rest,
  };
}

export interface CompanyTraits {
  fields: z.output<typeof companyUpdate>;
  custom: Raw;
}

/** A group's traits as a company's fields and custom values. */
export function companyTraits(traits: Raw, defs: Definitions): CompanyTraits {
  const used = new Set<string>();
  const keyOf: Record<string, string> = {};
  const fields: Record<string, unknown> = {};
  const set = (field: string, found: [string, unknown] | undefined, map = (v: unknown) => v) => {
    if (!found) return;
    keyOf[field] = found[0];
    fields[field] = map(found[1]);
  };
  set('name', take(traits, used, 'name'));
  set('industry', take(traits, used, 'industry'));
  set('employeeCount', take(traits, used, 'employees', 'employee_count', 'employeeCount'), (v) =>
    typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v,
  );
  set('domain', take(traits, used, 'domain', 'website'));
  set('phone', take(traits, used, 'phone'), (v) => (typeof v === 'number' ? String(v) : v));
  set('description', take(traits, used, 'description'));
  const address = addressOf(traits.address);
  if (address) {
    used.add('address');
    fields.address = address.address;
  }
  const checked = check(companyUpdate, fields, (path) => {
    const [field, ...rest] = path.split('.');
    return ['traits', keyOf[field!] ?? field, ...rest].join('.');
  });
  return { fields: checked, custom: customOf(traits, used, defs, 'company') };
}
