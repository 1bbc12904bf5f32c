import type { Emotion, TextAnalysis } from '@rapport/models';
import { companiesByIds } from '../companies/companies.service.ts';
import { orderValueShare } from '../orders/orders.service.ts';
import { peopleByIds } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { createTask, listTasks } from '../tasks/tasks.service.ts';
import { emitEvent } from '../webhooks/webhooks.service.ts';
import { empathyCue } from './feelings.cue.ts';
import * as repo from './feelings.repo.ts';
import { driversOf } from './feelings.text.ts';

// A sharp turn to anger or frustration on a valued customer: a task for the owner and a
// `person.feeling_alert` webhook event, in the transaction that stores the analysis.

const DAY = 86_400_000;
/** Anger or frustration this strong makes a text a turn. */
const TURN = 0.5;
/** The customer's mood before it: the mean score of this many days must have been ≥ 0. */
const PREVIOUS_DAYS = 90;
/** Texts older than this when analysed (imports of history) raise nothing: it is too late. */
const FRESH_DAYS = 7;
/** How Rapport's own tasks start: at most one open one per customer. */
export const ALERT_TITLE = 'Feeling alert: ';
/** Tags that make a customer valued whatever they bought. */
const VALUED_TAGS = new Set(['vip', 'key account', 'key-account', 'key_account']);
/** The top share of the workspace's buyers by order value that counts as valued. */
const TOP_SHARE = 0.2;

/**
 * Whether a customer is valued enough for an alert. Until customer lifetime value exists
 * (issue 6 replaces this function), a customer is valued when the person or their company is
 * tagged `vip` or `key account`, or the company has an owner and at least one order (a key
 * account in B2B), or their order value is in the top 20% of the workspace's buyers (B2C).
 */
export async function isValuedCustomer(
  ctx: Ctx,
  who: { personId: string | null; companyId: string | null },
): Promise<boolean> {
  const [person] = who.personId ? await peopleByIds(ctx, [who.personId]) : [];
  const [company] = who.companyId ? await companiesByIds(ctx, [who.companyId]) : [];
  if ([...(person?.tags ?? []), ...(company?.tags ?? [])].some((t) => VALUED_TAGS.has(t.toLowerCase())))
    return true;
  const companyShare = company ? await orderValueShare(ctx, { companyId: company.id }) : null;
  if (company?.ownerId && companyShare !== null) return true;
  const personShare = person ? await orderValueShare(ctx, { personId: person.id }) : null;
  return [personShare, companyShare].some((share) => share !== null && share < TOP_SHARE);
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/** Raises the alert for a freshly analysed text when it is a sharp turn on a valued customer. */
export async function alertOnTurn(ctx: Ctx, row: repo.FeelingRow): Promise<void> {
  const now = ctx.clock.now();
  const at = row.occurred_at;
  const turned =
    row.label === 'negative' && Math.max(row.emotions.anger ?? 0, row.emotions.frustration ?? 0) >= TURN;
  if (!turned || now.getTime() - at.getTime() > FRESH_DAYS * DAY) return;
  const whose: repo.Whose = row.person_id ? { personId: row.person_id } : { companyId: row.company_id! };
  const before = await repo.feelingsOf(ctx, whose, new Date(at.getTime() - PREVIOUS_DAYS * DAY), 1000, at);
  // No text before counts as neutral: a first angry message from a valued customer is a turn.
  const previousMean = mean(before.filter((f) => f.subject_id !== row.subject_id).map((f) => f.score));
  if (previousMean < 0) return;
  if (!(await isValuedCustomer(ctx, { personId: row.person_id, companyId: row.company_id }))) return;

  const recent = await repo.feelingsOf(ctx, whose, new Date(now.getTime() - 60 * DAY), 500);
  const cue = empathyCue(recent, now) ?? `Turned ${row.top_emotion} on ${at.toISOString().slice(0, 10)}.`;
  const about = row.person_id ? { personId: row.person_id } : { companyId: row.company_id! };
  const open = await listTasks(ctx, { ...about, status: 'open', limit: 100 });
  let task = open.data.find((t) => t.title.startsWith(ALERT_TITLE)) ?? null;
  const created = !task;
  if (!task) {
    const [person] = row.person_id ? await peopleByIds(ctx, [row.person_id]) : [];
    const [company] = row.company_id ? await companiesByIds(ctx, [row.company_id]) : [];
    task = await createTask(ctx, {
      title: `${ALERT_TITLE}${cue}`.slice(0, 300),
      description:
        `“${row.moment}” (${at.toISOString().slice(0, 10)}). Their mood over the ${PREVIOUS_DAYS} days ` +
        `before was ${previousMean >= 0.05 ? 'positive' : 'neutral'}; this text turned to ${row.top_emotion}.`,
      dueAt: new Date(now.getTime() + DAY).toISOString(),
      assigneeId: person?.ownerId ?? company?.ownerId ?? null,
      ...about,
    });
  }
  await emitEvent(ctx, 'person.feeling_alert', {
    personId: row.person_id,
    companyId: row.company_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    occurredAt: at.toISOString(),
    label: row.label,
    score: row.score,
    topEmotion: row.top_emotion,
    emotions: row.emotions,
    moment: row.moment,
    drivers: driversOf(row.explanation as TextAnalysis['explanation'], row.label, row.top_emotion as Emotion),
    previousMean: Math.round(previousMean * 1000) / 1000,
    cue,
    taskId: task.id,
    taskCreated: created,
  });
}
