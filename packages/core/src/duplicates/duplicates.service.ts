import { moveCasesOfCompany, moveCasesOfPerson } from '../cases/cases.service.ts';
import {
  companiesByIds,
  foldCompanyInto,
  getCompany,
  requireCompany,
} from '../companies/companies.service.ts';
import { moveEventsOfPerson } from '../events/events.service.ts';
import { moveFeelingsOfCompany, moveFeelingsOfPerson } from '../feelings/feelings.service.ts';
import { moveInteractionsOfCompany, moveInteractionsOfPerson } from '../interactions/interactions.service.ts';
import { moveMembershipsOfCompany, moveMembershipsOfPerson } from '../memberships/memberships.service.ts';
import { moveNotesOfCompany, moveNotesOfPerson } from '../notes/notes.service.ts';
import { moveOrdersOfCompany, moveOrdersOfPerson } from '../orders/orders.service.ts';
import { foldPersonInto, getPerson, peopleByIds, requirePerson } from '../people/people.service.ts';
import { movePromisesOfCompany, movePromisesOfPerson } from '../promises/promises.service.ts';
import { moveReviewsOfCompany, moveReviewsOfPerson } from '../reviews/reviews.service.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/validate.ts';
import { moveSurveysOfCompany, moveSurveysOfPerson } from '../surveys/surveys.service.ts';
import { moveTasksOfCompany, moveTasksOfPerson } from '../tasks/tasks.service.ts';
import { emitEvent } from '../webhooks/webhooks.service.ts';
import * as repo from './duplicates.repo.ts';
import {
  type CompanyDuplicate,
  type DismissInput,
  dismissInput,
  duplicatesQuery,
  type MergeInput,
  mergeInput,
  type PersonDuplicate,
} from './duplicates.schema.ts';

export async function findPersonDuplicates(
  ctx: Ctx,
  input: { limit?: unknown } = {},
): Promise<PersonDuplicate[]> {
  const { limit } = parseInput(duplicatesQuery, input);
  const pairs = await repo.personPairs(ctx, limit);
  const people = new Map(
    (await peopleByIds(ctx, [...new Set(pairs.flatMap((p) => [p.first_id, p.second_id]))])).map((p) => [
      p.id,
      p,
    ]),
  );
  return pairs.map((pair) => ({
    first: people.get(pair.first_id)!,
    second: people.get(pair.second_id)!,
    reasons: pair.reasons as PersonDuplicate['reasons'],
  }));
}

export async function findCompanyDuplicates(
  ctx: Ctx,
  input: { limit?: unknown } = {},
): Promise<CompanyDuplicate[]> {
  const { limit } = parseInput(duplicatesQuery, input);
  const pairs = await repo.companyPairs(ctx, limit);
  const companies = new Map(
    (await companiesByIds(ctx, [...new Set(pairs.flatMap((p) => [p.first_id, p.second_id]))])).map((c) => [
      c.id,
      c,
    ]),
  );
  return pairs.map((pair) => ({
    first: companies.get(pair.first_id)!,
    second: companies.get(pair.second_id)!,
    reasons: pair.reasons as CompanyDuplicate['reasons'],
  }));
}

/**
 * Merges two people in one transaction: everything of the merged-away person (memberships,
 * interactions, orders, notes, tasks, reviews, tracked events, survey invitations and answers,
 * and the ids SDKs knew it by) now belongs to the survivor, its fields fill the survivor's blanks,
 * and it stays as a pointer to the survivor.
 */
export async function mergePeople(ctx: Ctx, input: MergeInput) {
  const { survivorId, mergedId } = parseInput(mergeInput, input);
  await requirePerson(ctx, survivorId, 'survivorId');
  await requirePerson(ctx, mergedId, 'mergedId');
  await foldPersonInto(ctx, survivorId, mergedId);
  await moveMembershipsOfPerson(ctx, mergedId, survivorId);
  await moveInteractionsOfPerson(ctx, mergedId, survivorId);
  await moveFeelingsOfPerson(ctx, mergedId, survivorId);
  await moveOrdersOfPerson(ctx, mergedId, survivorId);
  await moveNotesOfPerson(ctx, mergedId, survivorId);
  await moveTasksOfPerson(ctx, mergedId, survivorId);
  await moveEventsOfPerson(ctx, mergedId, survivorId);
  await moveReviewsOfPerson(ctx, mergedId, survivorId);
  await moveSurveysOfPerson(ctx, mergedId, survivorId);
  await moveCasesOfPerson(ctx, mergedId, survivorId);
  await movePromisesOfPerson(ctx, mergedId, survivorId);
  const survivor = await getPerson(ctx, survivorId);
  await emitEvent(ctx, 'person.merged', { survivor, mergedId });
  return survivor;
}

/** As mergePeople, for two companies (the interactions' account link moves too). */
export async function mergeCompanies(ctx: Ctx, input: MergeInput) {
  const { survivorId, mergedId } = parseInput(mergeInput, input);
  await requireCompany(ctx, survivorId, 'survivorId');
  await requireCompany(ctx, mergedId, 'mergedId');
  await foldCompanyInto(ctx, survivorId, mergedId);
  await moveMembershipsOfCompany(ctx, mergedId, survivorId);
  await moveInteractionsOfCompany(ctx, mergedId, survivorId);
  await moveFeelingsOfCompany(ctx, mergedId, survivorId);
  await moveOrdersOfCompany(ctx, mergedId, survivorId);
  await moveNotesOfCompany(ctx, mergedId, survivorId);
  await moveTasksOfCompany(ctx, mergedId, survivorId);
  await moveReviewsOfCompany(ctx, mergedId, survivorId);
  await moveSurveysOfCompany(ctx, mergedId, survivorId);
  await moveCasesOfCompany(ctx, mergedId, survivorId);
  await movePromisesOfCompany(ctx, mergedId, survivorId);
  return getCompany(ctx, survivorId);
}

/** "Not a duplicate": the pair is not suggested again. */
export async function dismissPersonDuplicate(ctx: Ctx, input: DismissInput): Promise<void> {
  const { firstId, secondId } = parseInput(dismissInput, input);
  await requirePerson(ctx, firstId, 'firstId');
  await requirePerson(ctx, secondId, 'secondId');
  await repo.dismiss(ctx, 'person', firstId, secondId);
}

export async function dismissCompanyDuplicate(ctx: Ctx, input: DismissInput): Promise<void> {
  const { firstId, secondId } = parseInput(dismissInput, input);
  await requireCompany(ctx, firstId, 'firstId');
  await requireCompany(ctx, secondId, 'secondId');
  await repo.dismiss(ctx, 'company', firstId, secondId);
}
