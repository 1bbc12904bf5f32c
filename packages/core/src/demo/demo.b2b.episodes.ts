import { curt, type Episode, kind, OPERATIONS, QUALITY, QUALITY_LEAD, step } from './demo.kinds.ts';

/** Late deliveries and quality deviations: the two classic ways a manufacturer disappoints. */

export const late: Episode = {
  name: 'late delivery',
  resolves: true,
  promiseStep: 1,
  task: 'Ship {po} to {company} ({product})',
  promiseIn: [2, 4],
  steps: [
    step(
      kind(
        'email',
        'inbound',
        OPERATIONS,
        ['owner'],
        ['Where is {po}?', 'Delivery {po} overdue', 'Urgent: missing delivery of {product}'],
        [
          'The delivery of {product} under {po} was due on {dueDate} and we have still not received anything.',
          'We were expecting {product} ({po}) last {dueDay}, but nothing has arrived and nobody has told us why.',
        ],
        [
          'Our packaging line is booked for next week and without this batch we will have to stop it.',
          'Our safety stock of {brand} covers about {days} days, so this is getting critical.',
          'We have [patients|hospitals|customers] waiting for {brand}, and I cannot explain another gap to our commercial team.',
        ],
        ['{repeatLine}'],
        [
          'Please tell me today when the goods will ship.',
          'I need a firm delivery date by tomorrow morning.',
          'Can you please call me as soon as you know more?',
        ],
      ),
      [0, 0],
    ),
    step(
      kind(
        'email',
        'outbound',
        OPERATIONS,
        ['owner'],
        ['Re: Delivery {po}', 'Re: {po}: new shipping date'],
        [
          'I am sorry for the delay and for not warning you earlier.',
          'Apologies, you should have heard from us before the due date.',
        ],
        [
          'The batch is complete, but the QA release was held up by a missing environmental monitoring result.',
          'We had an unplanned stop on the filling line last week after a sensor failure.',
          'Our supplier delivered components ten days late, which pushed the whole schedule.',
          'The batch failed the first visual inspection run and had to be re-inspected.',
        ],
        [
          'We will ship the batch by {promiseDay}, {promiseDate}, with express transport at our cost.',
          'We will ship the revised batch by {promiseDay}.',
          'You will have the goods in {city} by {promiseDay} at the latest.',
        ],
        ['I will call you tomorrow with an update.', ''],
      ),
      [0, 1],
    ),
    step(
      kind(
        'phone',
        'inbound',
        OPERATIONS,
        ['owner'],
        ['Call with {themFull} about {po}'],
        ['Call with {them}, who was clearly [frustrated|stressed|annoyed] about the delay.'],
        ['Explained the root cause and confirmed shipment by {promiseDay}.'],
        [
          '{them} accepted it but asked for a written recovery plan.',
          '{them} said their management is now asking questions about us as a supplier.',
        ],
      ),
      [1, 2],
      0.5,
    ),
  ],
  kept: [
    step(
      kind(
        'email',
        'inbound',
        OPERATIONS,
        ['owner'],
        ['Re: {po} received', 'Delivery {po} arrived'],
        [
          'The batch arrived this morning, thank you for pushing it through.',
          'Just confirming that {product} arrived on time for the new date.',
        ],
        [
          'Thanks for keeping us informed this time.',
          'We are relieved, and our line can start as planned.',
          'Let us make sure this does not happen again, but I appreciate the effort.',
        ],
      ),
      [0, 1],
    ),
  ],
  broken: [
    step(
      curt(
        kind(
          'email',
          'inbound',
          OPERATIONS,
          ['owner'],
          ['Still no delivery of {po}', 'Unacceptable: {po}'],
          [
            'It is {today} and {product} has still not left your site, although you promised shipment by {promiseDay}.',
            'Your promised date of {promiseDate} has passed and the goods are not here.',
          ],
          [
            'This is simply not acceptable.',
            'I am really angry, because I passed your date on to our production and now I look like a fool.',
            'Frankly, I am furious about how this has been handled.',
          ],
          [
            'I expect a call from your management today.',
            'I want to know who is responsible for this on your side.',
          ],
        ),
      ),
      [2, 4],
    ),
    step(
      kind(
        'phone',
        'outbound',
        OPERATIONS,
        ['head', 'owner'],
        ['Escalation call: late delivery {po}'],
        ['{headName} called {them} to apologise for the broken commitment.'],
        [
          'We offered to cover the express freight and a 5% credit on the batch.',
          'We offered a credit note and a weekly delivery status until the end of the quarter.',
        ],
        [
          '{them} calmed down but made clear that trust has suffered.',
          '{them} accepted the apology, but said this will be on the agenda of the next business review.',
        ],
      ),
      [0, 1],
    ),
    step(
      kind(
        'email',
        'inbound',
        OPERATIONS,
        ['owner'],
        ['Re: Escalation {po}'],
        ['The goods finally arrived, more than a week later than promised.'],
        [
          'I am disappointed, to be honest; we used to be able to rely on your dates.',
          'It is sad that it took an escalation to get this done.',
        ],
        ['We will discuss supplier performance at the next review.'],
      ),
      [3, 6],
    ),
  ],
};

export const quality: Episode = {
  name: 'quality deviation',
  resolves: true,
  promiseStep: 1,
  task: 'Send investigation report {dev} to {company}',
  promiseIn: [5, 10],
  steps: [
    step(
      kind(
        'email',
        'inbound',
        QUALITY,
        ['quality', 'owner'],
        ['Complaint: {defect} in batch {batch}', 'Quality complaint, batch {batch}'],
        ['During incoming inspection we found {defect} in batch {batch}.'],
        ['We have put the batch on hold and opened complaint {complaint}.'],
        [
          'We are very concerned, because this could affect patient safety.',
          'Frankly, we are disappointed; we have never seen this from your site before.',
          'Honestly, I was disgusted by the state in which these units arrived.',
          'I am worried about what this means for our supply of {brand} next quarter.',
        ],
        ['Please start an investigation and send us a first assessment within 48 hours.'],
      ),
      [0, 0],
    ),
    step(
      kind(
        'email',
        'outbound',
        QUALITY,
        ['quality'],
        ['Re: Complaint {complaint}'],
        ['Thank you for reporting this so quickly, and I am sorry for the trouble it causes.'],
        ['We have opened investigation {dev} and quarantined the retained samples.'],
        [
          'We will send the root cause analysis by {promiseDate}.',
          'You will have our full investigation report and CAPA plan by {promiseDay}, {promiseDate}.',
        ],
      ),
      [0, 1],
    ),
    step(
      kind(
        'meeting',
        'outbound',
        { ...QUALITY, count: [1, 3] },
        ['quality', 'owner'],
        ['Investigation review {dev}'],
        ['Video call to review investigation {dev} with {themList}.'],
        ['{rootCause}'],
        [
          '{them} was satisfied with the depth of the analysis.',
          '{them} remained sceptical and wants effectiveness checks on the next three batches.',
        ],
      ),
      [2, 5],
      0.6,
    ),
  ],
  kept: [
    step(
      kind(
        'email',
        'inbound',
        QUALITY,
        ['quality'],
        ['Complaint {complaint} closed'],
        ['Thank you for the thorough report; we can close complaint {complaint} on our side.'],
        [
          'We appreciated the transparency and the speed.',
          'Good work, and thanks for keeping us in the loop.',
        ],
      ),
      [1, 3],
    ),
  ],
  broken: [
    step(
      curt(
        kind(
          'email',
          'inbound',
          QUALITY_LEAD,
          ['quality', 'owner'],
          ['Still waiting for the investigation report {dev}'],
          [
            'You promised the report by {promiseDate}. We are now well past that date and still have nothing.',
          ],
          [
            'Our QA director is asking whether we should put your site on conditional approval.',
            'I am afraid this will end up as a finding in our next supplier review.',
          ],
          ['This is not the level of quality management we expect.'],
        ),
      ),
      [4, 8],
    ),
    step(
      kind(
        'email',
        'outbound',
        QUALITY_LEAD,
        ['quality', 'head'],
        ['Investigation report {dev}'],
        ['Please accept our apologies for the late report, which is now attached.'],
        ['{rootCause}'],
        ['We have added a weekly status call until the CAPA is verified.'],
      ),
      [1, 3],
    ),
  ],
};
