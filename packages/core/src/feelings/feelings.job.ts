import { customerTexts, inboundTextIdsAfter } from '../interactions/interactions.service.ts';
import { enqueueJobs, type JobRun, type JobType } from '../jobs/jobs.service.ts';
import { membershipsOfPeople } from '../memberships/memberships.service.ts';
import { reviewIdsAfter } from '../reviews/reviews.service.ts';
import type { Ctx } from '../shared/context.ts';
import { chunks } from '../shared/transfer.ts';
import { commentedAnswerIdsAfter } from '../surveys/surveys.service.ts';
import { alertOnTurn } from './feelings.alert.ts';
import * as repo from './feelings.repo.ts';
import { analyseReviews } from './feelings.reviews.ts';
import { analyseAnswers } from './feelings.surveys.ts';
import { type AnalysedText, analyseCustomerText, feelingRow, modelVersion } from './feelings.text.ts';

// The background analysis: `feelings.analyze` analyses a batch of interactions (what the
// customer wrote: inbound only) and stores or replaces their feelings; `feelings.sweep` finds a
// workspace's inbound texts without a feeling from the current model and enqueues their analysis.

export const ANALYZE_JOB = 'feelings.analyze';
export const SWEEP_JOB = 'feelings.sweep';
/** Texts per analysis job. */
export const BATCH = 100;
/** Interactions the sweep looks at per transaction. */
const SWEEP_PAGE = 2000;

type Text = Awaited<ReturnType<typeof customerTexts>>[number];

/** Enqueues the analysis of these interactions (or reviews) in the caller's transaction. */
export async function enqueueAnalysis(
  ctx: Ctx,
  ids: string[],
  alert: boolean,
  keyed = false,
  subject: Subject = 'interaction',
): Promise<void> {
  await enqueueJobs(
    ctx,
    chunks(ids, BATCH).map((part) => ({
      type: ANALYZE_JOB,
      payload: { ids: part, alert, subject },
      ...(keyed ? { key: `sweep:${subject}:${part[0]}` } : {}),
    })),
  );
}

/** Who said it: the sender, else the first person on the customer side; and their account. */
async function speakers(ctx: Ctx, texts: Text[]) {
  const people = [...new Set(texts.flatMap((t) => t.personIds.slice(0, 1)))];
  const companyOf = new Map<string, string>();
  for (const m of await membershipsOfPeople(ctx, people))
    if (!companyOf.has(m.person_id)) companyOf.set(m.person_id, m.company_id);
  return new Map(
    texts.map((t) => {
      const personId = t.personIds[0] ?? null;
      return [
        t.id,
        { personId, companyId: t.companyId ?? (personId ? (companyOf.get(personId) ?? null) : null) },
      ];
    }),
  );
}

const isCustomerText = (t: Text) =>
  t.direction === 'inbound' && !t.corrected && !!(t.subject?.trim() || t.body?.trim());

async function analyse(job: JobRun): Promise<void> {
  const ids = (job.payload.ids as string[] | undefined) ?? [];
  const alert = job.payload.alert === true;
  if (job.payload.subject === 'review') return analyseReviews(job, ids, alert);
  if (job.payload.subject === 'survey_answer') return analyseAnswers(job, ids, alert);
  const read = await job.inWorkspace(async (ctx) => {
    const texts = await customerTexts(ctx, ids);
    return { texts, who: await speakers(ctx, texts) };
  });
  // The analysis runs outside any transaction (on PGlite a transaction holds the only connection).
  const analysed = new Map<string, AnalysedText>();
  for (const t of read.texts) {
    const who = read.who.get(t.id)!;
    if (isCustomerText(t) && (who.personId || who.companyId))
      analysed.set(t.id, analyseCustomerText(t.subject, t.body));
  }
  await job.inWorkspace(async (ctx) => {
    // Corrected meanwhile? The correction's own job analyses the new version.
    const now = new Map((await customerTexts(ctx, [...analysed.keys()])).map((t) => [t.id, t]));
    const rows: repo.FeelingRow[] = read.texts
      .filter((t) => analysed.has(t.id) && now.get(t.id) && !now.get(t.id)!.corrected)
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
      .map((t) =>
        feelingRow(
          ctx,
          { type: 'interaction', id: t.id, occurredAt: t.occurredAt },
          read.who.get(t.id)!,
          analysed.get(t.id)!,
        ),
      );
    const kept = new Set(rows.map((r) => r.subject_id));
    // What is no customer text (any more): outbound, internal, emptied, corrected; and what a correction replaced.
    const gone = [
      ...read.texts.filter((t) => !kept.has(t.id)).map((t) => t.id),
      ...read.texts.flatMap((t) => (t.correctsId ? [t.correctsId] : [])),
    ];
    await repo.deleteFeelings(ctx, 'interaction', gone);
    await repo.upsertFeelings(ctx, rows);
    if (alert) for (const row of rows) await alertOnTurn(ctx, row);
  });
}

type Subject = 'interaction' | 'review' | 'survey_answer';
type IdsAfter = (ctx: Ctx, afterId: string | null, limit: number) => Promise<string[]>;

/** Pages through one kind of customer text and enqueues what the current model has not analysed. */
async function sweepOf(job: JobRun, model: string, subject: Subject, idsAfter: IdsAfter): Promise<void> {
  let after: string | null = null;
  for (let more = true; more; ) {
    if (job.signal.aborted) throw job.signal.reason;
    more = await job.inWorkspace(async (ctx) => {
      const ids = await idsAfter(ctx, after, SWEEP_PAGE);
      const done = await repo.analysedWith(ctx, subject, ids, model);
      await enqueueAnalysis(
        ctx,
        ids.filter((id) => !done.has(id)),
        false,
        true,
        subject,
      );
      after = ids.at(-1) ?? after;
      return ids.length === SWEEP_PAGE;
    });
  }
}

/** Every inbound text, linked review and commented survey answer without a feeling from the current model. */
async function sweep(job: JobRun): Promise<void> {
  const model = modelVersion();
  await sweepOf(job, model, 'interaction', inboundTextIdsAfter);
  await sweepOf(job, model, 'review', reviewIdsAfter);
  await sweepOf(job, model, 'survey_answer', commentedAnswerIdsAfter);
}

export const feelingJobTypes: Record<string, JobType> = {
  [ANALYZE_JOB]: { run: analyse },
  [SWEEP_JOB]: { run: sweep },
};
