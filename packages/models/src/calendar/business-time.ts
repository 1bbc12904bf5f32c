/**
 * Business time: add N business minutes to an instant, and count the business minutes between two
 * instants, in a calendar's IANA time zone, with weekly hours (several intervals a day allowed)
 * and holidays (local dates). Pure: no clock, no I/O; time zones come from Intl (Node's full ICU).
 *
 * A business minute is a real minute inside business hours: each day's intervals are turned into
 * UTC instants (local 09:00 and 17:00 of that date), so on a daylight-saving day a 00:00–24:00
 * interval lasts 23 or 25 hours and an interval starting in the skipped hour starts when the
 * clock jumps (02:30 on a spring-forward day is 03:30). On a repeated hour (fall back) a local
 * time means its first occurrence.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Offsets are read per quarter hour: every zone changes its offset on a quarter hour (UTC). */
const BUCKET = 15 * MINUTE;
/** No business minute within this many days (every day a holiday): the calendar is refused. */
const MAX_DAYS = 3 * 366;

/** Weekdays as JavaScript numbers them: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface CalendarSpec {
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  /** Business intervals per weekday (0 = Sunday), minutes after local midnight: [[540, 1020]] is 09:00–17:00; end may be 1440. */
  week: readonly (readonly (readonly [number, number])[])[];
  /** Local dates without business hours, YYYY-MM-DD. */
  holidays: readonly string[];
}

export class CalendarError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's offset from UTC at `utc` (ms): local wall time = utc + offset. */
function offsetUncached(timeZone: string, utc: number): number {
  const parts = formatter(timeZone).formatToParts(new Date(utc));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(utc / 1000) * 1000;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A calendar ready for fast questions: offsets and each date's intervals are cached. */
export class BusinessCalendar {
  readonly timeZone: string;
  private readonly week: (readonly (readonly [number, number])[])[];
  private readonly holidays: Set<number>;
  private readonly offsets = new Map<number, number>();
  private readonly days = new Map<number, Float64Array>();

  constructor(spec: CalendarSpec) {
    if (!isTimeZone(spec.timeZone)) {
      throw new CalendarError('timeZone', `"${spec.timeZone}" is not an IANA time zone like Europe/Berlin`);
    }
    this.timeZone = spec.timeZone;
    if (spec.week.length !== 7) throw new CalendarError('hours', 'needs the 7 weekdays');
    this.week = spec.week.map((intervals, day) => {
      const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
      sorted.forEach(([from, to], i) => {
        if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to <= 1440 && from < to)) {
          throw new CalendarError(
            `hours.${day}.${i}`,
            'an interval runs from 00:00 to 24:00 at most and ends after it starts',
          );
        }
        const prev = sorted[i - 1];
        if (prev && prev[1] > from)
          throw new CalendarError(`hours.${day}.${i}`, 'intervals of a day must not overlap');
      });
      return sorted;
    });
    if (!this.week.some((day) => day.length > 0)) {
      throw new CalendarError('hours', 'a calendar needs business hours on at least one weekday');
    }
    this.holidays = new Set(
      spec.holidays.map((date, i) => {
        const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
        const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
        if (!Number.isFinite(day) || new Date(day).toISOString().slice(0, 10) !== date) {
          throw new CalendarError(`holidays.${i}`, 'must be a date as YYYY-MM-DD');
        }
        return day / DAY;
      }),
    );
  }

  /** Offset from UTC at an instant, cached per quarter hour. */
  offset(utc: number): number {
    const bucket = Math.floor(utc / BUCKET);
    let value = this.offsets.get(bucket);
    if (value === undefined) {
      value = offsetUncached(this.timeZone, bucket * BUCKET);
      this.offsets.set(bucket, value);
    }
    return value;
  }

  /** The instant a local wall time (ms since 1970 as if local were UTC) happens. */
  private toUtc(wall: number): number {
    const before = wall - this.offset(wall - DAY / 2);
    const after = wall - this.offset(wall + DAY / 2);
    const valid = (utc: number) => utc + this.offset(utc) === wall;
    if (valid(before) && valid(after)) return Math.min(before, after); // repeated hour: the first
    if (valid(before)) return before;
    if (valid(after)) return after;
    return before; // skipped hour: the wall time with the offset before the jump (02:30 → 03:30)
  }

  /** The local date (days since 1970-01-01) an instant falls on. */
  localDay(utc: number): number {
    return Math.floor((utc + this.offset(utc)) / DAY);
  }

  /** The business intervals of a local date as UTC instants [start0, end0, start1, end1, …]. */
  intervals(day: number): Float64Array {
    let list = this.days.get(day);
    if (!list) {
      const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
      const hours = this.holidays.has(day) ? [] : this.week[weekday]!;
      list = new Float64Array(hours.length * 2);
      hours.forEach(([from, to], i) => {
        list![i * 2] = this.toUtc(day * DAY + from * MINUTE);
        list![i * 2 + 1] = this.toUtc(day * DAY + to * MINUTE);
      });
      this.days.set(day, list);
    }
    return list;
  }

  /**
   * Business milliseconds before each local day, from `base`: prefix[i] is the business time of
   * days base … base + i − 1. Grown on demand (and rebuilt further back when asked), so both
   * questions below are a lookup and a binary search, however far apart the instants are.
   */
  private base = 0;
  private prefix: number[] = [];

  private dayTotal(day: number): number {
    const list = this.intervals(day);
    let total = 0;
    for (let i = 0; i < list.length; i += 2) total += list[i + 1]! - list[i]!;
    return total;
  }

  /** Makes the prefix reach the end of `day`. */
  private cover(day: number): void {
    if (!this.prefix.length || day < this.base) {
      const end = this.prefix.length ? this.base + this.prefix.length - 1 : day + 1;
      this.base = day - 128;
      this.prefix = [0];
      this.grow(end);
    }
    this.grow(day + 1);
  }

  private grow(endDay: number): void {
    const prefix = this.prefix;
    for (let next = this.base + prefix.length - 1; next < endDay; next++) {
      prefix.push(prefix[prefix.length - 1]! + this.dayTotal(next));
    }
  }

  /** Business milliseconds from the start of the prefix to `utc`. */
  private cumulative(utc: number): number {
    // The same instant is often asked again (a case's four deadlines, "now" for every case).
    if (utc === this.lastUtc && this.base === this.lastBase) return this.lastSum;
    const day = this.localDay(utc);
    this.cover(day);
    let total = this.prefix[day - this.base]!;
    const list = this.intervals(day);
    for (let i = 0; i < list.length; i += 2) {
      if (utc <= list[i]!) break;
      total += Math.min(utc, list[i + 1]!) - list[i]!;
    }
    this.lastUtc = utc;
    this.lastBase = this.base;
    this.lastSum = total;
    return total;
  }

  private lastUtc = Number.NaN;
  private lastBase = 0;
  private lastSum = 0;

  /** The instant `minutes` business minutes after `start` (`start` itself for 0). */
  addMinutes(start: number, minutes: number): number {
    if (!(minutes > 0)) return start;
    const target = this.cumulative(start) + minutes * MINUTE;
    const first = this.localDay(start);
    // Grow until the business time up to some day's end reaches the target.
    let last = first;
    while (this.prefix[last + 1 - this.base]! < target) {
      last += 32;
      if (last - first > MAX_DAYS)
        throw new CalendarError('holidays', `no business hours within ${MAX_DAYS} days`);
      this.cover(last);
    }
    // The first day whose end reaches the target.
    let lo = first;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.prefix[mid + 1 - this.base]! >= target) hi = mid;
      else lo = mid + 1;
    }
    let total = this.prefix[lo - this.base]!;
    const list = this.intervals(lo);
    for (let i = 0; i < list.length; i += 2) {
      const length = list[i + 1]! - list[i]!;
      if (total + length >= target) return list[i]! + (target - total);
      total += length;
    }
    throw new Error('unreachable: the day was chosen for reaching the target');
  }

  /** Business minutes from `from` to `to` (negative when `to` is earlier). */
  minutesBetween(from: number, to: number): number {
    // The earlier day first: covering it may move the prefix's base, which both sums must share.
    this.cover(this.localDay(Math.min(from, to)));
    return (this.cumulative(to) - this.cumulative(from)) / MINUTE;
  }
}

/** Convenience for one question: `addBusinessMinutes(calendar, at, 240)`. */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  return new Date(calendar.addMinutes(start.getTime(), minutes));
}

export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  return calendar.minutesBetween(from.getTime(), to.getTime());
}

/** "09:00" → 540; "24:00" → 1440; null when not a time of day. */
export function minutesOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : null;
}
