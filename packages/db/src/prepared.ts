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

/**
 * A pool-client look-alike for Kysely that sends its queries as named statements, one at a time:
 * services may start several queries at once (Promise.all), and node-postgres deprecates starting a
 * query while another runs on the same client, so each waits for the previous one to settle.
 */
export function preparingLease(client: pg.PoolClient): pg.PoolClient {
  let previous: Promise<unknown> = Promise.resolve();
  const query = (text: string, values?: unknown[]) => {
    const run = () => client.query({ name: statementName(text), text, values: values ?? [] });
    const result = previous.then(run, run);
    previous = result.catch(() => {});
    return result;
  };
  return { query, release: () => {} } as unknown as pg.PoolClient;
}
