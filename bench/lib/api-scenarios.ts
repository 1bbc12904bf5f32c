import pg from 'pg';
import { TAG_POOLS } from './dataset-words.ts';

/** What the API load test requests: each scenario rotates over many real paths. */
export interface Scenario {
  name: string;
  what: string;
  targetP95Ms: number;
  paths: string[];
}

const P = '/api/v1/people';

/** Picks the ids and filter values from the loaded data (as the superuser, outside the API). */
export async function apiScenarios(databaseUrl: string): Promise<Scenario[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const anyone = await client.query<{ id: string }>(
      `select id from people tablesample bernoulli (1) repeatable (7) where merged_into_id is null limit 3000`,
    );
    // People with at least 50 timeline entries, so the answer carries a full page of 50.
    const heavy = await client.query<{ id: string }>(
      `select p.id from people p
       where p.merged_into_id is null and p.id in (
         select person_id from interaction_people group by person_id having count(*) >= 50)
       order by hashtext(p.id) limit 3000`,
    );
    const owners = await client.query<{ user_id: string }>(
      'select user_id from workspace_members order by user_id',
    );
    const ownerPaths = owners.rows.flatMap((o) =>
      ['customer', 'prospect'].map(
        (type) => `${P}?relationshipType=${type}&ownerId=${o.user_id}&sort=-updatedAt&limit=50`,
      ),
    );
    return [
      {
        name: 'detail-any',
        what: `GET ${P}/{id}?timeline=true, ${anyone.rows.length} random people`,
        targetP95Ms: 15,
        paths: anyone.rows.map((r) => `${P}/${r.id}?timeline=true`),
      },
      {
        name: 'detail-heavy',
        what: `GET ${P}/{id}?timeline=true, ${heavy.rows.length} people with ≥ 50 entries (full page)`,
        targetP95Ms: 15,
        paths: heavy.rows.map((r) => `${P}/${r.id}?timeline=true`),
      },
      {
        name: 'list-owner',
        what: `GET ${P}?relationshipType=customer|prospect&ownerId=usr_…&sort=-updatedAt&limit=50, ${ownerPaths.length} combinations`,
        targetP95Ms: 25,
        paths: ownerPaths,
      },
      {
        name: 'list-tag',
        what: `GET ${P}?tag=…&sort=name&limit=50, ${TAG_POOLS.flat().length} tags (0.2% to 5% of people each)`,
        targetP95Ms: 25,
        paths: TAG_POOLS.flat().map((tag) => `${P}?tag=${tag}&sort=name&limit=50`),
      },
    ];
  } finally {
    await client.end();
  }
}
