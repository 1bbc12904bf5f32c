import { z } from 'zod';
import {
  type CellParser,
  type NumberOptions,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseDecimal,
  parseInteger,
  parseList,
  parseMoney,
  parseText,
} from './cells.ts';

/**
 * Zod schemas for the fields of a row schema, built from the cell parsers. A row object
 * holds the raw text of the mapped cells, so each field reads: `undefined` when its column
 * is not mapped (leave the record's value alone), `null` when the cell is empty, else the
 * typed value, or an issue with the parser's reason.
 *
 *   const orderRow = z.object({
 *     externalId: cell.required(cell.text(200)),
 *     email: cell.text().pipe(email.nullish()),
 *     total: cell.required(cell.money('EUR')),
 *     tags: cell.list(),
 *   });
 */

function cellOf<T>(parse: CellParser<T>) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | null | undefined => {
      if (raw === undefined) return undefined;
      const result = parse(raw);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.reason, input: raw });
      return z.NEVER;
    });
}

/** The same field, but an empty cell or an unmapped column is an issue: "is required". */
function required<T>(schema: z.ZodType<T | null | undefined, string | undefined>) {
  return schema.pipe(
    z.custom<NonNullable<T>>((value) => value !== null && value !== undefined, { message: 'is required' }),
  );
}

export const cell = {
  of: cellOf,
  required,
  text: (max?: number) => cellOf((raw) => parseText(raw, max)),
  integer: (options?: NumberOptions) => cellOf((raw) => parseInteger(raw, options)),
  decimal: (options?: NumberOptions) => cellOf((raw) => parseDecimal(raw, options)),
  boolean: () => cellOf(parseBoolean),
  date: () => cellOf(parseDate),
  dateTime: () => cellOf(parseDateTime),
  list: () => cellOf(parseList),
  /** Money in one fixed currency; when the currency is another column, see `parseMoney`. */
  money: (currency: string, options?: NumberOptions) => cellOf((raw) => parseMoney(raw, currency, options)),
};
