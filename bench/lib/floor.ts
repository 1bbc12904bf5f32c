import pg from 'pg';

/** Where the floor server reads its answers: an unlogged table of the bench database only. */
export const FLOOR_TABLE = 'bench_floor_answers';

/**
 * Records the real API's answer to every path (as the bench's API key sees it), so the floor
 * server can send the very same bytes. Fails if any answer is not a 200.
 */
export async function recordAnswers(
  databaseUrl: string,
  baseUrl: string,
  token: string,
  paths: string[],
): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `create unlogged table if not exists ${FLOOR_TABLE} (path text primary key, body text not null)`,
    );
    let next = 0;
    let bytes = 0;
    const worker = async () => {
      for (let i = next++; i < paths.length; i = next++) {
        const path = paths[i]!;
        const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
        const body = await response.text();
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body}`);
        bytes += body.length;
        rows.push([path, body]);
      }
    };
    const rows: [string, string][] = [];
    await Promise.all(Array.from({ length: 4 }, worker));
    for (const [path, body] of rows) {
      await client.query(
        `insert into ${FLOOR_TABLE} (path, body) values ($1, $2) on conflict (path) do update set body = excluded.body`,
        [path, body],
      );
    }
    return bytes / Math.max(1, rows.length);
  } finally {
    await client.end();
  }
}

export async function dropAnswers(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop table if exists ${FLOOR_TABLE}`);
  } finally {
    await client.end();
  }
}
