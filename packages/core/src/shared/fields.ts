import { z } from 'zod';

/** Field schemas shared by several domains, so a field means the same everywhere. */

export const RELATIONSHIP_TYPES = [
  'customer',
  'prospect',
  'supplier',
  'partner',
  'distributor',
  'employee',
  'community',
] as const;
export const relationshipType = z.enum(RELATIONSHIP_TYPES);

export const CHANNELS = [
  'email',
  'phone',
  'meeting',
  'in_person',
  'social',
  'chat',
  'web',
  'sms',
  'letter',
] as const;
export const channel = z.enum(CHANNELS);

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address like ada@example.com' }).max(320));

export const tag = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .transform((value) => value.toLowerCase());
export const tags = z
  .array(tag)
  .max(50)
  .transform((values) => [...new Set(values)]);

export const text = (max: number) => z.string().trim().max(max);

/** The fields every entry of an append-only history has: whose it is, who wrote it, when. */
export const historyEntry = {
  personId: z.string().nullable(),
  companyId: z.string().nullable(),
  actor: z.string().describe('Who: a user (usr_…), an API key, or "system" for the background jobs.'),
  at: z.iso.datetime({ offset: true }),
};

/** A customer's service tier: picks the SLA policy of their cases. */
export const SERVICE_TIERS = ['standard', 'gold', 'platinum'] as const;
export const serviceTier = z
  .enum(SERVICE_TIERS)
  .describe('Service tier: picks the SLA policy of their cases (standard, gold, platinum).');

/** An http(s) URL of at most 2,000 characters; the message shows `example`. */
export const httpUrl = (example: string) =>
  z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, message: `must be an http:// or https:// URL, e.g. ${example}` }));

export const isoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
export const isoDateTime = z.iso.datetime({
  offset: true,
  message: 'must be a date-time like 2024-05-01T09:30:00Z',
});

export const address = z
  .strictObject({
    street: text(200).optional(),
    city: text(100).optional(),
    region: text(100).optional(),
    postalCode: text(20).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code like DE')
      .optional(),
  })
  .meta({ id: 'Address' });

export const timezone = z.string().refine(
  (value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone like Europe/Berlin' },
);

export const locale = z.string().refine(
  (value) => {
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  },
  { message: 'must be a BCP 47 language tag like de-CH' },
);

export const phone = z
  .string()
  .trim()
  .regex(
    /^\+?[0-9 ().\-/]{3,40}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i,
    'must be a phone number like +41 44 123 45 67',
  )
  .max(50);

export const CONSENT_STATUSES = ['granted', 'denied', 'unknown'] as const;
export const consent = z
  .partialRecord(
    channel,
    z.strictObject({
      status: z.enum(CONSENT_STATUSES),
      at: isoDateTime.optional(),
      source: text(100).optional(),
    }),
  )
  .meta({
    id: 'Consent',
    description: 'Consent per channel: granted, denied or unknown, with when and where it was given.',
  });

export const customValues = z
  .record(z.string(), z.unknown())
  .meta({ description: 'Values of the custom fields defined for this workspace, by key.' });

/** Canonical phone for matching: digits with a leading + kept. */
export function phoneKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const digits = value.replace(/(?:x|ext\.?)\s*\d+$/i, '').replace(/[^\d+]/g, '');
  return digits.length >= 6 ? digits : null;
}

/** Canonical domain: no scheme, no www., no path, lowercase. */
export function normalizeDomain(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '');
}

/** The `custom.<key>=value` filters of the people and companies lists (checked by each field's type). */
export const customFilters = z
  .record(z.string(), z.string())
  .optional()
  .describe(
    'custom.<key>=value filters, typed by the field: a number, yes/no, a date, an option; ' +
      'a multi-select holds all of a|b; text matches the whole value, case ignored.',
  );

export const domain = z
  .string()
  .transform(normalizeDomain)
  .pipe(
    z
      .string()
      .regex(/^(?=.{3,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a domain like acme.com')
      .max(253),
  );

export const currency = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .refine((value) => CURRENCIES.has(value), { message: 'must be an ISO 4217 currency code like EUR' });

export const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

const digitsOf = new Map<string, number>();

/** Digits after the decimal point for a currency: 2 for EUR, 0 for JPY, 3 for BHD. */
export function minorDigits(code: string): number {
  let digits = digitsOf.get(code);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    if (CURRENCIES.has(code)) digitsOf.set(code, digits);
  }
  return digits;
}

export const money = z.number().int({ message: 'must be an integer amount in minor units (cents)' }).safe();

/** A boolean query parameter: true/false/1/0 as text, or a real boolean (parsing twice is harmless). */
export const queryBool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1');

/** A query parameter that may be given once or repeated (`?tag=a&tag=b`): always a list after parsing. */
export const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]));
