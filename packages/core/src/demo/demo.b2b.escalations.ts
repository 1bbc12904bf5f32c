import { late, quality } from './demo.b2b.episodes.ts';
import { curt, type Episode, EXECUTIVE, kind, PURCHASING, QUALITY_LEAD, step } from './demo.kinds.ts';

/** Episodes that climb the hierarchy: missed call-backs, escalations, price increases, a recall scare. */

const callback: Episode = {
  name: 'missed call-back',
  resolves: false,
  promiseStep: 1,
  task: 'Call back {themFull} ({company})',
  promiseIn: [1, 1],
  steps: [
    step(
      curt(
        kind(
          'email',
          'inbound',
          { levels: ['functional_lead', 'end_user'] },
          ['owner'],
          ['Nobody called me back', 'Still waiting for your call'],
          [
            'I called your office twice last week and left messages, and nobody called me back.',
            'I have been trying to reach someone about {product} for three days now.',
          ],
          [
            'It is frustrating to chase a supplier for a simple answer.',
            'I find this quite annoying, to be honest.',
          ],
        ),
      ),
      [0, 0],
    ),
    step(
      kind(
        'phone',
        'outbound',
        { levels: ['functional_lead', 'end_user'] },
        ['owner'],
        ['Call with {them}'],
        ['Reached {them} briefly and apologised for the missed calls.'],
        ["Told {them}: I'll call you back tomorrow morning with the confirmed slot for {product}."],
      ),
      [0, 0],
    ),
  ],
  kept: [
    step(
      kind(
        'phone',
        'outbound',
        { levels: ['functional_lead', 'end_user'] },
        ['owner'],
        ['Call-back to {them}'],
        ['Called {them} back as promised and confirmed the slot in week {week}.'],
        ['{them} thanked me for the quick follow-up.', 'Problem solved; {them} sounded relieved.'],
      ),
      [0, 0],
    ),
  ],
  broken: [
    step(
      curt(
        kind(
          'email',
          'inbound',
          { levels: ['functional_lead', 'end_user'] },
          ['owner'],
          ['Again: no call-back'],
          ['You said you would call me back the next morning. That was {days} days ago.'],
          [
            'I am losing patience with this.',
            'This is the second time this month that a promised call never came.',
          ],
        ),
      ),
      [2, 4],
    ),
  ],
};

const escalation: Episode = {
  name: 'executive escalation',
  resolves: false,
  promiseStep: 1,
  task: 'Recovery plan visit to {company}',
  promiseIn: [5, 8],
  steps: [
    step(
      curt(
        kind(
          'email',
          'inbound',
          EXECUTIVE,
          ['head', 'owner'],
          ['Our relationship with Helvetia'],
          [
            "I am writing to you personally because my team's frustration has reached a point where I need to get involved.",
          ],
          [
            'In the last months we have had late deliveries, an open quality complaint and a price increase that nobody explained properly.',
            'Promises from your side have not been kept, and my people no longer believe the dates they are given.',
          ],
          [
            'We have started to evaluate alternative manufacturers for {brand}.',
            'I am seriously worried about our supply of {brand} next year.',
          ],
          ['I would like to meet your leadership within the next two weeks.'],
        ),
      ),
      [0, 0],
    ),
    step(
      kind(
        'email',
        'outbound',
        EXECUTIVE,
        ['head'],
        ['Re: Our relationship with Helvetia'],
        ['Thank you for your frank message; you are right to raise this with me directly.'],
        ['I am sorry that we have let your team down.'],
        ['Our COO and I will come to {city} on {promiseDay}, {promiseDate}, with a concrete recovery plan.'],
      ),
      [0, 1],
    ),
  ],
  kept: [],
  broken: [],
};

const price: Episode = {
  name: 'price increase',
  resolves: false,
  promiseStep: 2,
  task: 'Send revised price offer to {company}',
  promiseIn: [3, 6],
  steps: [
    step(
      kind(
        'letter',
        'outbound',
        { levels: ['executive', 'functional_lead'], functions: ['purchasing', 'other'], count: [1, 2] },
        ['owner', 'head'],
        ['Price adjustment from {effective}'],
        ['After a long period of stable prices we have to adjust our prices by {pct}% from {effective}.'],
        [
          'Energy, glass and personnel costs have risen sharply, and we will continue to invest in our sites.',
        ],
        ['Your account manager will contact you in the coming days to discuss the details.'],
      ),
      [0, 0],
    ),
    step(
      kind(
        'email',
        'inbound',
        PURCHASING,
        ['owner'],
        ['Re: Price adjustment from {effective}'],
        ['{priceReaction}'],
        ['{priceThreat}'],
      ),
      [2, 6],
    ),
    step(
      kind(
        'meeting',
        'outbound',
        {
          levels: ['executive', 'functional_lead'],
          functions: ['purchasing', 'other', 'operations'],
          count: [2, 3],
        },
        ['owner', 'head'],
        ['Price negotiation {year}'],
        ['Negotiation with {themList}.'],
        ['{priceOutcome}'],
        ['We promised to send the revised offer by {promiseDay}.'],
      ),
      [3, 8],
    ),
  ],
  kept: [],
  broken: [],
};

const recall: Episode = {
  name: 'recall scare',
  resolves: true,
  promiseStep: 1,
  task: 'Preliminary assessment of lot {batch} for {company}',
  promiseIn: [2, 3],
  steps: [
    {
      kind: kind(
        'phone',
        'inbound',
        { levels: ['executive', 'functional_lead'], functions: ['quality', 'other'] },
        ['quality', 'owner'],
        ['URGENT: possible field issue with {brand}'],
        ['{them} called, clearly alarmed: hospitals reported {issue}.'],
        [
          '{them} sounded very worried; they are assessing whether a recall of lot {batch} is needed and may have to notify the authorities.',
          '{them} was frightened and said a recall would hit patients and their reputation hard.',
        ],
        ['Asked us for all batch records and the retained samples of lot {batch} within 24 hours.'],
      ),
      after: [0, 0],
    },
    {
      kind: kind(
        'email',
        'outbound',
        QUALITY_LEAD,
        ['head', 'quality'],
        ['Lot {batch}: full support from Helvetia'],
        ['We understand how serious this is, and you have our full support.'],
        [
          'Our quality team has pulled all records; the first package is attached and the retained samples go out by courier today.',
        ],
        ['We will have a preliminary assessment of our part of the process by {promiseDay}.'],
      ),
      after: [0, 0],
    },
    {
      kind: kind(
        'meeting',
        'outbound',
        { levels: ['executive', 'functional_lead'], count: [2, 4] },
        ['head', 'quality', 'owner'],
        ['Joint investigation meeting, lot {batch}'],
        ['Tense meeting with {themList}.'],
        ['{them} said a recall would cost them millions and damage their standing with hospitals.'],
        ['Our records show all in-process controls within limits; the retained samples are under test.'],
      ),
      after: [1, 2],
    },
  ],
  kept: [
    {
      kind: kind(
        'email',
        'inbound',
        QUALITY_LEAD,
        ['quality', 'owner', 'head'],
        ['Lot {batch}: no recall needed'],
        [
          'Good news: the investigation showed that the problem was caused by handling at one hospital, not by the product.',
        ],
        ['No recall is necessary. I was honestly scared for a week, and I am so relieved.'],
        [
          'Thank you for the speed and openness of your team; it made a real difference and we will not forget it.',
        ],
      ),
      after: [2, 5],
    },
  ],
  broken: [
    {
      kind: kind(
        'email',
        'inbound',
        EXECUTIVE,
        ['head', 'owner'],
        ['Voluntary recall of lot {batch}'],
        ['We have decided on a voluntary recall of lot {batch} as a precaution.'],
        [
          'We are deeply disappointed that your preliminary assessment came days later than promised, and that part of the root cause lies at your site.',
        ],
        ['This is a sad day for our company, and we expect a full CAPA and a discussion about compensation.'],
      ),
      after: [4, 8],
    },
  ],
};

export const EPISODES = { late, quality, callback, escalation, price, recall } as const;
