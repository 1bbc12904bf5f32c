import { getInteractions } from '../interactions/interactions.service.ts';
import { getReviews } from '../reviews/reviews.service.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { responsesByIds } from '../surveys/surveys.service.ts';

/** What a case came from, read through its domain's service: the customer and what they wrote. */
export interface SourceText {
  type: 'interaction' | 'survey_response' | 'review';
  id: string;
  personId: string | null;
  companyId: string | null;
  subject: string | null;
  text: string | null;
  at: Date;
}

const FEELING_SUBJECT = {
  interaction: 'interaction',
  review: 'review',
  survey_response: 'survey_answer',
} as const;
export const feelingSubjectOf = (type: SourceText['type']) => FEELING_SUBJECT[type];

export async function readSource(
  ctx: Ctx,
  source: { type: SourceText['type']; id: string },
  path = 'source.id',
): Promise<SourceText> {
  if (source.type === 'interaction') {
    const [found] = await getInteractions(ctx, [source.id]);
    if (!found) throw invalid(path, `no interaction ${source.id} in this workspace`);
    return {
      ...source,
      personId: found.people[0]?.id ?? null,
      companyId: found.companyId,
      subject: found.subject,
      text: found.body,
      at: new Date(found.occurredAt),
    };
  }
  if (source.type === 'review') {
    const [found] = await getReviews(ctx, [source.id]);
    if (!found) throw invalid(path, `no review ${source.id} in this workspace`);
    return {
      ...source,
      personId: found.personId,
      companyId: found.companyId,
      subject: found.title,
      text: found.text,
      at: new Date(found.occurredAt),
    };
  }
  const [found] = await responsesByIds(ctx, [source.id]);
  if (!found) throw invalid(path, `no survey answer ${source.id} in this workspace`);
  return {
    ...source,
    personId: found.personId,
    companyId: found.companyId,
    subject: `${found.surveyName}: ${found.score ?? 'answered'}`,
    text: found.comment,
    at: new Date(found.submittedAt),
  };
}
