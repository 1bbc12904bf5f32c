/** Lines and facts that templates pick from, chosen by mood or by the account's kind of business. */

export const VARIABLE_LINES = {
  positive: [
    '{them} thanked the team for a strong period and wants to discuss extra volume for {brand}.',
    'Very positive atmosphere; {them} called us their most reliable manufacturing partner.',
    'They are happy with quality and delivery, and we discussed a second product for next year.',
  ],
  neutral: [
    'No major issues; they asked for a clearer view of lead times.',
    'Constructive meeting; a few open points on documentation turnaround.',
    'Business as usual; volumes stable.',
  ],
  negative: [
    '{them} was openly unhappy about delivery performance and expects a recovery plan.',
    'Tense atmosphere; they feel that our communication has become slow and defensive.',
    '{them} said our reliability has slipped and that they are under pressure internally because of it.',
  ],
  auditGood: [
    'Closing meeting went well: no critical or major findings, two minor observations on logbook entries.',
    'Excellent closing meeting; the lead auditor praised our deviation management.',
  ],
  auditBad: [
    'One major observation on our environmental monitoring trend review; we committed to a CAPA plan within 30 days.',
    'Difficult closing meeting: a major observation on data integrity of the filling line records.',
  ],
  repeat: [
    'This is the second late delivery this quarter.',
    'This is not the first time, and our patience is running out.',
    'I am worried that this is becoming a pattern.',
  ],
  priceAccept: [
    'Thanks for the advance notice. We understand the cost pressure, although {pct}% is at the upper end of what we can absorb.',
    'We have received your letter. The increase is painful, but we appreciate the clear explanation.',
  ],
  priceAngry: [
    'I have to be frank: a {pct}% increase with so little notice is not acceptable for us.',
    'We were shocked by the size of your price increase, and our management is angry about how it was communicated.',
  ],
  priceThreatSoft: ['Can we discuss a phased introduction?', 'Let us talk about it at the next review.'],
  priceThreatHard: [
    'If we cannot find a solution, we will have to qualify a second source for {brand}.',
    'Our margins are thin and our own prices are fixed by tenders, so we will look at alternatives.',
  ],
  priceOutcomeGood: [
    'We agreed on {pct2}% now and the rest next year, tied to a two-year volume commitment.',
    'Agreement reached: the full increase, with a rebate if annual volumes exceed the forecast.',
  ],
  priceOutcomeBad: [
    'No agreement yet; {them} will come back after an internal review. The atmosphere was cool.',
    'They rejected our offer and asked for a benchmark against two competitors.',
  ],
};

export const POOLS = {
  sterileDefects: [
    'visible particles in several vials',
    'cracked vial necks',
    'stopper pop-ups after transport',
    'fill volumes below the lower limit on some syringes',
  ],
  osdDefects: [
    'tablets with capping and chipped edges',
    'mixed-up cartons in one pallet',
    'dented capsules',
    'blisters with faulty seals',
  ],
  deviceDefects: [
    'short shots and flash on the moulded housings',
    'bonding failures on catheter tips',
    'missing UDI labels on some kits',
    'dimensional deviations on cavity 5',
  ],
  rootCauses: [
    'Root cause is a worn sealing segment on the capping machine; it was replaced and added to the preventive maintenance plan.',
    'A wrong tool insert was used after a changeover; the line clearance checklist has been updated.',
    'The cause was a temperature excursion in transit; the logger data confirmed it and the carrier lane was changed.',
    'An operator skipped a verification step; retraining is done and the step is now enforced by the batch system.',
  ],
  changes: [
    'new supplier for aluminium seals',
    'upgrade of the checkweigher on line 3',
    'revised cleaning agent in the filling area',
    'relocation of visual inspection to building 4',
    'new label printer for UDI labels',
  ],
  sterileTopics: [
    'filling needle selection',
    'lyophilisation cycle optimisation',
    'stopper processing',
    'container closure integrity testing',
  ],
  osdTopics: [
    'tablet hardness drift',
    'blister forming parameters',
    'coating uniformity',
    'serialisation line trials',
  ],
  deviceTopics: [
    'T1 sample results of the new tool',
    'cavity balancing',
    'assembly fixture design',
    'leak test method',
  ],
  partnerTopics: [
    'digital batch release',
    'continuous manufacturing',
    'sustainable packaging',
    'a joint offer for an mRNA start-up',
  ],
  issues: [
    'leaking catheters during preparation',
    'visible particles in two syringes',
    'a faint smell in opened packs',
    'devices that failed to prime',
  ],
  news: [
    'our new isolator line in Liestal is qualified',
    'we reached 98% on-time delivery last year',
    'our Schaffhausen site passed its FDA inspection',
    'a new ReadyFill syringe format',
    'our plan to run on renewable energy by 2030',
  ],
};
