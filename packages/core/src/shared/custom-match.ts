import { type RawBuilder, sql } from 'kysely';

/** A list's `custom.<key>=value` filters, typed by their definitions (see customFilter). */
export interface CustomMatch {
  /** Values the record's custom object must contain: numbers, booleans, dates, options. */
  contains: Record<string, unknown>;
  /** Text values: the whole value, compared without regard to case. */
  text: Record<string, string>;
}

/** The SQL conditions of a custom filter on a table's `custom` jsonb column. */
export function customMatchSql(match: CustomMatch | undefined): RawBuilder<boolean>[] {
  if (!match) return [];
  const conditions: RawBuilder<boolean>[] = [];
  if (Object.keys(match.contains).length) {
    conditions.push(sql<boolean>`custom @> ${JSON.stringify(match.contains)}::jsonb`);
  }
  for (const [key, value] of Object.entries(match.text)) {
    conditions.push(sql<boolean>`lower(custom ->> ${key}::text) = lower(${value}::text)`);
  }
  return conditions;
}
