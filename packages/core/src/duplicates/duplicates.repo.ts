import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

export interface Pair {
  first_id: string;
  second_id: string;
  reasons: string[];
}

/**
 * Candidate pairs share a matching key. Keys are computed per record and joined on equality,
 * so the work is one pass plus the pairs found, not a comparison of every record with every other.
 */
export async function personPairs(ctx: Ctx, limit: number): Promise<Pair[]> {
  const result = await sql<Pair>`
    with live as (select * from people where merged_into_id is null),
    keys as (
      select l.id, 'email' as reason, rapport_email_key(e.address) as key
        from live l cross join lateral unnest(array_append(l.additional_emails, l.email)) as e(address)
        where e.address is not null
      union
      select id, 'phone', regexp_replace(phone, '[^0-9]', '', 'g') from live
        where length(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')) >= 7
      union
      select l.id, 'name_and_company', rapport_name_key(l.first_name, l.last_name) || '|' || m.company_id
        from live l join memberships m on m.workspace_id = l.workspace_id and m.person_id = l.id
        where rapport_name_key(l.first_name, l.last_name) is not null
    ),
    pairs as (
      select a.id as first_id, b.id as second_id, array_agg(distinct a.reason order by a.reason) as reasons
      from keys a join keys b on a.reason = b.reason and a.key = b.key and a.id < b.id
      group by a.id, b.id
    )
    select p.* from pairs p
    where not exists (select 1 from duplicate_dismissals d
      where d.entity = 'person' and d.first_id = p.first_id and d.second_id = p.second_id)
    order by cardinality(p.reasons) desc, p.first_id, p.second_id
    limit ${limit}`.execute(ctx.db);
  return result.rows;
}

export async function companyPairs(ctx: Ctx, limit: number): Promise<Pair[]> {
  const result = await sql<Pair>`
    with live as (select * from companies where merged_into_id is null),
    keys as (
      select id, 'name' as reason, rapport_company_key(name) as key from live where rapport_company_key(name) is not null
      union
      select id, 'domain_name', split_part(domain, '.', 1) from live
        where domain is not null and length(split_part(domain, '.', 1)) >= 3
    ),
    pairs as (
      select a.id as first_id, b.id as second_id, array_agg(distinct a.reason order by a.reason) as reasons
      from keys a join keys b on a.reason = b.reason and a.key = b.key and a.id < b.id
      group by a.id, b.id
    )
    select p.* from pairs p
    where not exists (select 1 from duplicate_dismissals d
      where d.entity = 'company' and d.first_id = p.first_id and d.second_id = p.second_id)
    order by cardinality(p.reasons) desc, p.first_id, p.second_id
    limit ${limit}`.execute(ctx.db);
  return result.rows;
}

export async function dismiss(ctx: Ctx, entity: 'person' | 'company', a: string, b: string): Promise<void> {
  const [first, second] = a < b ? [a, b] : [b, a];
  await ctx.db
    .insertInto('duplicate_dismissals')
    .values({
      workspace_id: ctx.workspaceId,
      entity,
      first_id: first,
      second_id: second,
      dismissed_by: ctx.actor.id,
      dismissed_at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
