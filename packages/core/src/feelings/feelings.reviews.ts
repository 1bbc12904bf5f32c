import type { JobRun } from '../jobs/jobs.service.ts';
import { getReviews } from '../reviews/reviews.service.ts';
import { alertOnTurn } from './feelings.alert.ts';
import * as repo from './feelings.repo.ts';
import { type AnalysedText, analyseCustomerText, feelingRow } from './feelings.text.ts';

// Reviews and social mentions are what customers wrote about us in public: analysed like inbound
// interactions, when they are linked to a person (or their company). An unlinked or deleted one
// has no feeling.

/** Analyses these reviews and stores (or removes) their feelings. */
export async function analyseReviews(job: JobRun, ids: string[], alert: boolean): Promise<void> {
  const reviews = await job.inWorkspace((ctx) => getReviews(ctx, ids));
  const analysed = new Map<string, AnalysedText>();
  for (const r of reviews)
    if (r.personId || r.companyId) analysed.set(r.id, analyseCustomerText(r.title, r.text));
  await job.inWorkspace(async (ctx) => {
    // Read again: unlinked, edited or deleted meanwhile? The edit's own job analyses the new text.
    const now = new Map((await getReviews(ctx, [...analysed.keys()])).map((r) => [r.id, r]));
    const rows = [...analysed]
      .filter(([id]) => now.get(id)?.personId || now.get(id)?.companyId)
      .map(([id, a]) => {
        const r = now.get(id)!;
        return feelingRow(
          ctx,
          { type: 'review', id, occurredAt: new Date(r.occurredAt) },
          { personId: r.personId, companyId: r.companyId },
          a,
        );
      });
    const kept = new Set(rows.map((r) => r.subject_id));
    await repo.deleteFeelings(
      ctx,
      'review',
      ids.filter((id) => !kept.has(id)),
    );
    await repo.upsertFeelings(ctx, rows);
    if (alert) for (const row of rows) await alertOnTurn(ctx, row);
  });
}
