import type { Channel } from './demo.kinds.ts';

/**
 * Bean & Leaf's conversations with shoppers. A support case is an opening message from the
 * customer, the agent's reply (often a promise), and the customer's answer once the promise
 * was kept or broken. Texts are informal, as people write to a coffee shop.
 */
export interface Message {
  subject: readonly string[];
  body: readonly (readonly string[])[];
}

export interface Case {
  name: string;
  channels: readonly Channel[];
  /** Which customers it can happen to. */
  needs: 'web-order' | 'equipment' | 'regular' | 'subscriber' | 'course' | 'any' | 'order' | 'sold-out';
  weight: number;
  open: Message;
  reply: Message;
  /** Task title for the promise in the reply; null when the reply promises nothing. */
  task: string | null;
  promiseDays: readonly [number, number];
  kept: Message | null;
  broken: Message | null;
  mood: number;
}

export const m = (subject: readonly string[], ...body: (readonly string[])[]): Message => ({ subject, body });

/** Things that went wrong for a shopper. */
export const COMPLAINTS: readonly Case[] = [
  {
    name: 'late parcel',
    channels: ['email', 'chat', 'email'],
    needs: 'web-order',
    weight: 9,
    mood: -0.7,
    open: m(
      ['Where is my order {order}?', 'Order {order} still not here', 'Parcel missing'],
      [
        'I ordered {item} on {orderDate} and it still has not arrived.',
        'My order {order} was supposed to arrive last {dueDay}, but there is no parcel.',
      ],
      [
        'The tracking page has said "in transit" for {days} days.',
        'I have been home every day waiting for it.',
        'I am out of coffee now, which is not funny.',
      ],
      [
        'This is really frustrating.',
        'Honestly, I am pretty annoyed.',
        'I am starting to get angry, to be honest.',
        '',
      ],
      ['Can you please tell me what is going on?', 'What are you going to do about it?'],
    ),
    reply: m(
      ['Re: Your order {order}'],
      [
        'I am so sorry your parcel has not arrived, {them}.',
        'Thank you for letting us know, and sorry for the wait.',
      ],
      [
        'It looks like the parcel got stuck at the carrier\u2019s depot.',
        'The carrier lost track of it after the sorting centre.',
      ],
      [
        'We will send a new parcel today, and it will be with you by {promiseDay}.',
        'I have reshipped your order with express delivery; you will have it by {promiseDay}.',
      ],
    ),
    task: 'Check that the reshipped order {order} reached {name}',
    promiseDays: [2, 3],
    kept: m(
      ['Re: Your order {order}'],
      ['The new parcel arrived this morning, thank you!', 'Got it, thanks for sorting it out so quickly.'],
      ['Great service, I will definitely order again.', 'The {item} is already in the grinder.', ''],
    ),
    broken: m(
      ['Still nothing!', 'Re: Your order {order}'],
      [
        'You promised the parcel by {promiseDay}. It is {today} and still nothing.',
        'Second promise, second time nothing arrived.',
      ],
      [
        'I am really angry now and I want my money back.',
        'This is unacceptable, please refund me.',
        'I am disappointed, I used to love ordering from you.',
      ],
    ),
  },
  {
    name: 'broken equipment',
    channels: ['email', 'email', 'chat'],
    needs: 'equipment',
    weight: 5,
    mood: -0.6,
    open: m(
      ['My {gear} broke', 'Problem with my {gear}', 'Defective {gear}'],
      [
        'My {gear} stopped working after only {weeks} weeks.',
        'The {gear} I bought from you is broken: {fault}.',
      ],
      [
        'I paid a lot of money for it and I am really frustrated.',
        'I expected much better quality for that price.',
        'Very disappointing.',
      ],
      ['Photos attached. What can you do?', 'How do I get a replacement?'],
    ),
    reply: m(
      ['Re: Your {gear}'],
      [
        'That is not how it should be, {them}, and I am sorry.',
        'Thanks for the photos, that clearly is a defect.',
      ],
      [
        'We will send you a replacement within three working days, and you can keep the old one for parts.',
        'A new {gear} is on its way; it will reach you by {promiseDay}.',
      ],
    ),
    task: 'Send replacement {gear} to {name}',
    promiseDays: [3, 4],
    kept: m(
      ['Re: Your {gear}'],
      ['The replacement arrived and works perfectly. Thank you!', 'New one is here, brilliant service.'],
      ['I am really happy with how you handled this.', ''],
    ),
    broken: m(
      ['Re: Your {gear}: still waiting'],
      [
        'It has been more than a week and no replacement has arrived.',
        'Nobody has sent me anything, even though you promised it by {promiseDay}.',
      ],
      ['I am fed up with this. Please just refund me.', 'I feel completely ignored.'],
    ),
  },
  {
    name: 'stale beans',
    channels: ['email', 'chat'],
    needs: 'order',
    weight: 2,
    mood: -0.6,
    open: m(
      ['Something is wrong with my coffee', 'Beans smell off'],
      [
        'The bag of {item} from my last order smelled rancid when I opened it.',
        'There was a musty, almost mouldy smell from the {item}.',
      ],
      ['Honestly it was disgusting and I poured the whole cup away.', 'Gross. I could not drink it.'],
      ['The roast date says {roastDate}.'],
    ),
    reply: m(
      ['Re: Your {item}'],
      [
        'I am really sorry, that should never happen with our coffee.',
        'Ugh, I am sorry, {them}. That bag must have had a faulty valve.',
      ],
      [
        'I have refunded the bag, and a fresh one goes out with your next order.',
        'We will refund it today and our roaster will check the batch.',
      ],
    ),
    task: 'Refund {item} for {name} and report the batch to the roastery',
    promiseDays: [1, 2],
    kept: m(
      ['Re: Your {item}'],
      ['Refund received, thanks. The new bag is lovely.', 'Thank you, that was handled well.'],
    ),
    broken: null,
  },
  {
    name: 'double charge',
    channels: ['email', 'chat'],
    needs: 'subscriber',
    weight: 3,
    mood: -0.7,
    open: m(
      ['Charged twice for my subscription', 'Double payment!'],
      [
        'I was charged twice for my subscription this month.',
        'My bank statement shows two payments for the same subscription box.',
      ],
      ['This makes me really angry, it is not the first billing mistake.', 'Not happy about this at all.'],
      ['Please refund the second payment.'],
    ),
    reply: m(
      ['Re: Subscription payment'],
      ['You are right, {them}, and I am sorry: a payment retry went through twice.'],
      [
        'The second payment will be refunded within five working days.',
        'I have refunded it; you will see it on your statement by {promiseDay}.',
      ],
    ),
    task: 'Refund the double subscription payment of {name}',
    promiseDays: [3, 5],
    kept: m(['Re: Subscription payment'], ['The refund is there, thanks for the quick fix.']),
    broken: m(
      ['Re: Subscription payment: no refund'],
      ['Still no refund, and it is past the date you gave me.'],
      [
        'If this is not fixed by the end of the week I will cancel my subscription.',
        'I am seriously thinking about cancelling.',
      ],
    ),
  },
  {
    name: 'wrong item',
    channels: ['email', 'chat'],
    needs: 'web-order',
    weight: 3,
    mood: -0.4,
    open: m(
      ['Wrong item in my parcel'],
      [
        'I ordered {item} but got a bag of {other} instead.',
        'My parcel contained the wrong coffee: {other} instead of {item}.',
      ],
      ['A bit annoying, since I wanted it for the weekend.', 'Slightly frustrating, to be honest.'],
    ),
    reply: m(
      ['Re: Wrong item'],
      ['Oops, sorry for the mix-up, {them}!', 'Sorry about that, our packing team mixed up two orders.'],
      ['Keep the {other}, and the {item} will be with you by {promiseDay}.'],
    ),
    task: 'Send the correct {item} to {name}',
    promiseDays: [2, 3],
    kept: m(
      ['Re: Wrong item'],
      ['Arrived, thank you. And thanks for the extra bag!', 'All good now, thanks.'],
    ),
    broken: m(['Re: Wrong item'], ['Still no {item}. Quite disappointing, honestly.']),
  },
];
