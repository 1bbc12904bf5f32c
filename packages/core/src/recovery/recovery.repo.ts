import type { CustomerUnit } from '@rapport/db';
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { SCORE_BANDS } from '../surveys/surveys.schema.ts';

// A read model, like the timeline: one statement per section reads the tables of cases, orders,
// surveys and value together, and only sufficient statistics (counts, sums, quantiles) come back.

const OPEN = sql.raw(`('new', 'acknowledged', 'in_progress', 'waiting_on_customer')`);
const COUNTED = sql.raw(`('paid', 'fulfilled')`);
/** A CLV snapshot counts for a day when it was taken at most this many days before it. */
export const SNAPSHOT_TOLERANCE_DAYS = 31;

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
  sample: number;
}

/**
 * The outcomes of each group over each window (0 = the group's size), in one statement: each
 * complainer's first complaint of the period and its group; the comparison sample with its first
 * order in the period; then per customer the next counted order, the latest NPS answers and the
 * CLV snapshots around the windows (index probes), aggregated per group and window.
 */
export async function outcomes(
  ctx: Ctx,
  p: OutcomeParams,
): Promise<{ rows: OutcomeRow[]; unrated: number; eligible: number }> {
  const k = (c: string) => sql.ref(`k.${p.unit === 'person' ? 'person_id' : 'company_id'}${c}`);
  const o = sql.ref(`o.${p.unit === 'person' ? 'person_id' : 'company_id'}`);
  const r = sql.ref(`r.${p.unit === 'person' ? 'person_id' : 'company_id'}`);
  const result = await sql<OutcomeRow & { unrated: number; eligible: number }>`
    with complaint as materialized (
      select distinct on (${k('')}) ${k('')} as cust, k.opened_at as ref,
        case when k.status in ${OPEN} then 'unresolved'
          when k.acknowledge_breached_at is not null or k.resolve_breached_at is not null
            or k.resolved_at > k.resolve_due_at then 'unsatisfied_or_late'
          when cs.score is null then 'unrated'
          when cs.score >= ${SCORE_BANDS.csatSatisfiedFrom} then 'recovered'
          else 'unsatisfied_or_late' end as grp
      from cases k
      left join survey_responses cs on cs.workspace_id = k.workspace_id and cs.invitation_id = k.csat_invitation_id
      where k.type = 'complaint' and ${k('')} is not null and k.opened_at >= ${p.from} and k.opened_at < ${p.to}
      order by ${k('')}, k.opened_at, k.id
    ), buyers as (
      select ${o} as cust, min(o.ordered_at) as ref
      from orders o
      where o.status in ${COUNTED} and o.ordered_at >= ${p.from} and o.ordered_at < ${p.to} and ${o} is not null
      group by 1
    ), eligible as materialized (
      select b.cust, b.ref from buyers b
      where not exists (select 1 from cases k where k.type = 'complaint' and ${k('')} = b.cust)
    ), cohort as (
      select cust, ref, grp from complaint where grp <> 'unrated'
      union all
      (select cust, ref, 'never_complained' from eligible order by hashtext(cust), cust limit ${p.sample})
    ), measured as (
      select c.grp, c.ref,
        (select min(o.ordered_at) from orders o
          where ${o} = c.cust and o.status in ${COUNTED}
            and o.ordered_at > c.ref and o.ordered_at <= c.ref + interval '180 days') as next_order,
        n.nps90, n.nps180, h.clv0, h.clv90, h.clv180
      from cohort c
      left join lateral (
        select (array_agg(r.score order by r.submitted_at desc)
                  filter (where r.submitted_at <= c.ref + interval '90 days'))[1] as nps90,
               (array_agg(r.score order by r.submitted_at desc))[1] as nps180
        from survey_responses r
        where ${r} = c.cust and r.score is not null
          and r.survey_id in (select s.id from surveys s where s.kind = 'nps')
          and r.submitted_at > c.ref and r.submitted_at <= c.ref + interval '180 days'
      ) n on true
      left join lateral (
        select (array_agg(h.clv_minor order by h.day desc) filter (where h.day <= d.day))[1] as clv0,
               (array_agg(h.clv_minor order by h.day desc)
                  filter (where h.day between d.day + ${90 - SNAPSHOT_TOLERANCE_DAYS}::int and d.day + 90))[1] as clv90,
               (array_agg(h.clv_minor order by h.day desc)
                  filter (where h.day >= d.day + ${180 - SNAPSHOT_TOLERANCE_DAYS}::int))[1] as clv180
        from (select (c.ref at time zone 'UTC')::date as day) d, health_history h
        where h.subject_type = ${p.unit} and h.subject_id = c.cust
          and h.day between d.day - ${SNAPSHOT_TOLERANCE_DAYS}::int and d.day + 180
      ) h on true
    ), flat as (
      select m.grp, w.days, m.next_order <= m.ref + make_interval(days => w.days) as bought,
        case w.days when 90 then m.nps90 else m.nps180 end as nps,
        (case w.days when 90 then m.clv90 else m.clv180 end - m.clv0)::float8 as change
      from measured m cross join (values (0), (90), (180)) w(days)
      where m.ref + make_interval(days => w.days) <= ${p.now} or w.days = 0
    )
    select s.unrated, s.eligible, g.*
    from (select (select count(*) from complaint where grp = 'unrated')::int as unrated,
                 (select count(*) from eligible)::int as eligible) s
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
    order by g.grp, g.days`.execute(ctx.db);
  const first = result.rows[0];
  return {
    rows: result.rows.filter((row) => row.grp !== null),
    unrated: Number(first?.unrated ?? 0),
    eligible: Number(first?.eligible ?? 0),
  };
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
