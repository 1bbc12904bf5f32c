import type { Rng } from './demo.random.ts';

export type Vars = Readonly<Record<string, string | number>>;

const ALTERNATIVE = /\[([^[\]]*)\]/g;
const SLOT = /\{(\w+)\}/g;

/**
 * Fills a sentence template: `[a|b|c]` picks one alternative, `{name}` takes a value. A slot
 * without a value is a bug in the demo text and throws, so no half-filled text ever ships.
 */
export function fill(rng: Rng, template: string, vars: Vars, depth = 0): string {
  const chosen = template.replace(ALTERNATIVE, (_, body: string) => rng.pick(body.split('|')));
  const filled = chosen.replace(SLOT, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`demo text: no value for {${key}} in "${template}"`);
    return String(value);
  });
  // A value may itself be a template (a line chosen earlier); fill it too, a few levels deep.
  return depth < 3 && /[{[]/.test(filled) ? fill(rng, filled, vars, depth + 1) : filled;
}

/** One template of the list, filled. */
export function one(rng: Rng, templates: readonly string[], vars: Vars): string {
  return fill(rng, rng.pick(templates), vars);
}

/** One sentence from each pool, joined; an empty template skips its pool. */
export function compose(
  rng: Rng,
  pools: readonly (readonly string[])[],
  vars: Vars,
  separator = ' ',
): string {
  return pools
    .map((pool) => one(rng, pool, vars).trim())
    .filter(Boolean)
    .join(separator);
}

/** ASCII for an email address: "Zürcher" -> "zuercher", "Françoise" -> "francoise". */
export function asciiName(value: string): string {
  return value
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

export const DAY = 86_400_000;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoDay(ms: number): string {
  return iso(ms).slice(0, 10);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function weekdayName(ms: number): string {
  return WEEKDAYS[new Date(ms).getUTCDay()]!;
}

/** "14 March" */
export function dayMonth(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

export function monthName(ms: number): string {
  return MONTHS[new Date(ms).getUTCMonth()]!;
}

/** Midnight UTC of the day of `ms`. */
export function dayStart(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** The same or next working day (Monday to Friday), at midnight UTC. */
export function workday(ms: number): number {
  let day = dayStart(ms);
  while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY;
  return day;
}

/** `n` working days after `ms`, at midnight UTC. */
export function addWorkdays(ms: number, n: number): number {
  let day = workday(ms);
  for (let i = 0; i < n; i++) day = workday(day + DAY);
  return day;
}

/** A time during office hours (08:00-17:30 local) on the working day of `ms`; `utcOffset` in hours. */
export function officeTime(rng: Rng, ms: number, utcOffset: number): number {
  const minutes = rng.int(8 * 60, 17 * 60 + 30);
  return workday(ms) + (minutes - utcOffset * 60) * 60_000 + rng.int(0, 59) * 1000;
}
