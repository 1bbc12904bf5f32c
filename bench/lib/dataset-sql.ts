import {
  COMPANY_WORDS,
  DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  PHRASES,
  SUBJECTS,
  TAG_POOLS,
  TITLES,
} from './dataset-words.ts';

/**
 * The SQL that fills one workspace with a big, skewed dataset, set-based on the server
 * (generate_series + INSERT … SELECT). Every value is a deterministic hash of its row number,
 * so a person's id can be recomputed anywhere (no joins needed to wire foreign keys) and two
 * runs produce the same data. Ids have the real format: prefix_ + 26 Crockford base32 chars,
 * the first 10 encoding the creation time in ms like a ULID.
 */
export interface DatasetSize {
  people: number;
  companies: number;
  interactions: number;
  orders: number;
  notes: number;
  tasks: number;
  products: number;
  /** People 1..heavy get the skewed share: from about fifty to thousands of timeline entries. */
  heavy: number;
}

export const FULL_SIZE: DatasetSize = {
  people: 1_000_000,
  companies: 30_000,
  interactions: 5_000_000,
  orders: 2_000_000,
  notes: 300_000,
  tasks: 20_000,
  products: 500,
  heavy: 10_000,
};

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

const lit = (text: string) => `'${text.replaceAll("'", "''")}'`;
const arr = (words: readonly string[]) => `ARRAY[${words.map(lit).join(',')}]::text[]`;

/**
 * Helper functions (session-local, in pg_temp) that the statements below use. The ones whose
 * argument is used once are SQL and get inlined; the others are PL/pgSQL, because a SQL function
 * that is not inlined pays for a new executor on every call.
 */
export function functionsSql(users: readonly string[], s: DatasetSize): string[] {
  const b32 = (v: string, len: number) =>
    Array.from(
      { length: len },
      (_, i) => `substr(a, ((${v} >> ${5 * (len - 1 - i)}) & 31)::int + 1, 1)`,
    ).join(' || ');
  const sqlFn = (sig: string, returns: string, body: string) =>
    `create function pg_temp.${sig} returns ${returns} language sql immutable parallel safe as $$ select ${body} $$`;
  const plFn = (sig: string, returns: string, body: string, declare = '') =>
    `create function pg_temp.${sig} returns ${returns} language plpgsql immutable parallel safe as $$
     ${declare ? `declare ${declare}` : ''} begin return ${body}; end $$`;
  return [
    sqlFn(
      'r(n bigint, salt int)',
      'float8',
      `(hashint8extended(n, salt) & 2147483647)::float8 / 2147483648.0`,
    ),
    sqlFn('pick(a text[], x float8)', 'text', `a[1 + floor(x * cardinality(a))::int]`),
    sqlFn('at(x float8)', 'timestamptz', `'2018-01-01 00:00:00+00'::timestamptz + x * interval '2922 days'`),
    sqlFn('usr(x float8)', 'text', `(${arr(users)})[1 + floor(x * ${users.length})::int]`),
    sqlFn('person_created(n bigint)', 'timestamptz', `pg_temp.at(pg_temp.r(n, 1))`),
    // prefix_ + 10 chars of creation time in ms + 11 chars of hash + 5 chars of the row number (unique).
    plFn(
      'ulid(prefix text, t timestamptz, n bigint, salt int)',
      'text',
      `prefix || '_' || ${b32('ms', 10)} || ${b32('h', 11)} || ${b32('n', 5)}`,
      `a constant text := '${ALPHABET}'; ms bigint := (extract(epoch from t) * 1000)::bigint;
       h bigint := hashint8extended(n, salt);`,
    ),
    plFn('person_id(n bigint)', 'text', `pg_temp.ulid('per', pg_temp.person_created(n), n, 2)`),
    plFn('company_id(n bigint)', 'text', `pg_temp.ulid('com', pg_temp.at(pg_temp.r(n, 3) * 0.5), n, 4)`),
    // Most timeline rows go to anyone; the rest to the heavy people 1..heavy, skewed towards 1.
    plFn(
      'skewed(n bigint, salt int, share float8)',
      'bigint',
      `case when pg_temp.r(n, salt) < share then 1 + floor(pg_temp.r(n, salt + 1) * ${s.people})::bigint
        else 1 + floor(power(pg_temp.r(n, salt + 1), 1.5) * ${s.heavy})::bigint end`,
    ),
  ];
}

const CORRECTIONS = 0.001;

export function loadSql(ws: string, s: DatasetSize): { label: string; sql: string }[] {
  const W = lit(ws);
  const fold = `translate(lower(%), 'äöüéèàç', 'aoueeac')`;
  const corrections = Math.floor(s.interactions * CORRECTIONS);
  const originals = s.interactions - corrections;
  return [
    {
      label: `products (${s.products})`,
      sql: `insert into products (id, workspace_id, sku, name, category, price_minor, currency, created_at, updated_at)
        select pg_temp.ulid('prd', pg_temp.at(pg_temp.r(n, 90) * 0.2), n, 91), ${W}, 'SKU-' || lpad(n::text, 5, '0'),
          pg_temp.pick(${arr(COMPANY_WORDS)}, pg_temp.r(n, 92)) || ' part ' || n,
          pg_temp.pick(ARRAY['parts','service','machines','consumables'], pg_temp.r(n, 93)),
          500 + (n * 7919) % 50000, 'CHF', now(), now()
        from generate_series(1, ${s.products}) n`,
    },
    {
      label: `companies (${s.companies})`,
      sql: `insert into companies (id, workspace_id, name, domain, relationship_type, industry, owner_id, tags, created_at, updated_at)
        select pg_temp.company_id(n), ${W}, x.name, lower(replace(x.name, ' ', '-')) || '-' || n || '.test',
          case when pg_temp.r(n, 5) < 0.7 then 'customer' when pg_temp.r(n, 5) < 0.85 then 'prospect' else 'supplier' end,
          pg_temp.pick(ARRAY['manufacturing','healthcare','energy','logistics','food','retail'], pg_temp.r(n, 6)),
          pg_temp.usr(pg_temp.r(n, 7)),
          case when pg_temp.r(n, 8) < 0.2 then ARRAY['key-account'] else '{}' end,
          pg_temp.at(pg_temp.r(n, 3) * 0.5), pg_temp.at(pg_temp.r(n, 3) * 0.5) + interval '30 days'
        from generate_series(1, ${s.companies}) n,
          lateral (select pg_temp.pick(${arr(COMPANY_WORDS)}, pg_temp.r(n, 9)) || ' ' ||
            pg_temp.pick(${arr(COMPANY_WORDS)}, pg_temp.r(n, 10)) as name) x`,
    },
    {
      label: `people (${s.people})`,
      sql: `insert into people (id, workspace_id, external_id, first_name, last_name, email, additional_emails, phone,
          title, relationship_type, owner_id, tags, custom, preferred_channel, timezone, locale, address, birthday,
          merged_into_id, created_at, updated_at)
        select pg_temp.person_id(n), ${W},
          case when pg_temp.r(n, 11) < 0.3 then 'CUST-' || n end,
          x.f, x.l,
          case when pg_temp.r(n, 12) < 0.97
            then ${fold.replace('%', 'x.f')} || '.' || ${fold.replace('%', 'x.l')} || n || '@' || pg_temp.pick(${arr(DOMAINS)}, pg_temp.r(n, 13)) end,
          case when pg_temp.r(n, 14) < 0.05 then ARRAY['alt' || n || '@example.org'] else '{}' end,
          case when pg_temp.r(n, 15) < 0.6 then '+41 79 ' || lpad((n % 10000000)::text, 7, '0') end,
          case when pg_temp.r(n, 16) < 0.5 then pg_temp.pick(${arr(TITLES)}, pg_temp.r(n, 17)) end,
          case when pg_temp.r(n, 18) < 0.55 then 'customer' when pg_temp.r(n, 18) < 0.80 then 'prospect'
            when pg_temp.r(n, 18) < 0.85 then 'supplier' when pg_temp.r(n, 18) < 0.90 then 'partner'
            when pg_temp.r(n, 18) < 0.94 then 'distributor' when pg_temp.r(n, 18) < 0.97 then 'employee' else 'community' end,
          case when pg_temp.r(n, 19) < 0.9 then pg_temp.usr(power(pg_temp.r(n, 20), 1.3)) end,
          array_remove(ARRAY[
            case when pg_temp.r(n, 21) < 0.30 then pg_temp.pick(${arr(TAG_POOLS[0]!)}, pg_temp.r(n, 22)) end,
            case when pg_temp.r(n, 23) < 0.15 then pg_temp.pick(${arr(TAG_POOLS[1]!)}, pg_temp.r(n, 24)) end,
            case when pg_temp.r(n, 25) < 0.05 then pg_temp.pick(${arr(TAG_POOLS[2]!)}, pg_temp.r(n, 26)) end], null),
          jsonb_strip_nulls(jsonb_build_object(
            'tier', case when pg_temp.r(n, 27) < 0.3 then pg_temp.pick(ARRAY['gold','silver','bronze'], pg_temp.r(n, 28)) end,
            'newsletter', case when pg_temp.r(n, 29) < 0.2 then true end)),
          case when pg_temp.r(n, 30) < 0.3 then pg_temp.pick(ARRAY['email','phone','meeting'], pg_temp.r(n, 31)) end,
          case when pg_temp.r(n, 32) < 0.5 then 'Europe/Zurich' end,
          case when pg_temp.r(n, 33) < 0.5 then pg_temp.pick(ARRAY['de-CH','fr-CH','it-CH','en-GB'], pg_temp.r(n, 34)) end,
          case when pg_temp.r(n, 35) < 0.4 then jsonb_build_object('city',
            pg_temp.pick(ARRAY['Zürich','Bern','Basel','Genève','Lausanne','Luzern','Lugano','St. Gallen'], pg_temp.r(n, 36)),
            'country', 'CH') end,
          case when pg_temp.r(n, 37) < 0.15 then date '1950-01-01' + floor(pg_temp.r(n, 38) * 18000)::int end,
          case when n > ${s.heavy} and pg_temp.r(n, 39) < 0.002 then pg_temp.person_id(n - 1) end,
          pg_temp.person_created(n),
          pg_temp.person_created(n) + pg_temp.r(n, 40) * ('2026-01-01'::timestamptz - pg_temp.person_created(n))
        from generate_series(1, ${s.people}) n,
          lateral (select pg_temp.pick(${arr(FIRST_NAMES)}, pg_temp.r(n, 41)) as f,
                          pg_temp.pick(${arr(LAST_NAMES)}, pg_temp.r(n, 42)) as l) x`,
    },
    {
      label: 'memberships (40% of people, 2% twice)',
      sql: `insert into memberships (id, workspace_id, person_id, company_id, role, level, function, is_primary, created_at, updated_at)
        select pg_temp.ulid('mem', pg_temp.person_created(n), n + k * ${s.people}, 43), ${W}, pg_temp.person_id(n),
          pg_temp.company_id((floor(power(pg_temp.r(n, 44), 2) * ${s.companies})::bigint + k) % ${s.companies} + 1),
          pg_temp.pick(${arr(TITLES)}, pg_temp.r(n, 45)),
          pg_temp.pick(ARRAY['executive','functional_lead','end_user','end_user'], pg_temp.r(n, 46)),
          pg_temp.pick(ARRAY['engineering','marketing','operations','maintenance','service','purchasing','quality','other'], pg_temp.r(n, 47)),
          k = 0, pg_temp.person_created(n), pg_temp.person_created(n)
        from generate_series(1, ${s.people}) n cross join generate_series(0, 1) k
        where pg_temp.r(n, 48) < case k when 0 then 0.4 else 0.02 end`,
    },
    {
      label: `interactions (${s.interactions}, ${corrections} of them corrections): staging`,
      sql: `create temp table gi as
        select k, b, pg_temp.ulid('int', c.created_at, k, 58) as id, c.occurred_at, c.created_at, c.p1,
          case when pg_temp.r(b, 54) < 0.12 then (c.p1 + floor(pg_temp.r(b, 55) * 1000)::bigint) % ${s.people} + 1 end as p2,
          c.channel
        from generate_series(1, ${s.interactions}) k,
          lateral (select case when k > ${originals} then 1 + floor(pg_temp.r(k, 57) * ${originals})::bigint else k end as b) x,
          lateral (select pg_temp.at(pg_temp.r(b, 50)) as occurred_at,
          case when b = k then pg_temp.at(pg_temp.r(b, 50)) + pg_temp.r(b, 51) * interval '1 day'
               else pg_temp.at(pg_temp.r(b, 50)) + interval '3 days' + pg_temp.r(k, 51) * interval '30 days' end as created_at,
          pg_temp.skewed(b, 52, 0.8) as p1,
          case when pg_temp.r(b, 56) < 0.40 then 'email' when pg_temp.r(b, 56) < 0.55 then 'phone'
            when pg_temp.r(b, 56) < 0.65 then 'meeting' when pg_temp.r(b, 56) < 0.70 then 'in_person'
            when pg_temp.r(b, 56) < 0.80 then 'chat' when pg_temp.r(b, 56) < 0.88 then 'web'
            when pg_temp.r(b, 56) < 0.92 then 'social' when pg_temp.r(b, 56) < 0.98 then 'sms' else 'letter' end as channel) c`,
    },
    {
      label: 'interactions: rows',
      sql: `insert into interactions (id, workspace_id, channel, direction, occurred_at, subject, body, company_id, corrects_id,
          correction_reason, external_id, created_by, created_at)
        select g.id, ${W}, g.channel,
          case when g.channel = 'meeting' and pg_temp.r(g.b, 59) < 0.2 then 'internal'
               when pg_temp.r(g.b, 59) < 0.55 then 'inbound' else 'outbound' end,
          g.occurred_at,
          pg_temp.pick(${arr(SUBJECTS)}, pg_temp.r(g.b, 60)),
          pg_temp.pick(${arr(PHRASES)}, pg_temp.r(g.b, 61)) || ' ' || pg_temp.pick(${arr(PHRASES)}, pg_temp.r(g.b, 62)),
          case when pg_temp.r(g.b, 63) < 0.3 then pg_temp.company_id(1 + floor(power(pg_temp.r(g.b, 64), 2) * ${s.companies})::bigint) end,
          case when g.b <> g.k then
            pg_temp.ulid('int', pg_temp.at(pg_temp.r(g.b, 50)) + pg_temp.r(g.b, 51) * interval '1 day', g.b, 58) end,
          case when g.b <> g.k then 'Wrong date in the first entry' end,
          case when g.channel = 'email' and pg_temp.r(g.k, 65) < 0.5 then 'msg-' || g.k || '@mail.test' end,
          pg_temp.usr(pg_temp.r(g.b, 66)), g.created_at
        from gi g`,
    },
    {
      label: 'interaction_people',
      sql: `insert into interaction_people (workspace_id, interaction_id, person_id, role, occurred_at, channel)
        select ${W}, g.id, pg_temp.person_id(p.person), p.role, g.occurred_at, g.channel
        from gi g cross join lateral (values
          (g.p1, case when g.channel = 'email' then 'from' when g.channel = 'meeting' then 'attendee' else 'participant' end),
          (g.p2, case when g.channel = 'email' then 'cc' when g.channel = 'meeting' then 'attendee' else 'participant' end)) p(person, role)
        where p.person is not null`,
    },
    {
      label: 'interaction_users (40%)',
      sql: `insert into interaction_users (workspace_id, interaction_id, user_id, role)
        select ${W}, g.id, pg_temp.usr(pg_temp.r(g.b, 66)),
          case when g.channel = 'email' then 'to' else 'participant' end
        from gi g where pg_temp.r(g.b, 67) < 0.4`,
    },
    { label: 'interactions: drop staging', sql: 'drop table gi' },
    ...ordersSql(W, s),
    ...notesAndTasksSql(W, s),
  ];
}

function ordersSql(W: string, s: DatasetSize) {
  const line = (field: string) => `pg_temp.r(o.k * 4 + j, ${field})`;
  return [
    {
      label: `orders (${s.orders}): staging with lines`,
      sql: `create temp table go as
        select o.k, o.id, o.ordered_at, o.person,
          j as line_no, 1 + floor(${line('71')} * ${s.products})::int as product, 1 + floor(${line('72')} * 4)::int as qty
        from (select k, pg_temp.ulid('ord', pg_temp.at(pg_temp.r(k, 73)), k, 70) as id, pg_temp.at(pg_temp.r(k, 73)) as ordered_at,
                pg_temp.skewed(k, 74, 0.7) as person, 1 + floor(pg_temp.r(k, 76) * 3)::int as lines
              from generate_series(1, ${s.orders}) k offset 0) o
        cross join lateral generate_series(1, o.lines) j`,
    },
    {
      label: 'orders: rows',
      sql: `insert into orders (id, workspace_id, external_id, person_id, company_id, status, ordered_at, currency,
          subtotal_minor, tax_minor, shipping_minor, total_minor, channel, created_at, updated_at)
        select g.id, ${W}, case when pg_temp.r(g.k, 77) < 0.9 then 'SO-' || g.k end, pg_temp.person_id(g.person),
          case when pg_temp.r(g.k, 78) < 0.2 then pg_temp.company_id(1 + floor(power(pg_temp.r(g.k, 79), 2) * ${s.companies})::bigint) end,
          case when pg_temp.r(g.k, 80) < 0.60 then 'paid' when pg_temp.r(g.k, 80) < 0.90 then 'fulfilled'
            when pg_temp.r(g.k, 80) < 0.94 then 'pending' when pg_temp.r(g.k, 80) < 0.97 then 'cancelled' else 'refunded' end,
          g.ordered_at,
          case when pg_temp.r(g.k, 81) < 0.8 then 'CHF' when pg_temp.r(g.k, 81) < 0.95 then 'EUR' else 'USD' end,
          g.sub, round(g.sub * 0.081)::bigint, case when g.sub < 10000 then 900 else 0 end,
          g.sub + round(g.sub * 0.081)::bigint + case when g.sub < 10000 then 900 else 0 end,
          pg_temp.pick(ARRAY['web','shop','phone','field'], pg_temp.r(g.k, 82)), g.ordered_at, g.ordered_at
        from (select k, id, ordered_at, person, sum(qty * (500 + (product * 7919) % 50000))::bigint as sub
              from go group by k, id, ordered_at, person) g`,
    },
    {
      label: 'order_lines',
      sql: `insert into order_lines (workspace_id, order_id, line_no, product_id, sku, name, quantity, unit_price_minor, total_minor)
        select ${W}, g.id, g.line_no, p.id, p.sku, p.name, g.qty, 500 + (g.product * 7919) % 50000,
          g.qty * (500 + (g.product * 7919) % 50000)
        from go g join products p on p.workspace_id = ${W} and p.sku = 'SKU-' || lpad(g.product::text, 5, '0')`,
    },
    { label: 'orders: drop staging', sql: 'drop table go' },
  ];
}

function notesAndTasksSql(W: string, s: DatasetSize) {
  return [
    {
      label: `notes (${s.notes}, 5% on companies)`,
      sql: `insert into notes (id, workspace_id, person_id, company_id, body, author_id, created_at, updated_at)
        select pg_temp.ulid('note', pg_temp.at(pg_temp.r(k, 84)), k, 85), ${W},
          case when pg_temp.r(k, 86) >= 0.05 then pg_temp.person_id(pg_temp.skewed(k, 87, 0.7)) end,
          case when pg_temp.r(k, 86) < 0.05 then pg_temp.company_id(1 + floor(pg_temp.r(k, 89) * ${s.companies})::bigint) end,
          pg_temp.pick(${arr(PHRASES)}, pg_temp.r(k, 88)), pg_temp.usr(pg_temp.r(k, 66)),
          pg_temp.at(pg_temp.r(k, 84)), pg_temp.at(pg_temp.r(k, 84))
        from generate_series(1, ${s.notes}) k`,
    },
    {
      label: `tasks (${s.tasks})`,
      sql: `insert into tasks (id, workspace_id, title, due_at, assignee_id, person_id, done_at, created_by, created_at, updated_at)
        select pg_temp.ulid('task', pg_temp.at(pg_temp.r(k, 94)), k, 95), ${W},
          pg_temp.pick(${arr(SUBJECTS)}, pg_temp.r(k, 96)), pg_temp.at(pg_temp.r(k, 94)) + interval '7 days',
          pg_temp.usr(pg_temp.r(k, 97)), pg_temp.person_id(pg_temp.skewed(k, 98, 0.7)),
          case when pg_temp.r(k, 99) < 0.7 then pg_temp.at(pg_temp.r(k, 94)) + interval '5 days' end,
          pg_temp.usr(pg_temp.r(k, 97)), pg_temp.at(pg_temp.r(k, 94)), pg_temp.at(pg_temp.r(k, 94))
        from generate_series(1, ${s.tasks}) k`,
    },
  ];
}
