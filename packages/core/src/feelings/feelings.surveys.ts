import type { JobRun } from '../jobs/jobs.service.ts';
import { answerComments } from '../surveys/surveys.service.ts';
import { alertOnTurn } from './feelings.alert.ts';
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
