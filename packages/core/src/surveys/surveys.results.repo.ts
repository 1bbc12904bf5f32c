import { type Expression, type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

/**
 * The figures of a survey, aggregated by PostgreSQL: per group, invitations sent and answered
 * (response rate) and the answers given with the kind's metric; per group and question, the
 * distribution of the answers. A group is a period, an owner, a company, or everything.
 */

export interface Scope {
  surveyId: string;
  kind: string;
  from: Date;
  to: Date;
  /** Only these people (a segment): a subquery of person ids. */
  people?: Expression<unknown> | undefined;
}

/** How rows are grouped: the key of an invitation, the key of an answer, and how keys are named. */
export interface Grouping {
  invitation: RawBuilder<unknown>;
  response: RawBuilder<unknown>;
  label: (key: RawBuilder<unknown>) => RawBuilder<unknown>;
  /** Every key in the range, even without rows (periods). */
  keys?: RawBuilder<unknown> | undefined;
}

export interface GroupRow {
  key: string | null;
  label: string | null;
  invited: number;
  answered: number;
  response_rate: number | null;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  satisfied: number;
  easy: number;
  easy_rate: number | null;
  mean: number | null;
  score: number | null;
}

export interface DistributionRow {
  key: string | null;
  question: string;
  value: string | null;
  /** 1: the row of the whole question (how many answered it, the mean); 0: one answer's count. */
  whole: number;
  n: number;
  mean: number | null;
}

const INTERVAL = { week: '1 week', month: '1 month', quarter: '3 months' } as const;
const LABEL = { week: 'IYYY-"W"IW', month: 'YYYY-MM', quarter: 'YYYY-"Q"Q' } as const;

/** Periods (UTC) keyed by their first day, every period of the range listed. */
export function byPeriod(period: keyof typeof INTERVAL, scope: Scope): Grouping {
  const key = (column: string) =>
    sql`to_char(date_trunc(${period}, ${sql.ref(column)} at time zone 'UTC'), 'YYYY-MM-DD')`;
  return {
    invitation: key('i.sent_at'),
    response: key('r.submitted_at'),
    label: (k) => sql`to_char(${k}::date, ${LABEL[period]})`,
    keys: sql`select to_char(d, 'YYYY-MM-DD') as key from generate_series(
        date_trunc(${period}, ${scope.from.toISOString()}::timestamptz at time zone 'UTC'),
        ${scope.to.toISOString()}::timestamptz at time zone 'UTC' - interval '1 microsecond',
        ${INTERVAL[period]}::interval) as d`,
  };
}

export const byOwner: Grouping = {
  invitation: sql`i.owner_id`,
  response: sql`r.owner_id`,
  label: (k) => sql`coalesce((select u.name from users u where u.id = ${k}), 'No owner')`,
};

export const byCompany: Grouping = {
  invitation: sql`i.company_id`,
  response: sql`r.company_id`,
  label: (k) => sql`coalesce((select c.name from companies c where c.id = ${k}), 'No company')`,
};

export function whole(label: string): Grouping {
  return {
    invitation: sql`null::text`,
    response: sql`null::text`,
    label: () => sql`${label}::text`,
    keys: sql`select null::text as key`,
  };
}

function within(alias: 'i' | 'r', column: string, scope: Scope) {
  const ref = sql.ref(`${alias}.${column}`);
  const people = scope.people ? sql`and ${sql.ref(`${alias}.person_id`)} in (${scope.people})` : sql``;
  return sql`${sql.ref(`${alias}.survey_id`)} = ${scope.surveyId}
    and ${ref} >= ${scope.from.toISOString()}::timestamptz and ${ref} < ${scope.to.toISOString()}::timestamptz ${people}`;
}

export async function groupFigures(ctx: Ctx, scope: Scope, g: Grouping): Promise<GroupRow[]> {
  const keys = g.keys ? sql`, keys as (${g.keys})` : sql``;
  const joined = g.keys
    ? sql`keys k left join inv on inv.key is not distinct from k.key left join rsp on rsp.key is not distinct from k.key`
    : sql`inv full join rsp on coalesce(inv.key, '') = coalesce(rsp.key, '')`;
  const key = g.keys ? sql`k.key` : sql`coalesce(inv.key, rsp.key)`;
  const result = await sql<GroupRow>`
    with inv as (
      select ${g.invitation} as key, count(*)::int as invited, count(i.answered_at)::int as answered
      from survey_invitations i where ${within('i', 'sent_at', scope)} group by 1
    ), rsp as (
      select ${g.response} as key, count(*)::int as responses,
        count(*) filter (where r.score >= 9)::int as promoters,
        count(*) filter (where r.score between 7 and 8)::int as passives,
        count(*) filter (where r.score <= 6)::int as detractors,
        count(*) filter (where r.score >= 4)::int as satisfied,
        count(*) filter (where r.score >= 5)::int as easy,
        avg(r.score)::float8 as mean
      from survey_responses r where ${within('r', 'submitted_at', scope)} group by 1
    ) ${keys}
    select f.*, ${g.label(sql`f.key`)} as label,
      round(f.answered::numeric / nullif(f.invited, 0), 4)::float8 as response_rate,
      round(f.easy::numeric / nullif(f.responses, 0), 4)::float8 as easy_rate,
      case ${scope.kind}::text
        when 'nps' then round(100.0 * (f.promoters - f.detractors) / nullif(f.responses, 0), 1)
        when 'csat' then round(100.0 * f.satisfied / nullif(f.responses, 0), 1)
        when 'ces' then round(f.mean::numeric, 2)
      end::float8 as score
    from (
      select ${key} as key, coalesce(inv.invited, 0) as invited, coalesce(inv.answered, 0) as answered,
        coalesce(rsp.responses, 0) as responses, coalesce(rsp.promoters, 0) as promoters,
        coalesce(rsp.passives, 0) as passives, coalesce(rsp.detractors, 0) as detractors,
        coalesce(rsp.satisfied, 0) as satisfied, coalesce(rsp.easy, 0) as easy, rsp.mean
      from ${joined}
    ) f
    order by f.key nulls last`.execute(ctx.db);
  return result.rows;
}

/**
 * Per group and question (scale and choice questions only): how often each answer was given
 * (`value` set) and how many answered it, with the mean of a scale (`value` null).
 */
export async function distribution(
  ctx: Ctx,
  scope: Scope,
  g: Grouping,
  questionIds: string[],
): Promise<DistributionRow[]> {
  if (questionIds.length === 0) return [];
  const result = await sql<DistributionRow>`
    select key, question, value, grouping(value)::int as whole, count(distinct rid)::int as n,
      avg(case when kind = 'number' then value::numeric end)::float8 as mean
    from (
      select ${g.response} as key, r.id as rid, q.question, v.value, jsonb_typeof(q.answer) as kind
      from survey_responses r
      cross join lateral jsonb_each(r.answers) as q(question, answer)
      cross join lateral jsonb_array_elements_text(case jsonb_typeof(q.answer)
        when 'array' then q.answer else jsonb_build_array(q.answer) end) as v(value)
      where ${within('r', 'submitted_at', scope)} and q.question = any(${questionIds}::text[])
    ) x
    group by grouping sets ((key, question, value), (key, question))
    order by key, question, value`.execute(ctx.db);
  return result.rows;
}
