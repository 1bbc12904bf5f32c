import { ANYONE, EXECUTIVE, type Kind, kind, LEADS, OPERATIONS } from './demo.kinds.ts';

/** Capacity refusals, a lost account, and the traffic with suppliers, partners, distributors and prospects. */

export const CAPACITY: Kind[] = [
  kind(
    'email',
    'outbound',
    OPERATIONS,
    ['owner'],
    ['Extra batch request for {quarter}'],
    ['Thank you for the request for an additional batch of {brand}.'],
    ['Unfortunately we cannot accommodate it in {quarter}; the line is fully booked until week {week}.'],
    ['I am sorry we cannot help this time.'],
  ),
  kind(
    'email',
    'inbound',
    OPERATIONS,
    ['owner'],
    ['Re: Extra batch request for {quarter}'],
    ['That is a real pity. We were counting on you for this volume.'],
    ['I am disappointed, and a little worried that we will have to look elsewhere for peak demand.'],
  ),
];

export const CHURN: Kind = kind(
  'email',
  'inbound',
  EXECUTIVE,
  ['owner', 'head'],
  ['Transfer of {brand}'],
  [
    'After careful consideration we have decided to transfer the manufacturing of {brand} to another partner.',
  ],
  [
    'This was not an easy decision, and it makes me sad after so many years; the last year was difficult for both sides.',
  ],
  ['We will honour the open purchase orders and the transition period in our agreement.'],
);

export const SUPPLIER: Kind[] = [
  kind(
    'email',
    'inbound',
    OPERATIONS,
    ['cs'],
    ['Delivery delay: {supplyItem}', 'Revised delivery date for {supplyItem}'],
    [
      'Unfortunately our shipment of {supplyItem} will be delayed by about {days} days because of an equipment repair.',
      'We have to inform you that the delivery of {supplyItem} planned for this week will slip by {days} days.',
    ],
    ['We apologise for the inconvenience.', 'We are doing everything we can to recover.'],
  ),
  kind(
    'email',
    'outbound',
    OPERATIONS,
    ['cs'],
    ['Re: Delivery delay: {supplyItem}'],
    ['This delay puts two customer batches at risk, which is very frustrating for us.'],
    ['Please confirm the new date in writing by {promiseDay} and send a daily status until then.'],
  ),
  kind(
    'meeting',
    'outbound',
    LEADS,
    ['cs', 'quality'],
    ['Supplier review {year}: {company}'],
    ['Annual supplier review with {themList}.'],
    [
      'On-time delivery improved to {otd}% and there were no quality complaints.',
      'On-time delivery was only {otd}%; we asked for an improvement plan.',
    ],
    ['Good, open discussion.', 'They committed to a dedicated contact for urgent orders.'],
  ),
  kind(
    'email',
    'outbound',
    ANYONE,
    ['cs'],
    ['Thank you for the expedited shipment'],
    ['Thank you for getting the {supplyItem} to us two days early.'],
    ['It allowed us to keep a customer batch on schedule; much appreciated.'],
  ),
  kind(
    'in_person',
    'outbound',
    { functions: ['quality', 'operations'], count: [1, 3] },
    ['quality'],
    ['Supplier audit at {company}'],
    ['Two-day GMP audit at {company} in {city}, led by {usFull}.'],
    [
      'No major findings; three minor observations on documentation.',
      'One major observation on traceability of reworked lots; CAPA requested.',
    ],
  ),
];

export const PARTNER: Kind[] = [
  kind(
    'meeting',
    'outbound',
    { count: [1, 2] },
    ['owner'],
    ['Joint workshop: {topic}'],
    ['Workshop with {themList} on {topic}.'],
    [
      'Good energy in the room; we agreed to write a joint proposal.',
      'Useful exchange; next step is a short pilot.',
    ],
  ),
  kind(
    'email',
    'inbound',
    ANYONE,
    ['owner'],
    ['Introduction: a company looking for a manufacturer'],
    ['A client of ours is looking for a manufacturing partner in Europe and I thought of you immediately.'],
    ['Would you be open to an introductory call next week?'],
  ),
  kind(
    'phone',
    'outbound',
    ANYONE,
    ['owner'],
    ['Catch-up with {them}'],
    ['Catch-up with {them} about current projects and joint leads.'],
    ['Relaxed and friendly, as always.', '{them} thanked us for the referral last quarter.'],
  ),
];

export const DISTRIBUTOR: Kind[] = [
  kind(
    'email',
    'inbound',
    OPERATIONS,
    ['owner'],
    ['Order for ReadyFill components', 'Stock replenishment order'],
    ['Please find attached our replenishment order for {product}.'],
    ['Our customers are asking for shorter lead times; anything you can do is appreciated.', ''],
  ),
  kind(
    'email',
    'inbound',
    ANYONE,
    ['owner'],
    ['Damaged boxes in the last shipment', 'Lead times for ReadyFill'],
    [
      'Several boxes in the last shipment arrived crushed and our customer refused them.',
      'Your lead times have grown to twelve weeks and we are losing tenders because of it.',
    ],
    ['I am frustrated, because we keep apologising to customers for something we cannot control.'],
    ['Please tell me by {promiseDay} how you will fix this.'],
  ),
  kind(
    'meeting',
    'outbound',
    LEADS,
    ['owner', 'marketing'],
    ['Distributor business review {year}'],
    ['Annual review with {themList}.'],
    [
      'Sales of ReadyFill grew in their region; they want marketing support for two trade fairs.',
      'Flat year; price pressure from local competitors.',
    ],
  ),
];

export const PROSPECT: Kind[] = [
  kind(
    'phone',
    'outbound',
    { levels: ['functional_lead', 'executive'] },
    ['owner'],
    ['Intro call with {company}'],
    ['Introductory call with {them} about {brand}.'],
    ['They are looking for a manufacturer for clinical and later commercial supply.'],
    ['I will send our capability deck and a reference list by {promiseDay}.'],
  ),
  kind(
    'email',
    'inbound',
    { levels: ['functional_lead'] },
    ['owner'],
    ['Request for proposal: {brand}'],
    ['Following our call, please find attached our request for proposal for {brand}.'],
    ['We would need your proposal within four weeks.'],
  ),
  kind(
    'in_person',
    'inbound',
    { count: [2, 3] },
    ['owner', 'quality'],
    ['Site visit by {company}'],
    ['{themList} visited our {site} site.'],
    [
      'They were impressed by the isolator line and asked many questions about our audit history.',
      'Good visit; the price level is their main concern.',
    ],
  ),
  kind(
    'email',
    'outbound',
    { levels: ['functional_lead'] },
    ['owner'],
    ['Proposal for {brand}'],
    ['Thank you for the opportunity; our proposal for {brand} is attached.'],
    ['I will call you on {promiseDay} to walk you through it.'],
  ),
];

export const PROSPECT_FOLLOW_UP: Kind = kind(
  'phone',
  'outbound',
  { levels: ['functional_lead', 'executive'] },
  ['owner'],
  ['Follow-up call with {them}'],
  ['Follow-up call with {them} on our proposal for {brand}.'],
  [
    'They are comparing three proposals; a decision is expected in {quarter}.',
    '{them} liked our quality track record but asked whether we can improve the price for the first two years.',
    'Their technical team is positive; purchasing still wants a second round.',
  ],
);
