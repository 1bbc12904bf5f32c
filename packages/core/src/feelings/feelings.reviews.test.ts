import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobWorker } from '../background.ts';
import { createPerson } from '../people/people.service.ts';
import { createReview, deleteReview, updateReview } from '../reviews/reviews.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { systemCtx } from '../shared/context.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { personFeelings, sweepFeelings } from './feelings.service.ts';

let db: Db;
let ws: TestWorkspace;
const clock = fixedClock('2026-11-26T10:00:00Z');

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
});
afterAll(() => db.close());

const work = () =>
  createJobWorker(systemCtx(db, clock), {
    clock,
    workspaceId: ws.workspaceId,
    onError: (error) => {
      throw error;
    },
  }).runDue();

const reviewFeelings = () =>
  db.kysely
    .selectFrom('feelings')
    .select(['subject_id', 'label', 'person_id'])
    .where('workspace_id', '=', ws.workspaceId)
    .where('subject_type', '=', 'review')
    .execute();

describe('the feelings of reviews and mentions', () => {
  it('analyses a review linked to a person, follows its link and forgets it when deleted', async () => {
    const { ada, linked, unlinked } = await ws.run(async (ctx) => {
      const ada = await createPerson(ctx, {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@example.com',
      });
      const linked = await createReview(ctx, {
        kind: 'review',
        source: 'trustpilot',
        rating: 1,
        text: 'My order never arrived and nobody answers my emails.',
        authorEmail: 'ada@example.com',
        occurredAt: '2026-11-25T09:00:00Z',
      });
      const unlinked = await createReview(ctx, {
        kind: 'mention',
        source: 'x',
        text: 'Terrible service, never again.',
        authorHandle: '@someone_else',
      });
      return { ada, linked, unlinked };
    });
    expect(linked.personId).toBe(ada.id);
    await work();
    expect(await reviewFeelings()).toEqual([{ subject_id: linked.id, label: 'negative', person_id: ada.id }]);
    const feelings = await ws.run((ctx) => personFeelings(ctx, ada.id));
    expect(feelings.timeline.map((t) => t.subjectType)).toEqual(['review']);

    // Linked later: analysed then; unlinked: its feeling goes.
    await ws.run((ctx) => updateReview(ctx, unlinked.id, { personId: ada.id }));
    await ws.run((ctx) => updateReview(ctx, linked.id, { personId: null }));
    await work();
    expect((await reviewFeelings()).map((f) => f.subject_id)).toEqual([unlinked.id]);
    await ws.run((ctx) => deleteReview(ctx, unlinked.id));
    expect(await reviewFeelings()).toEqual([]);
  });

  it('the sweep analyses linked reviews that have no feeling yet', async () => {
    const review = await ws.run(async (ctx) => {
      const grace = await createPerson(ctx, {
        firstName: 'Grace',
        lastName: 'Hopper',
        email: 'grace@example.com',
      });
      const r = await createReview(ctx, {
        kind: 'review',
        source: 'google',
        rating: 5,
        text: 'Wonderful coffee and the kindest staff, thank you!',
        authorEmail: 'grace@example.com',
      });
      return { ...r, graceId: grace.id };
    });
    await work();
    // As if it had been written before reviews had feelings (or by an older model).
    await db.kysely.deleteFrom('feelings').where('subject_id', '=', review.id).execute();
    expect((await reviewFeelings()).some((f) => f.subject_id === review.id)).toBe(false);
    await sweepFeelings(systemCtx(db, clock), [ws.workspaceId]);
    await work();
    await work();
    expect(await reviewFeelings()).toContainEqual({
      subject_id: review.id,
      label: 'positive',
      person_id: review.graceId,
    });
  });
});
