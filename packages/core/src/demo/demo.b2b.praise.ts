import { EXECUTIVE, type Kind, kind, OPERATIONS, QUALITY_LEAD } from './demo.kinds.ts';

/** The good moments: audits passed, launches made, rush batches delivered, and the thanks for them. */
export const PRAISE: Record<string, Kind> = {
  execDinner: kind(
    'in_person',
    'outbound',
    EXECUTIVE,
    ['head', 'owner'],
    ['Dinner with {themFull}'],
    ['Dinner with {them} in {city}.'],
    [
      'Warm evening; {them} spoke highly of the team and of our reliability over the years.',
      'Good personal conversation; {them} is thinking about consolidating suppliers and sees us on the short list.',
    ],
  ),
  auditPraise: kind(
    'email',
    'inbound',
    QUALITY_LEAD,
    ['quality', 'owner'],
    ['Audit report {year}', 'Outcome of our audit at {site}'],
    ['I am pleased to share that our audit of your {site} site closed without any major findings.'],
    [
      'Our auditors were impressed by the cleanliness of the facility and the knowledge of your operators.',
      'Your data integrity controls were described as best in class among our suppliers.',
    ],
    [
      'Thank you for the openness and the excellent preparation.',
      'Please pass our thanks on to the whole team.',
    ],
  ),
  launchThanks: kind(
    'email',
    'inbound',
    { levels: ['executive', 'functional_lead'], functions: ['marketing', 'other', 'operations'] },
    ['owner'],
    ['Thank you from the {brand} team', 'We launched {brand}!'],
    [
      'Yesterday the first commercial lots of {brand} reached [patients|hospitals|our distributors] in [Germany|the US|France|Spain].',
    ],
    [
      'None of this would have been possible without your team\u2019s flexibility during the last weeks.',
      'I know how hard your team worked to get the batches released in time, and it made all the difference.',
    ],
    ['We are thrilled, and very grateful.', 'It is a wonderful moment for all of us here.'],
  ),
  rushThanks: kind(
    'email',
    'inbound',
    OPERATIONS,
    ['owner'],
    ['Thank you for the rush batch', 'You saved our quarter'],
    [
      'I just wanted to say a big thank you for turning the extra batch of {brand} around in under three weeks.',
    ],
    ['You saved us from a stock-out.', 'Our commercial team is delighted.'],
    ['Much appreciated.', 'Great teamwork, really.'],
  ),
  supplierAward: kind(
    'email',
    'inbound',
    EXECUTIVE,
    ['head', 'owner'],
    ['Supplier of the Year {year}'],
    [
      'What a surprise it was for our committee to see the numbers: we are delighted to name Helvetia our Supplier of the Year {year}.',
    ],
    ['Your delivery reliability and the way your team handled our requests were outstanding.'],
    ['Congratulations to everyone at Helvetia.'],
  ),
};
