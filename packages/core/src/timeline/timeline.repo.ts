import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

/**
 * The timeline is a read model over interactions, orders, notes, reviews and survey answers: it
 * reads their tables (never writes) to page through a person's or a company's history in one
 * index-ordered query, newest first. Each branch is an index range scan with its own LIMIT; the
 * outer sort merges them.
 */
export interface EntryKey {
  kind: 'interaction' | 'order' | 'note' | 'review' | 'survey' | 'case' | 'promise';
  id: string;
  at: Date;
}

export interface TimelineFilter {
  kinds: Set<string>;
  channels: string[] | null;
  limit: number;
  cursor: [string, string] | null;
}

/** What of a case's and a promise's history the timelines show (not SLA warnings, compensation or reminders). */
const TIMELINE_CASE_EVENTS = sql`r.type in ('opened', 'status_changed', 'sla_breached')`;
const TIMELINE_PROMISE_EVENTS = sql`r.type in ('made', 'renegotiated', 'kept', 'broken')`;

function before(at: RawBuilder<unknown>, id: RawBuilder<unknown>, cursor: [string, string] | null) {
  return cursor ? sql`and (${at}, ${id}) < (${cursor[0]}::timestamptz, ${cursor[1]})` : sql``;
}

const notCorrected = (alias: string) =>
  sql.raw(
    `not exists (select 1 from interactions x where x.workspace_id = ${alias}.workspace_id and x.corrects_id = ${alias}.id)`,
  );

function branches(parts: (RawBuilder<unknown> | null)[], limit: number) {
  const live = parts.filter((part): part is RawBuilder<unknown> => part !== null);
  if (live.length === 0) return null;
  return sql`select kind, id, at from (${sql.join(live, sql` union all `)}) u order by at desc, id desc limit ${limit + 1}`;
}

/**
 * One kind of record as a branch: `kind, id, at` of the `table` rows (alias `r`) that `where`
 * picks, newest first, after the cursor; null when the kind is not asked for or a channel filter
 * leaves it out (only interactions have channels).
 */
function recordBranch(
  f: TimelineFilter,
  kind: EntryKey['kind'],
  table: string,
  at: string,
  where: RawBuilder<unknown>,
) {
  if (!f.kinds.has(kind) || f.channels) return null;
  const time = sql.ref(`r.${at}`);
  return sql`(select ${sql.lit(kind)} as kind, r.id, ${time} as at from ${sql.table(table)} r where ${where}
    ${before(time, sql.ref('r.id'), f.cursor)}
    order by ${time} desc, r.id desc limit ${f.limit + 1})`;
}

export async function personEntries(ctx: Ctx, personId: string, f: TimelineFilter): Promise<EntryKey[]> {
  const n = f.limit + 1;
  const channel = f.channels ? sql`and ip.channel = any(${f.channels}::text[])` : sql``;
  const query = branches(
    [
      f.kinds.has('interaction')
        ? sql`(select 'interaction' as kind, ip.interaction_id as id, ip.occurred_at as at from interaction_people ip
            where ip.person_id = ${personId} ${channel}
            ${before(sql.ref('ip.occurred_at'), sql.ref('ip.interaction_id'), f.cursor)}
            and not exists (select 1 from interactions x where x.workspace_id = ip.workspace_id and x.corrects_id = ip.interaction_id)
            order by ip.occurred_at desc, ip.interaction_id desc limit ${n})`
        : null,
      recordBranch(f, 'order', 'orders', 'ordered_at', sql`r.person_id = ${personId}`),
      recordBranch(f, 'note', 'notes', 'created_at', sql`r.person_id = ${personId}`),
      recordBranch(f, 'review', 'reviews', 'occurred_at', sql`r.person_id = ${personId}`),
      recordBranch(f, 'survey', 'survey_responses', 'submitted_at', sql`r.person_id = ${personId}`),
      recordBranch(
        f,
        'case',
        'case_events',
        'at',
        sql`r.person_id = ${personId} and ${TIMELINE_CASE_EVENTS}`,
      ),
      recordBranch(
        f,
        'promise',
        'promise_events',
        'at',
        sql`r.person_id = ${personId} and ${TIMELINE_PROMISE_EVENTS}`,
      ),
    ],
    f.limit,
  );
  return query ? ((await query.execute(ctx.db)).rows as EntryKey[]) : [];
}

export async function companyEntries(ctx: Ctx, companyId: string, f: TimelineFilter): Promise<EntryKey[]> {
  const n = f.limit + 1;
  const channel = (alias: string) =>
    f.channels ? sql`and ${sql.ref(`${alias}.channel`)} = any(${f.channels}::text[])` : sql``;
  const members = sql`select m.person_id from memberships m where m.company_id = ${companyId}`;
  const ofCompany = sql`(r.company_id = ${companyId} or r.person_id in (${members}))`;
  const query = branches(
    [
      f.kinds.has('interaction')
        ? sql`(select 'interaction' as kind, i.id, i.occurred_at as at from interactions i
            where i.company_id = ${companyId} ${channel('i')} ${before(sql.ref('i.occurred_at'), sql.ref('i.id'), f.cursor)}
            and ${notCorrected('i')}
            order by i.occurred_at desc, i.id desc limit ${n})
          union
          (select 'interaction', ip.interaction_id, ip.occurred_at from interaction_people ip
            where ip.person_id in (${members}) ${channel('ip')}
            ${before(sql.ref('ip.occurred_at'), sql.ref('ip.interaction_id'), f.cursor)}
            and not exists (select 1 from interactions x where x.workspace_id = ip.workspace_id and x.corrects_id = ip.interaction_id)
            order by ip.occurred_at desc, ip.interaction_id desc limit ${n})`
        : null,
      recordBranch(f, 'order', 'orders', 'ordered_at', ofCompany),
      recordBranch(f, 'note', 'notes', 'created_at', sql`r.company_id = ${companyId}`),
      recordBranch(f, 'review', 'reviews', 'occurred_at', ofCompany),
      recordBranch(f, 'survey', 'survey_responses', 'submitted_at', ofCompany),
      recordBranch(f, 'case', 'case_events', 'at', sql`${ofCompany} and ${TIMELINE_CASE_EVENTS}`),
      recordBranch(f, 'promise', 'promise_events', 'at', sql`${ofCompany} and ${TIMELINE_PROMISE_EVENTS}`),
    ],
    f.limit,
  );
  return query ? ((await query.execute(ctx.db)).rows as EntryKey[]) : [];
}
