import { EPISODES } from './demo.b2b.escalations.ts';
import { POOLS, VARIABLE_LINES } from './demo.b2b.lines.ts';
import { CAPACITY, CHURN } from './demo.b2b.network.ts';
import { activity, type B2BOrder, priceIncreases } from './demo.b2b.orders.ts';
import { PRAISE } from './demo.b2b.praise.ts';
import type { Account } from './demo.b2b.records.ts';
import { active } from './demo.b2b.render.ts';
import { ROUTINE } from './demo.b2b.routine.ts';
import { emit, moodAt, play, type Story, shiftMood } from './demo.b2b.story.ts';
import { addWorkdays, DAY, dayMonth } from './demo.text.ts';

/** Five years of conversations with customers: episodes first (they set the mood), then the rest. */
export function customerTimeline(story: Story, accounts: Account[], orders: B2BOrder[]) {
  const customers = accounts.filter((a) => a.seed.type === 'customer');
  for (const account of customers) episodes(story, account);
  prices(story, customers);
  for (const account of customers) scheduled(story, account);
  for (const account of customers) routine(story, account);
  for (const order of orders) orderTraffic(story, order);
}

const RATES = {
  late: { A: 0.8, B: 0.6, C: 0.45 },
  quality: { A: 0.45, B: 0.35, C: 0.3 },
  routine: { A: 0.8, B: 0.4, C: 0.16 },
};

function episodes(story: Story, account: Account) {
  const { rng, now } = story.ctx;
  const { tier, story: arc } = account.seed;
  const end = account.until ?? now;
  const years = (end - account.since) / (365 * DAY);
  const when = (count: number) =>
    Array.from({ length: count }, () => rng.float(account.since + 20 * DAY, end - 10 * DAY)).sort(
      (a, b) => a - b,
    );
  const lates = when(rng.poisson(RATES.late[tier] * years));
  if (arc === 'recovered') lates.push(now - rng.int(950, 990) * DAY, now - rng.int(700, 740) * DAY);
  if (arc === 'sour') lates.push(now - rng.int(95, 110) * DAY);
  lates.sort((a, b) => a - b);
  lates.forEach((at, i) => {
    const repeat = i > 0 && at - lates[i - 1]! < 120 * DAY;
    play(story, account, EPISODES.late, at, {
      delta: -0.5,
      vars: { repeatLine: repeat ? rng.pick(VARIABLE_LINES.repeat) : '' },
    });
  });
  const qualities = when(rng.poisson(RATES.quality[tier] * years));
  if (arc === 'recovered') qualities.push(now - rng.int(800, 850) * DAY);
  if (arc === 'sour') qualities.push(now - rng.int(32, 48) * DAY);
  if (arc === 'churned' && account.until)
    qualities.push(account.until - 200 * DAY, account.until - 120 * DAY);
  for (const at of qualities) play(story, account, EPISODES.quality, at, { delta: -0.6 });
  const callbacks = when(rng.poisson(0.3 * years));
  if (arc === 'sour') callbacks.push(now - rng.int(60, 75) * DAY);
  for (const at of callbacks) play(story, account, EPISODES.callback, at, { delta: -0.3 });
  for (const at of when(rng.poisson(0.15 * years))) {
    emit(story, account, at, CAPACITY[0]!);
    emit(story, account, addWorkdays(at, rng.int(1, 3)), CAPACITY[1]!);
    shiftMood(story, account, at, 30, -0.2);
  }
  if (arc === 'recall')
    play(story, account, EPISODES.recall, now - rng.int(930, 960) * DAY, { delta: -0.8, forceKept: true });
  if (arc === 'recovered')
    play(story, account, EPISODES.recall, now - rng.int(880, 900) * DAY, { delta: -0.8, forceKept: false });
  if (arc === 'sour') {
    play(story, account, EPISODES.escalation, now - rng.int(4, 12) * DAY, { delta: -0.9, forceKept: true });
  }
  if (arc === 'churned' && account.until) {
    play(story, account, EPISODES.escalation, account.until - 90 * DAY, { delta: -0.9, forceKept: true });
    emit(story, account, account.until - rng.int(12, 25) * DAY, CHURN);
  }
  const good = [
    ...when(rng.poisson(0.25 * years)).map((at) => [at, PRAISE.rushThanks!] as const),
    ...when(rng.poisson(0.12 * years)).map((at) => [at, PRAISE.launchThanks!] as const),
  ];
  if (arc === 'recovered') {
    good.push(
      [now - rng.int(380, 420) * DAY, PRAISE.launchThanks!],
      [now - rng.int(150, 220) * DAY, PRAISE.rushThanks!],
    );
  }
  for (const [at, kind] of good) {
    if (moodAt(story, account, at) < 0) continue;
    emit(story, account, at, kind);
    shiftMood(story, account, at, 30, 0.3);
  }
}

const GENERICS = ['Generic pharmaceuticals', 'Consumer health'];

function prices(story: Story, customers: Account[]) {
  const { rng } = story.ctx;
  for (const increase of priceIncreases(story.ctx.now)) {
    const letter = increase.at - 55 * DAY;
    for (const account of customers) {
      if (activity(account, letter, story.ctx.now) === 0) continue;
      const { story: arc, industry } = account.seed;
      const hard =
        GENERICS.includes(industry) || arc === 'churned' || (arc === 'sour' && increase.at > letter);
      const angry = hard || moodAt(story, account, letter) < 0 || rng.chance(0.15);
      const failed = arc === 'churned' || arc === 'sour' || (angry && rng.chance(0.4));
      const vars = {
        pct: increase.pct,
        pct2: Math.round(increase.pct * 0.6 * 10) / 10,
        effective: dayMonth(increase.at),
      };
      play(story, account, EPISODES.price, letter, {
        delta: angry ? -0.5 : -0.15,
        vars: {
          ...vars,
          priceReaction: rng.pick(angry ? VARIABLE_LINES.priceAngry : VARIABLE_LINES.priceAccept),
          priceThreat: rng.pick(hard ? VARIABLE_LINES.priceThreatHard : VARIABLE_LINES.priceThreatSoft),
          priceOutcome: rng.pick(failed ? VARIABLE_LINES.priceOutcomeBad : VARIABLE_LINES.priceOutcomeGood),
        },
      });
    }
  }
}

function scheduled(story: Story, account: Account) {
  const { rng, now } = story.ctx;
  const { tier, families } = account.seed;
  const end = account.until ?? now;
  const every = (days: number, fn: (at: number) => void) => {
    for (let at = account.since + rng.int(10, days) * DAY; at < end; at += (days + rng.int(-10, 10)) * DAY)
      fn(at);
  };
  if (tier !== 'C') every(tier === 'A' ? 91 : 182, (at) => emit(story, account, at, ROUTINE.qbr!));
  if (tier !== 'C') every(182, (at) => emit(story, account, at, ROUTINE.internalReview!));
  if (tier === 'A')
    every(365, (at) => moodAt(story, account, at) > 0 && emit(story, account, at, PRAISE.execDinner!));
  if (families.includes('sterile') || families.includes('osd')) {
    every(365, (at) => {
      emit(story, account, at, ROUTINE.auditPlanning!);
      const visit = at + rng.int(30, 45) * DAY;
      const good = moodAt(story, account, visit) > 0 ? rng.chance(0.85) : rng.chance(0.5);
      const lines = good ? VARIABLE_LINES.auditGood : VARIABLE_LINES.auditBad;
      emit(story, account, visit, ROUTINE.auditVisit!, { vars: { auditOutcome: rng.pick(lines) } });
      shiftMood(story, account, visit, 30, good ? 0.2 : -0.3);
      if (good && rng.chance(0.4))
        emit(story, account, addWorkdays(visit, rng.int(4, 9)), PRAISE.auditPraise!);
    });
  }
  if (tier === 'A' && account.seed.story === 'steady' && rng.chance(0.4)) {
    emit(story, account, rng.float(account.since + 365 * DAY, now - 30 * DAY), PRAISE.supplierAward!);
  }
  if (account.seed.story === 'new') {
    emit(story, account, addWorkdays(account.since, 3), ROUTINE.techMeeting!);
    emit(story, account, addWorkdays(account.since, 15), ROUTINE.visit!);
    emit(story, account, addWorkdays(account.since, 40), ROUTINE.launchPlanning!);
  }
}

const WEIGHTS: [string, number, (a: Account) => boolean][] = [
  ['checkIn', 10, () => true],
  ['callIn', 8, () => true],
  ['forecastIn', 6, () => true],
  ['forecastAck', 4, () => true],
  ['docsRequest', 5, () => true],
  ['docsSend', 5, () => true],
  ['techMeeting', 3, () => true],
  ['techMeeting', 3, (a) => a.seed.families.includes('device') || a.seed.families.includes('tooling')],
  ['maintenance', 3, (a) => a.seed.families.includes('tooling')],
  ['launchPlanning', 1.5, () => true],
  ['invoiceQuery', 1.2, () => true],
  ['changeNotice', 1.5, () => true],
  ['visit', 1.5, () => true],
];

export function routine(story: Story, account: Account, weekly?: number, only?: readonly string[]) {
  const { rng, now } = story.ctx;
  const rate = weekly ?? RATES.routine[account.seed.tier];
  const options = WEIGHTS.filter(([name, , fits]) => fits(account) && (!only || only.includes(name)));
  for (let week = account.since; week < now; week += 7 * DAY) {
    for (let n = rng.poisson(rate * activity(account, week, now)); n > 0; n--) {
      const at = week + rng.float(0, 7) * DAY;
      let [name] = rng.weighted(options, ([, w]) => w);
      const mood = moodAt(story, account, at);
      if (mood < -0.1 && (name === 'checkIn' || name === 'visit')) name = 'callIn';
      const vars = { invoice: `INV-${new Date(at).getUTCFullYear() % 100}${rng.int(10000, 99999)}` };
      emit(story, account, at, ROUTINE[name]!, { vars });
      if (name === 'invoiceQuery' && rng.chance(0.7)) {
        emit(story, account, addWorkdays(at, 1), ROUTINE.invoiceReply!, { vars });
      }
    }
  }
}

/** The emails that go with an order: the PO, the confirmation, the shipment, the receipt. */
export function orderTraffic(story: Story, order: B2BOrder) {
  const { rng } = story.ctx;
  const { account, at } = order;
  const distributor = account.seed.type === 'distributor';
  if (rng.chance(distributor ? 0.7 : 0.5)) emit(story, account, at, ROUTINE.poIn!, { order });
  if (rng.chance(0.4)) emit(story, account, addWorkdays(at, 1), ROUTINE.orderConfirm!, { order });
  const shipped = addWorkdays(at, rng.int(12, 35));
  if (rng.chance(0.35)) emit(story, account, shipped, ROUTINE.shipment!, { order });
  // A receipt with thanks only while the relationship is in good shape.
  const arrived = addWorkdays(shipped, rng.int(2, 5));
  if (!distributor && rng.chance(0.2) && moodAt(story, account, arrived) > 0) {
    emit(story, account, arrived, ROUTINE.received!, { order });
  }
}

/** Newsletters twice a year to everyone who agreed to receive them. */
export function newsletters(story: Story, accounts: Account[]) {
  const { now, start } = story.ctx;
  for (let at = start + 120 * DAY, n = 0; at < now; at += 182 * DAY, n++) {
    const newsTopic = POOLS.news[n % POOLS.news.length]!;
    for (const account of accounts) {
      if (account.seed.type === 'supplier' || account.until !== null) continue;
      if (!active(account, at).some((c) => c.emailConsent)) continue;
      emit(
        story,
        account,
        at,
        { ...ROUTINE.newsletter!, who: { count: [1, 6], consent: true } },
        { vars: { newsTopic } },
      );
    }
  }
}
