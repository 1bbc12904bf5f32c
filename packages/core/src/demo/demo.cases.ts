import {
  addCompensation,
  createCalendar,
  createCase,
  createRootCause,
  createSlaPolicy,
  listRootCauses,
  setCompensationLimits,
  transitionCase,
} from '../cases/cases.service.ts';
import { listInteractions } from '../interactions/interactions.service.ts';
import { createPromise, keepPromise, renegotiatePromise } from '../promises/promises.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { type Actor, type Ctx, inWorkspace, type SystemCtx } from '../shared/context.ts';

/**
 * Service recovery in a demo workspace, written through the cases' and promises' services as an
 * agent would: a business calendar and SLA policies, a small root-cause taxonomy, compensation
 * limits, and cases opened from the latest inbound messages over the last two weeks, each at its
 * own moment (an injected clock): some resolved in time, one late, one waiting on the customer,
 * some new; promises made in them, kept, renegotiated, broken and open. The SLA and promises jobs
 * are enqueued, not run: `rapport serve` marks the breaches and breaks the overdue promises (with
 * their tasks), so the demo's own rows stay exactly those it counts.
 */

const HOUR = 3_600_000;
const nine = [{ from: '08:00', to: '18:00' }];

type Plan = {
  severity: 'normal' | 'high' | 'urgent';
  category: string;
  steps: string[];
  promise?: 'kept' | 'moved' | 'broken' | 'open';
};

const PLANS: Plan[] = [
  { severity: 'high', category: 'delivery', steps: ['acknowledged', 'resolved'], promise: 'kept' },
  { severity: 'urgent', category: 'quality', steps: ['acknowledged', 'in_progress'], promise: 'moved' },
  {
    severity: 'normal',
    category: 'billing',
    steps: ['acknowledged', 'waiting_on_customer'],
    promise: 'open',
  },
  { severity: 'high', category: 'delivery', steps: [], promise: 'broken' },
  { severity: 'normal', category: 'support', steps: ['in_progress', 'resolved', 'closed'] },
  { severity: 'high', category: 'quality', steps: ['acknowledged', 'resolved'], promise: 'kept' },
];

export async function seedServiceRecovery(
  sys: SystemCtx,
  workspaceId: string,
  owners: readonly string[],
  adminId: string,
  now: Date,
): Promise<void> {
  const clock = fixedClock(new Date(now.getTime() - 14 * 24 * HOUR));
  const admin: Actor = { kind: 'user', id: adminId, role: 'admin', userId: adminId };
  const run = <T>(fn: (ctx: Ctx) => Promise<T>, actor: Actor = admin) =>
    inWorkspace(sys.db, workspaceId, actor, fn, clock);
  const texts = await run((ctx) =>
    listInteractions(ctx, {
      direction: 'inbound',
      limit: 40,
      until: new Date(now.getTime() - 2 * 24 * HOUR).toISOString(),
    }),
  );
  const sources = texts.data.filter((t) => t.people.length && (t.subject || t.body)).slice(0, PLANS.length);
  if (!sources.length) return;
  await run(async (ctx) => {
    const cal = await createCalendar(ctx, {
      name: 'Support hours',
      timeZone: 'Europe/Zurich',
      hours: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
      holidays: [{ date: `${now.getUTCFullYear()}-12-25`, name: 'Christmas Day' }],
    });
    for (const [severity, ack, resolve] of [
      ['normal', 240, 1_440],
      ['high', 120, 960],
      ['urgent', 30, 480],
    ] as const)
      await createSlaPolicy(ctx, {
        name: `${severity} cases`,
        severity,
        calendarId: cal.id,
        acknowledgeMinutes: ack,
        resolveMinutes: resolve,
      });
    await createSlaPolicy(ctx, {
      name: 'high, platinum customers',
      severity: 'high',
      tier: 'platinum',
      calendarId: cal.id,
      acknowledgeMinutes: 60,
      resolveMinutes: 480,
    });
    for (const name of [
      'Carrier delay',
      'Picking error',
      'Defective batch',
      'Billing system error',
      'Slow first response',
    ])
      await createRootCause(ctx, { name });
    await setCompensationLimits(ctx, {
      limits: [
        { role: 'agent', currency: 'EUR', maxAmountMinor: 5_000 },
        { role: 'agent', currency: 'CHF', maxAmountMinor: 5_000 },
        { role: 'manager', currency: 'EUR', maxAmountMinor: 50_000 },
        { role: 'manager', currency: 'CHF', maxAmountMinor: 50_000 },
      ],
    });
  });
  const causes = await run((ctx) => listRootCauses(ctx));
  for (const [i, source] of sources.entries()) {
    const plan = PLANS[i]!;
    const owner = owners[i % owners.length] ?? adminId;
    const agent: Actor = { kind: 'user', id: owner, role: 'agent', userId: owner };
    clock.set(new Date(now.getTime() - (12 - i * 2) * 24 * HOUR));
    const c = await run(
      (ctx) =>
        createCase(ctx, {
          type: 'complaint',
          severity: plan.severity,
          category: plan.category,
          source: { type: 'interaction', id: source.id },
          ownerId: owner,
          team: 'Customer care',
        }),
      agent,
    );
    let promiseId: string | null = null;
    for (const [step, to] of plan.steps.entries()) {
      clock.set(new Date(clock.now().getTime() + (step === 0 ? (i === 3 ? 30 : 1) : 20) * HOUR));
      const resolving = to === 'resolved';
      await run(
        (ctx) =>
          transitionCase(ctx, c.id, {
            to: to as 'resolved',
            ...(resolving
              ? {
                  resolution: 'Replaced and apologised; the customer confirmed.',
                  rootCauseId: causes.data[i % causes.data.length]!.id,
                }
              : {}),
          }),
        agent,
      );
      if (step === 0 && plan.promise) {
        const p = await run(
          (ctx) =>
            createPromise(ctx, {
              what:
                plan.category === 'delivery'
                  ? 'Send the replacement by express'
                  : 'Call back with the outcome of our check',
              caseId: c.id,
              dueAt: new Date(clock.now().getTime() + 48 * HOUR).toISOString(),
            }),
          agent,
        );
        promiseId = p.id;
        if (i === 0)
          await run(
            (ctx) =>
              addCompensation(ctx, c.id, {
                kind: 'voucher',
                amountMinor: 2_000,
                currency: 'EUR',
                reason: 'For the wait',
              }),
            agent,
          );
      }
    }
    if (!promiseId && plan.promise === 'broken') {
      promiseId = (
        await run(
          (ctx) =>
            createPromise(ctx, {
              what: 'Confirm the new delivery date',
              caseId: c.id,
              dueAt: new Date(clock.now().getTime() + 24 * HOUR).toISOString(),
            }),
          agent,
        )
      ).id;
    }
    if (promiseId && plan.promise === 'kept') {
      clock.set(new Date(clock.now().getTime() + 4 * HOUR));
      await run((ctx) => keepPromise(ctx, promiseId!), agent);
    }
    if (promiseId && plan.promise === 'moved') {
      clock.set(new Date(clock.now().getTime() + 24 * HOUR));
      await run(
        (ctx) =>
          renegotiatePromise(ctx, promiseId!, {
            dueAt: new Date(now.getTime() + 3 * 24 * HOUR).toISOString(),
            reason: 'The lab needs two more days for the analysis',
            toldCustomer: true,
          }),
        agent,
      );
    }
  }
}
