import { type Case, COMPLAINTS, m } from './demo.b2c.complaints.ts';
import type { Channel, Direction } from './demo.kinds.ts';

export type { Case, Message } from './demo.b2c.complaints.ts';

/** A plain question with its answer: neutral in tone, but part of every customer's history. */
function question(name: string, subject: string, asked: string, answer: string): Case {
  return {
    name,
    channels: ['chat', 'email', 'chat'],
    needs: 'any',
    weight: 2,
    mood: 0,
    open: m([subject], [asked]),
    reply: m(['Re: Your question'], ['Good question, {them}!', 'Thanks for asking, {them}.'], [answer]),
    task: null,
    promiseDays: [1, 1],
    kept: null,
    broken: null,
  };
}

/** Happy moments, worries and questions; with the complaints, every support case there is. */
export const CASES: readonly Case[] = [
  ...COMPLAINTS,
  {
    name: 'love for a blend',
    channels: ['social', 'email', 'social'],
    needs: 'regular',
    weight: 7,
    mood: 0.6,
    open: m(
      ['Love the {item}', 'Best coffee ever', 'Just a thank you'],
      [
        'I just have to tell you: the {item} is the best coffee I have ever had at home.',
        'Your {item} has made my mornings so much better.',
      ],
      [
        'I have tried many roasters, and I keep coming back to you.',
        'My partner and I fight over the last cup.',
        'Absolutely delighted with every bag.',
      ],
      ['Keep doing what you are doing!', 'Thank you!'],
    ),
    reply: m(
      ['Re: Love the {item}'],
      [
        'This made our day, {them}, thank you so much!',
        'Thank you for the lovely message, {them}; we have passed it on to our roasters.',
      ],
      ['Enjoy the next bag!', 'We will let you know when the new harvest arrives.'],
    ),
    task: null,
    promiseDays: [1, 1],
    kept: null,
    broken: null,
  },
  {
    name: 'surprise',
    channels: ['social', 'email'],
    needs: 'order',
    weight: 4,
    mood: 0.7,
    open: m(
      ['What a surprise!', 'Thank you for the little gift'],
      [
        'I just opened my parcel and found a handwritten card and a sample of the Panama Geisha. What a lovely surprise!',
        'Wow, I did not expect a birthday gift from a coffee shop. You made my day.',
      ],
      ['That kind of thing is why I shop with you.', 'I am genuinely touched.'],
    ),
    reply: m(
      ['Re: Thank you'],
      ['We are so glad it made you smile, {them}!', 'You are very welcome, {them}. Enjoy the Geisha!'],
    ),
    task: null,
    promiseDays: [1, 1],
    kept: null,
    broken: null,
  },
  {
    name: 'discontinued favourite',
    channels: ['email', 'social'],
    needs: 'sold-out',
    weight: 2,
    mood: -0.3,
    open: m(
      ['Where is the Rwanda Lake Kivu?', 'Please bring it back'],
      [
        'I noticed the Rwanda Lake Kivu is no longer in the shop.',
        'My favourite coffee has disappeared from your website.',
      ],
      [
        'That makes me genuinely sad, it was the only coffee my whole family agreed on.',
        'I am a bit heartbroken, to be honest.',
      ],
    ),
    reply: m(
      ['Re: Rwanda Lake Kivu'],
      ['We understand, {them}; that lot sold out faster than we expected.'],
      ['The new harvest arrives in spring, and we will email you the day it is back.'],
    ),
    task: 'Tell {name} when the Rwanda Lake Kivu is back',
    promiseDays: [60, 90],
    kept: m(['Re: Rwanda Lake Kivu'], ['Thank you for remembering me! Just ordered two bags.']),
    broken: null,
  },
  {
    name: 'decaf worry',
    channels: ['email', 'chat'],
    needs: 'any',
    weight: 2,
    mood: -0.2,
    open: m(
      ['Question about your decaf'],
      [
        'I am pregnant and a bit worried about caffeine and about chemicals in decaf coffee.',
        'My doctor told me to cut caffeine and I am nervous about how decaf is made.',
      ],
      ['Is your Colombia Decaf really safe?'],
    ),
    reply: m(
      ['Re: Our decaf'],
      ['Thank you for asking, {them}; it is a very good question.'],
      [
        'Our Colombia Decaf is decaffeinated with ethyl acetate from sugarcane, a natural process, and contains less than 0.1% caffeine.',
      ],
    ),
    task: null,
    promiseDays: [1, 1],
    kept: null,
    broken: null,
  },
  question(
    'grind size',
    'Grind size question',
    'Which grind setting do you recommend for the {item} in a French press?',
    'Go coarse, like sea salt, and steep for four minutes.',
  ),
  question(
    'holiday hours',
    'Opening hours',
    'Are you open on public holidays in {city}?',
    'Our shops are open from 10 to 4 on most public holidays.',
  ),
  question(
    'brew ratio',
    'Quick question',
    'How much coffee should I use for one litre of filter coffee?',
    'We recommend 60 grams per litre as a starting point, then adjust to taste.',
  ),
  {
    name: 'barista course',
    channels: ['email', 'social'],
    needs: 'course',
    weight: 3,
    mood: 0.6,
    open: m(
      ['Thank you for the course'],
      [
        'The home barista course last week was fantastic.',
        'I loved the course evening; I finally understand milk texture.',
      ],
      [
        'Our trainer was so patient and funny.',
        'My latte art is still a heart-shaped blob, but I am thrilled.',
      ],
    ),
    reply: m(['Re: Thank you for the course'], ['Thank you, {them}! We will pass it on to the team.']),
    task: null,
    promiseDays: [1, 1],
    kept: null,
    broken: null,
  },
];

export interface Campaign {
  channel: Channel;
  direction: Direction;
  subject: string;
  body: string;
}

export const CAMPAIGNS: readonly Campaign[] = [
  {
    channel: 'email',
    direction: 'outbound',
    subject: 'New harvest: Ethiopia Guji is back',
    body: 'Hi {them},\n\nThe new harvest of our Ethiopia Guji Natural has landed: blueberry, cocoa and honey. As a thank you for being with us, shipping is free on your next order this week.\n\nHappy brewing,\nThe Bean & Leaf team',
  },
  {
    channel: 'email',
    direction: 'outbound',
    subject: 'Your brewing guide for the season',
    body: 'Hi {them},\n\nOur roasters picked three coffees for the season and wrote down how they brew them at home. Find the recipes, the grind settings and a little surprise in this month\u2019s guide.\n\nThe Bean & Leaf team',
  },
  {
    channel: 'sms',
    direction: 'outbound',
    subject: 'Weekend tasting',
    body: 'Bean & Leaf: free tasting of our new espresso this Saturday in all our shops. See you there! Reply STOP to opt out.',
  },
];
