import type { Db } from '@rapport/db';
import { textModel } from '@rapport/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobWorker } from '../background.ts';
import { createCompany } from '../companies/companies.service.ts';
import { correctInteraction, logInteraction } from '../interactions/interactions.service.ts';
import { createMembership } from '../memberships/memberships.service.ts';
import { createPerson } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { type Ctx, systemCtx } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { listTasks } from '../tasks/tasks.service.ts';
import {
  appError,
  openTestDb,
  type Receiver,
  startReceiver,
  type TestWorkspace,
  testWorkspace,
} from '../testing.ts';
import { createWebhook } from '../webhooks/webhooks.service.ts';
import { personFeelings, sweepFeelings } from './feelings.service.ts';

let db: Db;
let ws: TestWorkspace;
let receiver: Receiver;
const clock = fixedClock('2026-11-26T10:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(clock.now().getTime() - n * DAY).toISOString();

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
  receiver = await startReceiver();
  await ws.run((ctx) => createWebhook(ctx, { url: receiver.url, eventTypes: ['person.feeling_alert'] }));
});
afterAll(async () => {
  await receiver.close();
  await db.close();
});

const work = () =>
  createJobWorker(systemCtx(db, clock), {
    clock,
    workspaceId: ws.workspaceId,
    onError: (error) => {
      throw error;
    },
  }).runDue();

const feelingsOf = (personId: string) =>
  db.kysely
    .selectFrom('feelings')
    .selectAll()
    .where('workspace_id', '=', ws.workspaceId)
    .where('person_id', '=', personId)
    .orderBy('occurred_at')
    .execute();

async function person(extra: { tags?: string[]; ownerId?: string } = {}) {
  return ws.run((ctx) =>
    createPerson(ctx, { firstName: 'Ada', lastName: newId('person').slice(-6), ...extra }),
  );
}

function say(
  personId: string,
  text: string,
  at: string,
  direction: 'inbound' | 'outbound' | 'internal' = 'inbound',
) {
  return ws.run((ctx) =>
    logInteraction(ctx, {
      channel: 'email',
      direction,
      occurredAt: at,
      body: text,
      people: [{ personId, role: 'from' }],
    }),
  );
}

const LATE =
  'My order still has not arrived after two weeks and nobody answers my emails. This is really frustrating.';
const ANGRY = 'You charged me twice for the same invoice. This is outrageous, I am furious.';
const THANKS =
  'Thank you so much for sorting out the delivery so quickly, I really appreciate your patience!';

describe('feelings', () => {
  it('analyses in the background what the customer wrote: inbound texts only', async () => {
    const p = await person();
    const company = await ws.run((ctx) => createCompany(ctx, { name: 'Kontor AG' }));
    await ws.run((ctx) => createMembership(ctx, { personId: p.id, companyId: company.id, isPrimary: true }));
    const inbound = await say(p.id, LATE, daysAgo(2));
    await say(
      p.id,
      'We are sorry, your parcel leaves today. It is a disgrace and terrible.',
      daysAgo(2),
      'outbound',
    );
    await say(p.id, 'Customer is furious, awful call.', daysAgo(2), 'internal');
    await ws.run((ctx) =>
      logInteraction(ctx, { channel: 'phone', direction: 'inbound', people: [{ personId: p.id }] }),
    );
    expect(await feelingsOf(p.id)).toEqual([]); // not yet: a job does it
    await work();
    const rows = await feelingsOf(p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: expect.stringMatching(/^fel_/),
      subject_type: 'interaction',
      subject_id: inbound.id,
      company_id: company.id,
      label: 'negative',
      topic: 'delivery',
      model: textModel().about.built,
    });
    expect(['anger', 'frustration']).toContain(rows[0]!.top_emotion);
    expect(rows[0]!.emotions.frustration).toBeGreaterThanOrEqual(0.5);
    expect(Object.keys(rows[0]!.emotions)).toHaveLength(9);
    expect(rows[0]!.moment).toMatch(/arrived|frustrating/);
  });

  it('replaces the analysis when the text is corrected, and drops it when it is no customer text any more', async () => {
    const p = await person();
    const first = await say(p.id, LATE, daysAgo(3));
    await work();
    const corrected = await ws.run((ctx) =>
      correctInteraction(ctx, first.id, { reason: 'wrong text', body: THANKS }),
    );
    await work();
    let rows = await feelingsOf(p.id);
    expect(rows.map((r) => [r.subject_id, r.label])).toEqual([[corrected.id, 'positive']]);
    expect(rows[0]!.top_emotion).toBe('gratitude');
    const outbound = await ws.run((ctx) =>
      correctInteraction(ctx, corrected.id, { reason: 'was ours', direction: 'outbound' }),
    );
    await work();
    rows = await feelingsOf(p.id);
    expect(rows).toEqual([]);
    expect(outbound.direction).toBe('outbound');
  });

  it('sweeps up texts written without a job (bulk loads) and those of an older model', async () => {
    const p = await person();
    const old = await say(p.id, THANKS, daysAgo(5));
    await work();
    const loaded = newId('interaction');
    await ws.run(async (ctx: Ctx) => {
      await ctx.db
        .insertInto('interactions')
        .values({
          id: loaded,
          workspace_id: ws.workspaceId,
          channel: 'chat',
          direction: 'inbound',
          occurred_at: daysAgo(4),
          body: ANGRY,
          created_by: 'system',
          created_at: clock.now(),
        })
        .execute();
      await ctx.db
        .insertInto('interaction_people')
        .values({
          workspace_id: ws.workspaceId,
          interaction_id: loaded,
          person_id: p.id,
          occurred_at: daysAgo(4),
          channel: 'chat',
        })
        .execute();
      await ctx.db
        .updateTable('feelings')
        .set({ model: 'an older model' })
        .where('subject_id', '=', old.id)
        .execute();
    });
    await work();
    expect((await feelingsOf(p.id)).map((r) => r.subject_id)).toEqual([old.id]);
    await sweepFeelings(systemCtx(db, clock), [ws.workspaceId]);
    await work();
    const rows = await feelingsOf(p.id);
    expect(rows.map((r) => [r.subject_id, r.model])).toEqual([
      [old.id, textModel().about.built],
      [loaded, textModel().about.built],
    ]);
    expect(rows[1]!.label).toBe('negative');
  });

  it('answers with summary, trend, timeline, the moments that went wrong and an empathy cue', async () => {
    const p = await person();
    await say(p.id, THANKS, daysAgo(100));
    await say(p.id, 'Great coffee as always, thanks!', daysAgo(70));
    await say(p.id, LATE, daysAgo(20));
    await say(
      p.id,
      'My parcel is late again and nobody tells me anything. Very disappointing and frustrating.',
      daysAgo(3),
    );
    await work();
    const answer = await ws.run((ctx) => personFeelings(ctx, p.id, {}));
    expect(answer.summary).toMatchObject({ label: 'negative', trend: 'worsening', texts: 4 });
    expect(answer.summary.change).toBeLessThan(-0.15);
    expect(answer.summary.emotions.map((e) => e.emotion)).toContain('frustration');
    expect(answer.timeline.map((t) => t.at)).toEqual(
      [daysAgo(100), daysAgo(70), daysAgo(20), daysAgo(3)].map((d) => new Date(d).toISOString()),
    );
    expect(answer.moments).toHaveLength(2);
    expect(answer.moments[0]!.at).toBe(new Date(daysAgo(3)).toISOString());
    expect(answer.moments[0]!.drivers.length).toBeGreaterThan(0);
    expect(answer.cue).toMatch(
      /^(Frustrated|Angry) about a late delivery twice this month: acknowledge it before anything else\.$/,
    );
    expect((await ws.run((ctx) => personFeelings(ctx, p.id, { days: 30 }))).timeline).toHaveLength(2);
    expect((await appError(ws.run((ctx) => personFeelings(ctx, 'per_unknown')))).code).toBe('not_found');
    const quiet = await person();
    expect(await ws.run((ctx) => personFeelings(ctx, quiet.id))).toEqual({
      summary: { label: 'neutral', score: null, trend: 'steady', change: null, texts: 0, emotions: [] },
      timeline: [],
      moments: [],
      cue: null,
    });
  });
});

describe('the feeling alert', () => {
  const alerts = () => receiver.received.filter((r) => JSON.parse(r.body).type === 'person.feeling_alert');
  const openAlerts = async (personId: string) =>
    (await ws.run((ctx) => listTasks(ctx, { personId, status: 'open' }))).data.filter((t) =>
      t.title.startsWith('Feeling alert: '),
    );

  it('turns a sharp turn to anger on a valued customer into a task for the owner and a webhook event, once', async () => {
    const p = await person({ tags: ['VIP'], ownerId: ws.adminId });
    await say(p.id, THANKS, daysAgo(30));
    await work();
    const before = alerts().length;
    const angry = await say(p.id, ANGRY, daysAgo(0));
    await work();
    const tasks = await openAlerts(p.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      assigneeId: ws.adminId,
      dueAt: new Date(clock.now().getTime() + DAY).toISOString(),
    });
    expect(tasks[0]!.title).toMatch(/^Feeling alert: Angry about a billing error on 26 November: apologise/);
    const sent = alerts()
      .slice(before)
      .map((r) => JSON.parse(r.body).data);
    expect(sent).toEqual([
      expect.objectContaining({
        personId: p.id,
        subjectId: angry.id,
        taskId: tasks[0]!.id,
        taskCreated: true,
      }),
    ]);
    await say(p.id, 'I am still waiting for my refund. Unbelievable, I am so angry.', daysAgo(0));
    await work();
    expect(await openAlerts(p.id)).toHaveLength(1); // no second task while one is open
  });

  it('raises nothing for a customer who is not valued, or who was unhappy already', async () => {
    const plain = await person({ ownerId: ws.adminId });
    const chronic = await person({ tags: ['vip'], ownerId: ws.adminId });
    const historic = await person({ tags: ['vip'] });
    await say(plain.id, THANKS, daysAgo(30));
    await say(chronic.id, LATE, daysAgo(40));
    await work(); // what they said before (jobs of one worker run side by side)
    await say(plain.id, ANGRY, daysAgo(0));
    await say(chronic.id, ANGRY, daysAgo(0));
    await say(historic.id, ANGRY, daysAgo(200)); // an import of old mail: too late to alert
    await work();
    expect(await openAlerts(plain.id)).toEqual([]);
    expect(await openAlerts(chronic.id)).toEqual([]);
    expect(await openAlerts(historic.id)).toEqual([]);
    expect((await feelingsOf(plain.id)).map((f) => f.label)).toEqual(['positive', 'negative']);
  });
});
