import type { FeelingsTable } from '@rapport/db';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

export type FeelingRow = Selectable<FeelingsTable>;
type Subject = FeelingsTable['subject_type'];
export type Whose = { personId: string } | { companyId: string };

/** Stores analyses, replacing the earlier analysis of the same text. */
export async function upsertFeelings(ctx: Ctx, rows: FeelingRow[]): Promise<void> {
  if (!rows.length) return;
  const values: Insertable<FeelingsTable>[] = rows.map((row) => ({
    ...row,
    emotions: JSON.stringify(row.emotions),
    explanation: JSON.stringify(row.explanation),
  }));
  await ctx.db
    .insertInto('feelings')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'subject_type', 'subject_id']).doUpdateSet((eb) => ({
        person_id: eb.ref('excluded.person_id'),
        company_id: eb.ref('excluded.company_id'),
        occurred_at: eb.ref('excluded.occurred_at'),
        label: eb.ref('excluded.label'),
        score: eb.ref('excluded.score'),
        intensity: eb.ref('excluded.intensity'),
        emotions: eb.ref('excluded.emotions'),
        top_emotion: eb.ref('excluded.top_emotion'),
        explanation: eb.ref('excluded.explanation'),
        topic: eb.ref('excluded.topic'),
        moment: eb.ref('excluded.moment'),
        model: eb.ref('excluded.model'),
        analysed_at: eb.ref('excluded.analysed_at'),
      })),
    )
    .execute();
}

export async function deleteFeelings(ctx: Ctx, subjectType: Subject, subjectIds: string[]): Promise<void> {
  if (!subjectIds.length) return;
  await ctx.db
    .deleteFrom('feelings')
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', subjectIds)
    .execute();
}

/** Of these texts, those already analysed by `model`. */
export async function analysedWith(
  ctx: Ctx,
  subjectType: Subject,
  subjectIds: string[],
  model: string,
): Promise<Set<string>> {
  if (!subjectIds.length) return new Set();
  const rows = await ctx.db
    .selectFrom('feelings')
    .select('subject_id')
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', subjectIds)
    .where('model', '=', model)
    .execute();
  return new Set(rows.map((row) => row.subject_id));
}

/** A person's or a company's feelings since `since` (before `until` when given), newest first. */
export function feelingsOf(
  ctx: Ctx,
  whose: Whose,
  since: Date,
  limit: number,
  until?: Date,
): Promise<FeelingRow[]> {
  let query = ctx.db.selectFrom('feelings').selectAll().where('occurred_at', '>=', since);
  query =
    'personId' in whose
      ? query.where('person_id', '=', whose.personId)
      : query.where('company_id', '=', whose.companyId);
  if (until) query = query.where('occurred_at', '<', until);
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** For merges: the loser's feelings become the survivor's. */
export async function moveFeelings(
  ctx: Ctx,
  column: 'person_id' | 'company_id',
  fromId: string,
  toId: string,
) {
  await ctx.db
    .updateTable('feelings')
    .set({ [column]: toId })
    .where(column, '=', fromId)
    .execute();
}

/** Per person or company: the mean score and number of their texts since `since` (for health scores). */
export function meanScores(ctx: Ctx, column: 'person_id' | 'company_id', since: Date) {
  return ctx.db
    .selectFrom('feelings')
    .select([
      sql.ref<string>(column).as('id'),
      (eb) => eb.fn.avg<number>('score').as('mean'),
      (eb) => eb.fn.countAll<number>().as('texts'),
    ])
    .where(column, 'is not', null)
    .where('occurred_at', '>=', since)
    .groupBy(column)
    .execute();
}

/** The stored analysis of one text, if any. */
export function feelingOfSubject(
  ctx: Ctx,
  subjectType: Subject,
  subjectId: string,
): Promise<FeelingRow | undefined> {
  return ctx.db
    .selectFrom('feelings')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
}
