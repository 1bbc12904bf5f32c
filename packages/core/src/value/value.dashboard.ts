import type { CustomerUnit, Database } from '@rapport/db';
import { type SelectQueryBuilder, sql } from 'kysely';
import { companiesMatchingIds, companiesSelection } from '../companies/companies.service.ts';
import { peopleMatchingIds, segmentOf } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { RELATIONSHIP_TYPES } from '../shared/fields.ts';
import { NOT_FILTERS } from '../shared/selection.ts';
import { parseInput } from '../shared/validate.ts';
import { getSavedView, listSavedViews } from '../views/views.service.ts';
import { presentFit } from './value.recompute.ts';
import * as repo from './value.repo.ts';
import { type DashboardQuery, dashboardQuery, type ValueDashboard } from './value.schema.ts';
import { currentSettings } from './value.settings.ts';

// GET /value/dashboard: reads only. Distribution, segments, quadrants and health over time are
// aggregated by PostgreSQL from the figures (restricted to a saved view when asked); cohorts,
// repeat rate and the calibration/holdout tracking were computed by the last recompute and are
// read from its fit (they are workspace-wide).

// biome-ignore lint/suspicious/noExplicitAny: a subquery of ids from any table
type Subquery = SelectQueryBuilder<Database, any, { id: string }>;
/** Whose figures: a subquery of ids, the ids of a segment (resolved once), or both (and). */
type Ids = { query?: Subquery; list?: string[] };
const BINS = 20;
const P_ALIVE = 0.5;
/** Saved views compared in "CLV by segment". */
const MAX_VIEWS = 20;
const HEALTH_DAYS = 180;
/** Below this chance of still being a customer, a customer is gone rather than slipping away. */
const GONE = 0.05;
const DAY = 86_400_000;

function figures(ctx: Ctx, unit: CustomerUnit, ids: Ids | null) {
  return ctx.db
    .selectFrom('customer_values')
    .where('subject_type', '=', unit)
    .$if(!!ids?.query, (qb) => qb.where('subject_id', 'in', ids!.query!))
    .$if(!!ids?.list, (qb) => qb.where(sql<boolean>`subject_id = any(${ids!.list}::text[])`));
}

async function stats(ctx: Ctx, unit: CustomerUnit, ids: Ids | null) {
  const row = await figures(ctx, unit, ids)
    .select([
      sql<number>`count(*)::int`.as('customers'),
      sql<number>`coalesce(sum(clv_minor), 0)::float8`.as('total'),
      sql<number>`coalesce(percentile_disc(0.5) within group (order by clv_minor), 0)`.as('median'),
      sql<number>`coalesce(percentile_disc(0.99) within group (order by clv_minor), 0)`.as('p99'),
      sql<number>`coalesce(percentile_disc(0.5) within group (order by monetary_minor), 0)`.as('medianSpend'),
    ])
    .executeTakeFirstOrThrow();
  const customers = Number(row.customers);
  const totalMinor = Math.round(Number(row.total));
  return {
    customers,
    totalMinor,
    meanMinor: customers ? Math.round(totalMinor / customers) : 0,
    medianMinor: Number(row.median),
    p99: Number(row.p99),
    medianSpend: Number(row.medianSpend),
  };
}

const brief = ({ customers, totalMinor, meanMinor, medianMinor }: Awaited<ReturnType<typeof stats>>) => ({
  customers,
  totalMinor,
  meanMinor,
  medianMinor,
});

async function histogram(ctx: Ctx, unit: CustomerUnit, ids: Ids | null, top: number) {
  const width = Math.max(1, Math.ceil(top / BINS));
  const rows = await figures(ctx, unit, ids)
    .select([
      sql<number>`least(clv_minor / ${width}, ${BINS - 1})::int`.as('bin'),
      sql<number>`count(*)::int`.as('n'),
    ])
    .groupBy('bin')
    .execute();
  const counts = new Map(rows.map((r) => [Number(r.bin), Number(r.n)]));
  return Array.from({ length: BINS }, (_, k) => ({
    fromMinor: k * width,
    toMinor: (k + 1) * width,
    customers: counts.get(k) ?? 0,
  }));
}

/** The ids of a saved view's live records, resolved once (the queries below then use an array). */
async function segmentIds(ctx: Ctx, unit: CustomerUnit, viewId: string): Promise<Ids> {
  const rows = await (await segmentQuery(ctx, unit, viewId)).execute();
  return { list: rows.map((row) => row.id) };
}

async function segmentQuery(ctx: Ctx, unit: CustomerUnit, viewId: string): Promise<Subquery> {
  if (unit === 'person') return peopleMatchingIds(ctx, (await segmentOf(ctx, viewId)).selection) as Subquery;
  const view = await getSavedView(ctx, viewId);
  if (view.kind !== 'companies')
    throw invalid('viewId', 'is a view of people; the customers here are companies');
  const filter = Object.fromEntries(Object.entries(view.filters).filter(([key]) => !(key in NOT_FILTERS)));
  return companiesMatchingIds(ctx, await companiesSelection(ctx, { filter })) as Subquery;
}

async function quadrants(ctx: Ctx, unit: CustomerUnit, ids: Ids | null, threshold: number) {
  const row = await figures(ctx, unit, ids)
    .select([
      sql<number>`count(*) filter (where monetary_minor >= ${threshold} and p_alive >= ${P_ALIVE})::int`.as(
        'keep',
      ),
      sql<number>`count(*) filter (where monetary_minor >= ${threshold} and p_alive < ${P_ALIVE})::int`.as(
        'save',
      ),
      sql<number>`count(*) filter (where monetary_minor < ${threshold} and p_alive >= ${P_ALIVE})::int`.as(
        'grow',
      ),
      sql<number>`count(*) filter (where monetary_minor < ${threshold} and p_alive < ${P_ALIVE})::int`.as(
        'letGo',
      ),
    ])
    .executeTakeFirstOrThrow();
  const before = new Date(ctx.clock.now().getTime() - 30 * DAY).toISOString().slice(0, 10);
  // High value slipping away: P(alive) below the threshold, or fallen by 0.1 or more in 30 days;
  // not those already gone (P(alive) under 5%: a win-back, not a save).
  const save = await sql<{
    id: string;
    name: string | null;
    monetary: number;
    clv: number;
    alive: number;
    before: number | null;
  }>`
    select v.subject_id as id, v.monetary_minor as monetary, v.clv_minor as clv, v.p_alive as alive, h.p_alive as before,
      ${
        unit === 'person'
          ? sql`(select rapport_display_name(p.first_name, p.last_name, p.email) from people p where p.workspace_id = v.workspace_id and p.id = v.subject_id)`
          : sql`(select c.name from companies c where c.workspace_id = v.workspace_id and c.id = v.subject_id)`
      } as name
    from customer_values v
    left join lateral (
      select p_alive from health_history h
      where h.subject_type = v.subject_type and h.subject_id = v.subject_id and h.day <= ${before}::date
      order by h.day desc limit 1
    ) h on true
    where v.subject_type = ${unit} and v.monetary_minor >= ${threshold}
      ${ids?.list ? sql`and v.subject_id = any(${ids.list}::text[])` : sql``}
      and v.p_alive >= ${GONE}
      and (v.p_alive < ${P_ALIVE} or h.p_alive - v.p_alive >= 0.1)
    order by v.monetary_minor * (1 - v.p_alive) desc, v.subject_id limit 10`.execute(ctx.db);
  return {
    valueThresholdMinor: threshold,
    pAliveThreshold: P_ALIVE,
    cells: [
      { quadrant: 'keep' as const, label: 'High value, likely active: keep', customers: Number(row.keep) },
      {
        quadrant: 'save' as const,
        label: 'High value, slipping away: save first',
        customers: Number(row.save),
      },
      { quadrant: 'grow' as const, label: 'Low value, active: grow', customers: Number(row.grow) },
      { quadrant: 'let_go' as const, label: 'Low value, slipping away', customers: Number(row.letGo) },
    ],
    saveFirst: save.rows.map((r) => ({
      subjectType: unit,
      subjectId: r.id,
      name: r.name ?? r.id,
      monetaryMinor: Number(r.monetary),
      clvMinor: Number(r.clv),
      pAlive: r.alive,
      pAliveBefore: r.before,
    })),
  };
}

interface HealthTotals {
  day: string;
  customers: number;
  sum: number;
  good: number;
  fair: number;
}

const presentHealth = (t: HealthTotals) => ({
  day: t.day,
  customers: t.customers,
  meanHealth: Math.round((t.sum / t.customers) * 10) / 10,
  good: t.good / t.customers,
  fair: t.fair / t.customers,
  poor: (t.customers - t.good - t.fair) / t.customers,
});

/**
 * Health on each recompute day of the last HEALTH_DAYS: the workspace's totals as the recompute
 * wrote them; a segment's from its customers' change points (a point holds from its day until the
 * customer's next one), summed as steps that start and end, evaluated on the same days.
 */
async function healthOverTime(ctx: Ctx, unit: CustomerUnit, ids: Ids | null) {
  const since = new Date(ctx.clock.now().getTime() - HEALTH_DAYS * DAY).toISOString().slice(0, 10);
  const days = await ctx.db
    .selectFrom('health_daily')
    .select([sql<string>`day::text`.as('day'), 'customers', 'health_sum', 'good', 'fair'])
    .where('subject_type', '=', unit)
    .where('day', '>=', since)
    .orderBy('day')
    .execute();
  if (!ids?.list)
    return days.map((d) =>
      presentHealth({
        day: d.day,
        customers: d.customers,
        sum: Number(d.health_sum),
        good: d.good,
        fair: d.fair,
      }),
    );
  const steps = await sql<HealthTotals>`
    with p as (
      select day, health, health_band, lead(day) over (partition by subject_id order by day) as until
      from health_history
      where subject_type = ${unit} and subject_id = any(${ids.list}::text[])
    ), s as (
      select greatest(day, ${since}::date) as start, until, health, (health_band = 'good')::int as g,
        (health_band = 'fair')::int as f
      from p where until is null or until > ${since}::date
    )
    select day::text as day, sum(n)::int as customers, sum(h)::float8 as sum, sum(g)::int as good, sum(f)::int as fair
    from (
      select start as day, 1 as n, health as h, g, f from s
      union all
      select until, -1, -health, -g, -f from s where until is not null
    ) x group by day order by day`.execute(ctx.db);
  const out = [];
  const at: HealthTotals = { day: '', customers: 0, sum: 0, good: 0, fair: 0 };
  let k = 0;
  for (const d of days) {
    for (; k < steps.rows.length && steps.rows[k]!.day <= d.day; k++) {
      const step = steps.rows[k]!;
      at.customers += step.customers;
      at.sum += step.sum;
      at.good += step.good;
      at.fair += step.fair;
    }
    if (at.customers > 0) out.push(presentHealth({ ...at, day: d.day }));
  }
  return out;
}

/** The value dashboard of the workspace, or of one saved view's customers. */
export async function getValueDashboard(ctx: Ctx, input: DashboardQuery = {}): Promise<ValueDashboard> {
  const query = parseInput(dashboardQuery, input);
  const settings = await currentSettings(ctx);
  const unit = settings.customerUnit;
  const ids = query.viewId ? await segmentIds(ctx, unit, query.viewId) : null;
  const all = await stats(ctx, unit, ids);
  const fit = await repo.findFit(ctx);
  const views = (await listSavedViews(ctx, { kind: unit === 'person' ? 'people' : 'companies' })).slice(
    0,
    MAX_VIEWS,
  );
  const byView = [];
  for (const view of views)
    byView.push({
      viewId: view.id,
      name: view.name,
      ...brief(await stats(ctx, unit, await segmentIds(ctx, unit, view.id))),
    });
  const byType = [];
  for (const type of RELATIONSHIP_TYPES) {
    const query = (
      unit === 'person'
        ? peopleMatchingIds(ctx, { relationshipType: [type] })
        : companiesMatchingIds(ctx, { relationshipType: [type] })
    ) as Subquery;
    const s = await stats(ctx, unit, { ...ids, query });
    if (s.customers) byType.push({ relationshipType: type, ...brief(s) });
  }
  return {
    customerUnit: unit,
    currency: fit?.currency ?? settings.currency,
    fit: fit ? presentFit(fit) : null,
    customers: all.customers,
    clvDistribution: { ...brief(all), bins: await histogram(ctx, unit, ids, all.p99) },
    clvBySegment: { views: byView, relationshipTypes: byType },
    quadrants: await quadrants(ctx, unit, ids, all.medianSpend),
    cohorts: (fit?.cohorts as ValueDashboard['cohorts'] | null) ?? [],
    repeatRate: (fit?.repeat_rate as ValueDashboard['repeatRate'] | null) ?? {
      customers: 0,
      repeaters: 0,
      rate: 0,
    },
    tracking: (fit?.tracking as ValueDashboard['tracking']) ?? null,
    healthOverTime: await healthOverTime(ctx, unit, ids),
  };
}
