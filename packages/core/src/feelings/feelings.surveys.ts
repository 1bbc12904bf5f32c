import type { JobRun } from '../jobs/jobs.service.ts';
import { answerComments, commentedAnswerIdsAfter } from '../surveys/surveys.service.ts';
import { alertOnTurn } from './feelings.alert.ts';
import { enqueueAnalysis } from './feelings.job.ts';
import * as repo from './feelings.repo.ts';
import { analyseCustomerText, feelingRow } from './feelings.text.ts';

// The comment a customer leaves with a survey answer ("the delivery was late again") is felt like
// any message they write. Answers without a comment have no feeling (their score is the survey's).

/** Analyses the comments of these answers and stores their feelings. */
export async function analyseAnswers(job: JobRun, ids: string[], alert: boolean): Promise<void> {
  const answers = await job.inWorkspace((ctx) => answerComments(ctx, ids));
  const analysed = answers.map((a) => ({ answer: a, text: analyseCustomerText(null, a.comment) }));
  await job.inWorkspace(async (ctx) => {
    const rows = analysed.map(({ answer, text }) =>
      feelingRow(
        ctx,
        { type: 'survey_answer', id: answer.id, occurredAt: answer.submittedAt },
        { personId: answer.personId, companyId: answer.companyId },
        text,
      ),
    );
    await repo.upsertFeelings(ctx, rows);
    if (alert) for (const row of rows) await alertOnTurn(ctx, row);
  });
}

/** Enqueues the analysis of the commented answers the current model has not analysed. */
export async function sweepAnswers(job: JobRun, model: string, page: number): Promise<void> {
  let after: string | null = null;
  for (let more = true; more; ) {
    if (job.signal.aborted) throw job.signal.reason;
    more = await job.inWorkspace(async (ctx) => {
      const ids = await commentedAnswerIdsAfter(ctx, after, page);
      const done = await repo.analysedWith(ctx, 'survey_answer', ids, model);
      await enqueueAnalysis(
        ctx,
        ids.filter((id) => !done.has(id)),
        false,
        true,
        'survey_answer',
      );
      after = ids.at(-1) ?? after;
      return ids.length === page;
    });
  }
}
