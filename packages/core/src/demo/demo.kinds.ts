/**
 * A kind of interaction: its channel and direction, whom it involves on both sides, and the
 * sentence pools its subject and body are written from (see demo.text.ts for the syntax).
 */

export type Channel =
  | 'email'
  | 'phone'
  | 'meeting'
  | 'in_person'
  | 'social'
  | 'chat'
  | 'web'
  | 'sms'
  | 'letter';
export type Direction = 'inbound' | 'outbound' | 'internal';
export type Level = 'executive' | 'functional_lead' | 'end_user';
export type Fn =
  | 'engineering'
  | 'marketing'
  | 'operations'
  | 'maintenance'
  | 'service'
  | 'purchasing'
  | 'quality'
  | 'other';

/** Whom on the customer's side: preferred levels and functions, and how many people. */
export interface Who {
  levels?: readonly Level[];
  functions?: readonly Fn[];
  count?: readonly [number, number];
  /** Only people who agreed to receive email (newsletters). */
  consent?: boolean;
  /** Only people of these functions; without one, the interaction does not happen. */
  strict?: boolean;
}

/** Our side: `owner` is the account's owner; any other value is a staff key. */
export type Us = readonly string[];

export interface Kind {
  channel: Channel;
  direction: Direction;
  who: Who;
  us: Us;
  subject: readonly string[];
  body: readonly (readonly string[])[];
  /** A short, cold email: no friendly greeting or sign-off. */
  curt?: boolean;
  /** When the text promises something by {promiseDay}: the follow-up task it creates. */
  task?: string;
}

export function kind(
  channel: Channel,
  direction: Direction,
  who: Who,
  us: Us,
  subject: readonly string[],
  ...body: (readonly string[])[]
): Kind {
  return { channel, direction, who, us, subject, body };
}

export function curt(k: Kind): Kind {
  return { ...k, curt: true };
}

export function promising(k: Kind, task: string): Kind {
  return { ...k, task };
}

export const PURCHASING: Who = {
  functions: ['purchasing', 'operations'],
  levels: ['functional_lead', 'end_user'],
};
export const OPERATIONS: Who = {
  functions: ['operations', 'purchasing'],
  levels: ['functional_lead', 'end_user'],
};
export const QUALITY: Who = { functions: ['quality'], levels: ['functional_lead', 'end_user'] };
export const QUALITY_LEAD: Who = { functions: ['quality'], levels: ['functional_lead', 'executive'] };
export const ENGINEERING: Who = {
  functions: ['engineering', 'maintenance'],
  levels: ['functional_lead', 'end_user'],
  count: [1, 2],
};
export const MAINTENANCE: Who = { functions: ['maintenance', 'service', 'engineering'], strict: true };
export const MARKETING: Who = {
  functions: ['marketing'],
  levels: ['functional_lead', 'executive'],
  count: [1, 2],
  strict: true,
};
export const EXECUTIVE: Who = { levels: ['executive'] };
export const LEADS: Who = { levels: ['executive', 'functional_lead'], count: [2, 4] };
export const ANYONE: Who = {};
export const NOBODY: Who = { count: [0, 0] };

/**
 * Things that go wrong (and sometimes right again): each episode is a short sequence of
 * interactions. One step makes a promise with a due date; whether it is kept depends on the
 * owner's reliability, and the episode ends with the matching `kept` or `broken` steps.
 */
export interface Step {
  kind: Kind;
  /** Working days after the previous step. */
  after: readonly [number, number];
  chance?: number;
}

export interface Episode {
  name: string;
  steps: readonly Step[];
  /** The step that makes the promise, and the working days from it to the promised date. */
  promiseStep: number;
  promiseIn: readonly [number, number];
  /** What the promise is, as a task title. */
  task: string;
  /** Whether the broken ending still delivers what was promised, only late. */
  resolves: boolean;
  kept: readonly Step[];
  broken: readonly Step[];
}

export const step = (k: Kind, after: readonly [number, number], chance?: number): Step =>
  chance === undefined ? { kind: k, after } : { kind: k, after, chance };
