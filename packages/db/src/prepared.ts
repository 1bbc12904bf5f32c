import type pg from 'pg';

/**
 * Workspace queries run as named (prepared) statements: PostgreSQL then parses, rewrites (row-level
 * security) and, once a generic plan is as good, plans each distinct statement once per connection
 * instead of on every call. Names are given per distinct SQL text, so a name always means the same
 * text on every connection; past MAX_NAMED texts further statements run unnamed, which bounds the
 * memory each server connection spends on them.
 */
const MAX_NAMED = 500;
const names = new Map<string, string>();

export function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `rapport_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/** A pool-client look-alike for Kysely that sends its parameterised queries as named statements. */
export function preparingLease(client: pg.PoolClient): pg.PoolClient {
  const query = (config: unknown, values?: unknown[]) =>
    typeof config === 'string'
      ? client.query({ name: statementName(config), text: config, values: values ?? [] })
      : client.query(config as pg.QueryConfig);
  return { query, release: () => {} } as unknown as pg.PoolClient;
}
