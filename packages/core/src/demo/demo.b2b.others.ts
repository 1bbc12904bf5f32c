import { DISTRIBUTOR, PARTNER, PROSPECT, PROSPECT_FOLLOW_UP, SUPPLIER } from './demo.b2b.network.ts';
import type { Account } from './demo.b2b.records.ts';
import { emit, moodAt, type Story, shiftMood } from './demo.b2b.story.ts';
import { routine } from './demo.b2b.timeline.ts';
import { addWorkdays, DAY } from './demo.text.ts';

/** Suppliers, partners, distributors and prospects: fewer conversations, but the same care. */
export function otherTimelines(story: Story, accounts: Account[]) {
  for (const account of accounts) {
    if (account.seed.type === 'supplier') supplier(story, account);
    if (account.seed.type === 'partner') partner(story, account);
    if (account.seed.type === 'distributor') distributor(story, account);
    if (account.seed.type === 'prospect') prospect(story, account);
  }
}

function yearly(story: Story, account: Account, perYear: number, fn: (at: number) => void) {
  const { rng, now } = story.ctx;
  const years = (now - account.since) / (365 * DAY);
  const times = Array.from({ length: rng.poisson(perYear * years) }, () => rng.float(account.since, now));
  for (const at of times.sort((a, b) => a - b)) fn(at);
}

function supplier(story: Story, account: Account) {
  const { rng, now } = story.ctx;
  const delay = (at: number) => {
    shiftMood(story, account, at, 30, -0.3);
    emit(story, account, at, SUPPLIER[0]!);
    emit(story, account, addWorkdays(at, 1), SUPPLIER[1]!);
  };
  yearly(story, account, 1.5, delay);
  if (account.seed.story === 'sour')
    for (const days of [140, 75, 20]) delay(now - (days + rng.int(0, 10)) * DAY);
  yearly(story, account, 1, (at) => emit(story, account, at, SUPPLIER[2]!));
  yearly(
    story,
    account,
    0.8,
    (at) => moodAt(story, account, at) > 0 && emit(story, account, at, SUPPLIER[3]!),
  );
  yearly(story, account, 0.5, (at) => emit(story, account, at, SUPPLIER[4]!));
}

function partner(story: Story, account: Account) {
  yearly(story, account, 9, (at) => emit(story, account, at, story.ctx.rng.pick(PARTNER)));
}

function distributor(story: Story, account: Account) {
  const { rng, now } = story.ctx;
  const complaint = (at: number) => {
    shiftMood(story, account, at, 45, -0.4);
    emit(story, account, at, DISTRIBUTOR[1]!);
  };
  yearly(story, account, 1, complaint);
  if (account.seed.story === 'sour')
    for (const days of [150, 80, 25]) complaint(now - (days + rng.int(0, 10)) * DAY);
  yearly(story, account, 1, (at) => emit(story, account, at, DISTRIBUTOR[2]!));
  routine(story, account, 0.2, ['callIn', 'forecastIn', 'forecastAck', 'invoiceQuery']);
}

function prospect(story: Story, account: Account) {
  const { rng } = story.ctx;
  let at = account.since;
  for (const kind of PROSPECT) {
    emit(story, account, at, kind);
    at = addWorkdays(at, rng.int(12, 25));
  }
  for (; at < story.ctx.now; at += rng.int(15, 30) * DAY) emit(story, account, at, PROSPECT_FOLLOW_UP);
}
