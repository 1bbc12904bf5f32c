import type { B2BOrder } from './demo.b2b.orders.ts';
import type { Account, B2BContext, Contact } from './demo.b2b.records.ts';
import { type B2BEvent, episodeFacts, pickContacts, render } from './demo.b2b.render.ts';
import type { Episode, Kind, Step } from './demo.kinds.ts';
import { B2B_STAFF, staffMember } from './demo.staff.ts';
import { addWorkdays, DAY, dayMonth, fill, officeTime, type Vars, weekdayName } from './demo.text.ts';

/** A commitment made to a customer in an interaction, and what became of it. */
export interface Commitment {
  account: Account;
  lead: Contact | undefined;
  userKey: string;
  title: string;
  madeAt: number;
  dueAt: number;
  outcome: 'kept' | 'broken' | 'open';
  closedAt: number | null;
}

/** The state of the whole B2B story: orders per account, moods over time, commitments. */
export interface Story {
  ctx: B2BContext;
  orders: Map<Account, B2BOrder[]>;
  baseline: Map<Account, number>;
  moods: Map<Account, { from: number; to: number; delta: number }[]>;
  commitments: Commitment[];
  events: number;
}

export function newStory(ctx: B2BContext, accounts: Account[], orders: B2BOrder[]): Story {
  const byAccount = new Map<Account, B2BOrder[]>(accounts.map((a) => [a, []]));
  for (const order of orders) byAccount.get(order.account)!.push(order);
  const baseline = new Map(accounts.map((a) => [a, ctx.rng.normal(0.35, 0.2)]));
  return {
    ctx,
    orders: byAccount,
    baseline,
    moods: new Map(accounts.map((a) => [a, []])),
    commitments: [],
    events: 0,
  };
}

export function moodAt(story: Story, account: Account, at: number): number {
  let mood = story.baseline.get(account) ?? 0;
  for (const w of story.moods.get(account) ?? []) if (at >= w.from && at <= w.to) mood += w.delta;
  return mood;
}

export function shiftMood(story: Story, account: Account, from: number, days: number, delta: number) {
  story.moods.get(account)!.push({ from, to: from + days * DAY, delta });
}

/** The account's latest order before `at` (within a year), for the facts of a conversation. */
export function orderBefore(story: Story, account: Account, at: number): B2BOrder | undefined {
  const list = story.orders.get(account) ?? [];
  let found: B2BOrder | undefined;
  for (const order of list) {
    if (order.at > at) break;
    if (order.at > at - 365 * DAY) found = order;
  }
  return found;
}

/** Writes one interaction at `at` (moved into office hours) unless it would be in the future. */
export function emit(
  story: Story,
  account: Account,
  at: number,
  kind: Kind,
  extra: { order?: B2BOrder | undefined; lead?: Contact | undefined; vars?: Vars; exact?: boolean } = {},
) {
  const { ctx } = story;
  const when = extra.exact ? at : officeTime(ctx.rng, at, account.info.utcOffset);
  if (when >= ctx.now || when < account.since) return null;
  story.events++;
  const ev: B2BEvent = {
    at: when,
    kind,
    account,
    mood: moodAt(story, account, when),
    lead: extra.lead,
    vars: extra.vars,
    order: extra.order ?? orderBefore(story, account, when),
  };
  const done = render(ctx, ev);
  if (done?.promised) everydayPromise(story, account, when, done.users[0]!, done.people[0], done.promised);
  return done;
}

/**
 * An everyday promise in a routine message ("I will send the slot plan by Friday") becomes a
 * task: mostly done in time, sometimes late, and the recent broken ones still open.
 */
function everydayPromise(
  story: Story,
  account: Account,
  at: number,
  userKey: string,
  lead: Contact | undefined,
  promised: { title: string; due: number },
) {
  const { rng, now } = story.ctx;
  const dueAt = promised.due;
  const kept = rng.chance(keepChance(story, account, at, userKey));
  const late = dueAt + rng.int(1, 6) * DAY;
  const closedAt = kept
    ? at + rng.float(0.2, 0.95) * (dueAt - at)
    : dueAt < now - 30 * DAY || rng.chance(0.4)
      ? late
      : null;
  story.commitments.push({
    account,
    lead,
    userKey,
    title: promised.title,
    madeAt: at,
    dueAt,
    outcome: dueAt >= now ? 'open' : kept ? 'kept' : 'broken',
    closedAt: closedAt !== null && closedAt < now ? closedAt : null,
  });
}

/** Office-hour times for a sequence of steps from `from`, each strictly after the one before. */
function stepTimes(story: Story, account: Account, from: number, steps: readonly Step[]): number[] {
  const { rng } = story.ctx;
  const out: number[] = [];
  let day = from;
  let last = 0;
  for (const s of steps) {
    day = addWorkdays(day, rng.int(s.after[0], s.after[1]));
    let when = officeTime(rng, day, account.info.utcOffset);
    if (when <= last) when = last + rng.int(15, 180) * 60_000;
    out.push(when);
    last = when;
  }
  return out;
}

/**
 * Plays an episode from `at`: the main steps, the promise (kept as often as the promiser keeps
 * promises, times `keepFactor`), and the ending that matches. Moods shift around it; the
 * commitment is recorded for the tasks. The facts (complaint and investigation numbers, the
 * defect, the order) stay the same through the episode.
 */
export function play(
  story: Story,
  account: Account,
  episode: Episode,
  at: number,
  options: { delta: number; vars?: Vars; keepFactor?: number; forceKept?: boolean },
) {
  const { ctx } = story;
  const { rng } = ctx;
  const order = orderBefore(story, account, at);
  const lead = pickContacts(rng, account, at, episode.steps[0]!.kind.who)[0];
  const times = stepTimes(story, account, at, episode.steps);
  const promiseFrom = times[episode.promiseStep] ?? at;
  const dueAt = addWorkdays(promiseFrom, rng.int(episode.promiseIn[0], episode.promiseIn[1]));
  const promiser = episode.steps[episode.promiseStep]!.kind.us[0]!;
  const userKey = promiser === 'owner' ? account.seed.owner : promiser;
  const kept =
    options.forceKept ?? rng.chance(keepChance(story, account, at, userKey) * (options.keepFactor ?? 1));
  const vars: Vars = {
    ...episodeFacts(rng, account, at),
    ...options.vars,
    promiseDay: weekdayName(dueAt),
    promiseDate: dayMonth(dueAt),
  };
  shiftMood(story, account, at, 40, options.delta);
  episode.steps.forEach((s, i) => {
    if (s.chance === undefined || rng.chance(s.chance)) {
      emit(story, account, times[i]!, s.kind, { order, lead, vars, exact: true });
    }
  });
  const title = fill(rng, episode.task, {
    ...vars,
    po: order?.po ?? 'the open order',
    company: account.short,
    product: order?.main.spoken ?? account.seed.brand,
    themFull: lead ? `${lead.first} ${lead.last}` : account.short,
    batch: order?.batch ?? 'the affected lot',
  });
  const commitment: Commitment = {
    account,
    lead,
    userKey,
    title,
    madeAt: promiseFrom,
    dueAt,
    outcome: 'open',
    closedAt: null,
  };
  story.commitments.push(commitment);
  if (dueAt >= ctx.now) return;
  commitment.outcome = kept ? 'kept' : 'broken';
  if (!kept) shiftMood(story, account, dueAt, 60, -0.4);
  const ending = kept ? episode.kept : episode.broken;
  const endTimes = stepTimes(story, account, dueAt, ending);
  ending.forEach((s, i) => {
    const e = endTimes[i]!;
    emit(story, account, e, s.kind, {
      order,
      lead,
      vars: { ...vars, days: Math.round((e - dueAt) / DAY) + 1 },
      exact: true,
    });
  });
  if (kept) commitment.closedAt = dueAt - rng.int(2, 30) * 3_600_000;
  else if (episode.resolves) commitment.closedAt = endTimes.at(-1) ?? null;
  // A broken promise without a late fulfilment stays open for a while, and is sometimes forgotten.
  else {
    const settled = dueAt < ctx.now - 365 * DAY || (dueAt < ctx.now - 21 * DAY && rng.chance(0.75));
    commitment.closedAt = settled ? dueAt + rng.int(3, 10) * DAY : null;
  }
  if (commitment.closedAt !== null && commitment.closedAt >= ctx.now) commitment.closedAt = null;
}

/** How likely the owner keeps a promise at `at`, given the account's story. */
export function keepChance(story: Story, account: Account, at: number, userKey = account.seed.owner): number {
  const { now } = story.ctx;
  const base = staffMember(B2B_STAFF, userKey).reliability;
  const { story: arc } = account.seed;
  if (arc === 'sour' && at > now - 130 * DAY) return base * 0.3;
  if (arc === 'recovered' && at > now - 1000 * DAY && at < now - 640 * DAY) return base * 0.5;
  if (arc === 'churned' && account.until !== null && at > account.until - 240 * DAY) return base * 0.4;
  return base;
}
