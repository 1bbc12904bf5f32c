import { encodeTime, monotonicFactory } from 'ulidx';

/**
 * Every id carries a prefix that names what it is (`per_01j…`), so that logs, CLI output and
 * API payloads read well. The rest is a lowercase ULID: unique, and sortable by creation time.
 */
export const ID_PREFIXES = {
  workspace: 'wsp',
  user: 'usr',
  apiKey: 'key',
  customField: 'cfd',
  company: 'com',
  person: 'per',
  membership: 'mem',
  interaction: 'int',
  product: 'prd',
  order: 'ord',
  note: 'note',
  task: 'task',
  import: 'imp',
  savedView: 'viw',
  job: 'job',
  webhook: 'whk',
  webhookMessage: 'msg',
  webhookDelivery: 'whd',
  source: 'src',
  event: 'evt',
  feeling: 'fel',
  review: 'rev',
  survey: 'srv',
  surveyInvitation: 'inv',
  surveyResponse: 'rsp',
  valueFit: 'fit',
  case: 'case',
  caseEvent: 'cev',
  calendar: 'cal',
  slaPolicy: 'sla',
  rootCause: 'rca',
  compensation: 'cmp',
  compensationLimit: 'cml',
  promise: 'prm',
  promiseEvent: 'pev',
  email: 'eml',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ulid = monotonicFactory();

export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${ulid().toLowerCase()}`;
}

const ID_PATTERN = /^[a-z]+_[0-9a-hjkmnp-tv-z]{26}$/;

export function isId(kind: IdKind, value: string): boolean {
  return value.startsWith(`${ID_PREFIXES[kind]}_`) && ID_PATTERN.test(value);
}

/** The smallest id of `kind` made at or after `ms` (epoch milliseconds): a bound for time ranges over ids. */
export function firstIdAt(kind: IdKind, ms: number): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(Math.max(0, ms), 10).toLowerCase()}${'0'.repeat(16)}`;
}
