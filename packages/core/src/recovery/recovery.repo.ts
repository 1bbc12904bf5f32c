import type { CustomerUnit } from '@rapport/db';
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { withoutJit } from '../shared/jit.ts';
import { SCORE_BANDS } from '../surveys/surveys.schema.ts';

// A read model, like the timeline: one statement per section reads the tables of cases, orders,
// surveys and value together, and only sufficient statistics (counts, sums, quantiles) come back.

const OPEN = sql.raw(`('new', 'acknowledged', 'in_progress', 'waiting_on_customer')`);
const COUNTED = sql.raw(`('paid', 'fulfilled')`);

/** Days before a reference day read with the points after it (a customer's point is usually that recent). */
const LOOK_BACK_DAYS = 31;

export interface OutcomeRow {
  grp: string;
  days: number;
  customers: number;
  buyers: number;
  nps_n: number;
  promoters: number;
  detractors: number;
  clv_n: number;
  clv_mean: number | null;
  clv_sd: number | null;
  clv_median: number | null;
}

export interface OutcomeParams {
  unit: CustomerUnit;
  from: Date;
  to: Date;
  now: Date;
  /** At most this many customers measured per group (a deterministic sample by hash). */
  sample: number;
}

/**
 * The outcomes of each group over each window (0 = the customers measured), in one statement:
 * each complainer's first complaint of the period and its group (all of them, for the group sizes);
 * per group a deterministic sample by hash of the customer id; the comparison: customers in hash
 * order (an index) with a counted order in the period and no complaint ever, from their first
 * order of the period, until the sample is full. Then per customer the next counted order, the
 * latest NPS answers and the CLV snapshots around the windows (index probes), aggregated.
 */
export async function outcomes(
  ctx: Ctx,
  p: OutcomeParams,
): Promise<{ rows: OutcomeRow[]; sizes: Record<string, number> }> {
  const column = p.unit === 'person' ? 'person_id' : 'company_id';
  const k = sql.ref(`k.${column}`);
  const o = sql.ref(`o.${column}`);
  const r = sql.ref(`r.${column}`);
  const customers = sql.table(p.unit === 'person' ? 'people' : 'companies');
  // The NPS surveys, once (a list in the probe, instead of a join per measured customer).
  const nps = await sql<{ id: string }>`select id from surveys where kind = 'nps'`.execute(ctx.db);
  const npsIds = nps.rows.map((row) => row.id);
  // No JIT compilation for this statement: planned on the estimated cost of its index probes, it
  // took about a second to compile (docs/benchmarks.md) and saves nothing on them.
  const result = await withoutJit(ctx, () =>
    sql<OutcomeRow & { sizes: Record<string, number> }>`
    with complaint as materialized (
      -- The CSAT answer is looked up only for the first complaints that need it: resolved on time
      -- with an invitation sent (by the unique invitation), after the first complaint is chosen.
      select f.cust, f.ref,
        coalesce(f.grp, case when f.invitation is not null then (
          select case when r.score >= ${SCORE_BANDS.csatSatisfiedFrom} then 'recovered'
            when r.score is not null then 'unsatisfied_or_late' end
          from survey_responses r where r.invitation_id = f.invitation) end, 'unrated') as grp
      from (
        select distinct on (${k}) ${k} as cust, k.opened_at as ref,
          case when k.status in ${OPEN} then 'unresolved'
            when k.acknowledge_breached_at is not null or k.resolve_breached_at is not null
              or k.resolved_at > k.resolve_due_at then 'unsatisfied_or_late' end as grp,
          k.csat_invitation_id as invitation
        from cases k
        where k.type = 'complaint' and ${k} is not null and k.opened_at >= ${p.from} and k.opened_at < ${p.to}
        order by ${k}, k.opened_at, k.id
      ) f
    ), comparison as materialized (
      select c.id as cust, f.ref, 'never_complained' as grp
      from ${customers} c
      cross join lateral (
        select min(o.ordered_at) as ref from orders o
        where ${o} = c.id and o.status in ${COUNTED} and o.ordered_at >= ${p.from} and o.ordered_at < ${p.to}
      ) f
      where c.merged_into_id is null and f.ref is not null
        and not exists (select 1 from cases k where ${k} = c.id and k.type = 'complaint')
      order by hashtext(c.id)
      limit ${p.sample}
    ), cohort as (
      select cust, ref, grp from (
        select cust, ref, grp, row_number() over (partition by grp order by hashtext(cust), cust) as n
        from complaint where grp <> 'unrated'
      ) x where n <= ${p.sample}
      union all
      select cust, ref, grp from comparison
    ), measured as materialized (
      select c.grp, c.ref, nx.next_order, n.nps90, n.nps180, h.clv0, h.clv90, h.clv180
      from cohort c
      left join lateral (
        select min(o.ordered_at) as next_order from orders o
        where ${o} = c.cust and o.status in ${COUNTED}
          and o.ordered_at > c.ref and o.ordered_at <= c.ref + interval '180 days'
      ) nx on true
      left join lateral (
        -- The latest answer: the greatest [time, score] (an array compares element by element).
        select (max(array[extract(epoch from r.submitted_at)::float8, r.score])
                  filter (where r.submitted_at <= c.ref + interval '90 days'))[2] as nps90,
               (max(array[extract(epoch from r.submitted_at)::float8, r.score]))[2] as nps180
        from survey_responses r
        where ${r} = c.cust and r.score is not null
          and r.survey_id = any(${npsIds}::text[])
          and r.submitted_at > c.ref and r.submitted_at <= c.ref + interval '180 days'
      ) n on true
      left join lateral (
        -- Health history holds change points: a customer's CLV on a day is their latest point
        -- on or before it. One range of the key from a month before the reference day to the
        -- longest window's end gives the latest point at the reference day and after it (the
        -- greatest [day offset, CLV]); further back is probed only when that month has none.
        select coalesce(a.clv0, b.clv0) as clv0, coalesce(a.clv90, a.clv0, b.clv0) as clv90,
          coalesce(a.clv180, a.clv0, b.clv0) as clv180
        from (select (c.ref at time zone 'UTC')::date as day) d
        cross join lateral (
          select (max(array[h.day - d.day, h.clv_minor]) filter (where h.day <= d.day))[2] as clv0,
                 (max(array[h.day - d.day, h.clv_minor]) filter (where h.day > d.day and h.day <= d.day + 90))[2] as clv90,
                 (max(array[h.day - d.day, h.clv_minor]) filter (where h.day > d.day))[2] as clv180
          from health_history h
          where h.subject_type = ${p.unit} and h.subject_id = c.cust
            and h.day between d.day - ${LOOK_BACK_DAYS}::int and d.day + 180
        ) a
        left join lateral (
          select h.clv_minor as clv0 from health_history h
          where a.clv0 is null and h.subject_type = ${p.unit} and h.subject_id = c.cust
            and h.day < d.day - ${LOOK_BACK_DAYS}::int
          order by h.day desc limit 1
        ) b on true
      ) h on true
    ), flat as (
      select m.grp, w.days, m.next_order <= m.ref + make_interval(days => w.days) as bought,
        case w.days when 90 then m.nps90 else m.nps180 end as nps,
        (case w.days when 90 then m.clv90 else m.clv180 end - m.clv0)::float8 as change
      from measured m cross join (values (0), (90), (180)) w(days)
      where m.ref + make_interval(days => w.days) <= ${p.now} or w.days = 0
    )
    select s.sizes, g.*
    from (select coalesce((select json_object_agg(grp, n) from (
        select grp, count(*)::int as n from complaint group by grp
        union all select 'never_complained', count(*)::int from comparison) x), '{}') as sizes) s
    left join lateral (
      select grp, days, count(*)::int as customers,
        count(*) filter (where bought)::int as buyers,
        count(nps)::int as nps_n,
        count(*) filter (where nps >= ${SCORE_BANDS.npsPromoterFrom})::int as promoters,
        count(*) filter (where nps <= ${SCORE_BANDS.npsDetractorTo})::int as detractors,
        count(change)::int as clv_n, avg(change)::float8 as clv_mean, stddev_samp(change)::float8 as clv_sd,
        percentile_cont(0.5) within group (order by change)::float8 as clv_median
      from flat group by grp, days
    ) g on true
    order by g.grp, g.days`.execute(ctx.db),
  );
  const sizes = result.rows[0]?.sizes ?? {};
  return { rows: result.rows.filter((row) => row.grp !== null), sizes };
}

export interface CauseRow {
  root_cause_id: string | null;
  name: string | null;
  current: number;
  previous: number;
}

/** Cases per root cause in the period and in the one before it (null: without a cause). */
export async function causeCounts(
  ctx: Ctx,
  from: Date,
  to: Date,
  previousFrom: Date,
  type: string | undefined,
): Promise<CauseRow[]> {
  const result = await sql<CauseRow>`
    select c.root_cause_id, rc.name, c.current, c.previous
    from (
      select k.root_cause_id, count(*) filter (where k.opened_at >= ${from})::int as current,
        count(*) filter (where k.opened_at < ${from})::int as previous
      from cases k
      where k.opened_at >= ${previousFrom} and k.opened_at < ${to}
        ${type ? sql`and k.type = ${type}` : sql``}
      group by 1
    ) c
    left join root_causes rc on rc.id = c.root_cause_id
    order by c.current desc, rc.name, c.root_cause_id`.execute(ctx.db);
  return result.rows;
}

export interface TimesRow {
  ack: number[] | null;
  res: number[] | null;
  ack_n: number;
  res_n: number;
  unacknowledged: number;
  unresolved: number;
  ack_bins: number[];
  res_bins: number[];
}

/** Hours to acknowledge and to resolve of the cases opened in the period: median, p90 and bin counts. */
export async function times(
  ctx: Ctx,
  from: Date,
  to: Date,
  type: string | undefined,
  edges: number[],
): Promise<TimesRow> {
  const result = await sql<TimesRow>`
    with t as (
      select extract(epoch from k.acknowledged_at - k.opened_at)::float8 / 3600 as ack,
        extract(epoch from k.resolved_at - k.opened_at)::float8 / 3600 as res,
        k.status in ${OPEN} as open, k.acknowledged_at is null as unacked
      from cases k
      where k.opened_at >= ${from} and k.opened_at < ${to} ${type ? sql`and k.type = ${type}` : sql``}
    ), ab as (
      select width_bucket(t.ack, ${edges}::float8[]) as b, count(*)::int as n from t where t.ack is not null group by 1
    ), rb as (
      select width_bucket(t.res, ${edges}::float8[]) as b, count(*)::int as n from t where t.res is not null group by 1
    )
    select percentile_cont(array[0.5, 0.9]) within group (order by t.ack) as ack,
      percentile_cont(array[0.5, 0.9]) within group (order by t.res) as res,
      count(t.ack)::int as ack_n, count(t.res)::int as res_n,
      (count(*) filter (where t.open and t.unacked))::int as unacknowledged,
      (count(*) filter (where t.open))::int as unresolved,
      (select array_agg(coalesce(ab.n, 0) order by g) from generate_series(0, ${edges.length}) g
        left join ab on ab.b = g) as ack_bins,
      (select array_agg(coalesce(rb.n, 0) order by g) from generate_series(0, ${edges.length}) g
        left join rb on rb.b = g) as res_bins
    from t`.execute(ctx.db);
  return result.rows[0]!;
}
