import { duplicateContacts, movers } from './demo.b2b.changes.ts';
import { orders } from './demo.b2b.orders.ts';
import { otherTimelines } from './demo.b2b.others.ts';
import { accounts, type B2BContext } from './demo.b2b.records.ts';
import { customFieldDefs, products } from './demo.b2b.setup.ts';
import { newStory } from './demo.b2b.story.ts';
import { customerTimeline, newsletters } from './demo.b2b.timeline.ts';
import { work } from './demo.b2b.work.ts';
import { DemoIds, Rng } from './demo.random.ts';
import { supplierReviews } from './demo.reviews.ts';
import { type DemoRows, emptyRows } from './demo.rows.ts';
import { B2B_STAFF, firstName, type StaffIds } from './demo.staff.ts';
import { B2B_CSAT, B2B_NPS } from './demo.surveys.texts.ts';
import { surveys } from './demo.surveys.ts';
import { DAY } from './demo.text.ts';

export interface GenerateInput {
  seed: string;
  now: Date;
  /** Staff keys (demo.staff.ts) to user ids. */
  staff: StaffIds;
}

/**
 * Helvetia Contract Manufacturing: five years of a B2B relationship business, as rows. Pure:
 * the same input gives the same rows, ids included.
 */
export function generateB2B(input: GenerateInput): DemoRows {
  const root = new Rng(`${input.seed}/b2b`);
  const now = input.now.getTime();
  const ctx: B2BContext = {
    rng: root.fork('content'),
    ids: new DemoIds(root.fork('ids')),
    now,
    start: now - Math.round(5 * 365.25) * DAY,
    staff: input.staff,
    emails: new Set(),
    staffNames: Object.fromEntries(B2B_STAFF.map((member) => [member.key, firstName(member)])),
    rows: emptyRows(),
  };
  customFieldDefs(ctx);
  const productIds = products(ctx);
  const all = accounts(ctx);
  movers(ctx, all);
  duplicateContacts(ctx, all);
  const sales = orders(ctx, all, productIds);
  const story = newStory(ctx, all, sales);
  customerTimeline(story, all, sales);
  otherTimelines(story, all);
  newsletters(story, all);
  work(story, all, sales);
  supplierReviews(ctx, root.fork('reviews'), all);
  surveys({
    rng: root.fork('surveys'),
    ids: new DemoIds(root.fork('survey-ids')),
    now,
    rows: ctx.rows,
    org: 'Helvetia Contract Manufacturing',
    staff: input.staff,
    members: B2B_STAFF,
    nps: {
      name: 'Relationship NPS',
      intro: 'Once a quarter we ask our customers one question. It takes a minute and helps us a lot.',
      thankYou:
        'Thank you. Your account manager reads every answer and will get back to you on what you raised.',
      comments: B2B_NPS,
      share: 0.45,
    },
    csat: {
      name: 'Support satisfaction',
      scoreLabel: 'How satisfied were you with how we handled your recent request?',
      intro: 'You were in touch with us recently. How did we do?',
      thankYou: 'Thank you for your feedback.',
      comments: B2B_CSAT,
      perMonth: 40,
    },
  });
  return ctx.rows;
}
