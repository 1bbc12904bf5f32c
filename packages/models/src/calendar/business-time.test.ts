import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  BusinessCalendar,
  businessMinutesBetween,
  CalendarError,
  type CalendarSpec,
  minutesOfDay,
} from './business-time.ts';

const NINE_TO_FIVE: [number, number][] = [[540, 1020]];
const weekdays = (hours: [number, number][], weekend: [number, number][] = []) => [
  weekend,
  hours,
  hours,
  hours,
  hours,
  hours,
  weekend,
];
const calendar = (timeZone: string, spec: Partial<CalendarSpec> = {}) =>
  new BusinessCalendar({ timeZone, week: weekdays(NINE_TO_FIVE), holidays: [], ...spec });
const add = (cal: BusinessCalendar, at: string, minutes: number) =>
  addBusinessMinutes(cal, new Date(at), minutes).toISOString();
const between = (cal: BusinessCalendar, from: string, to: string) =>
  businessMinutesBetween(cal, new Date(from), new Date(to));

describe('business time', () => {
  it('carries a Friday 16:30 case with 4 business hours to Monday 12:30 (Berlin, winter)', () => {
    const berlin = calendar('Europe/Berlin');
    // Friday 2026-01-16 16:30 CET = 15:30Z; Monday 12:30 CET = 11:30Z.
    expect(add(berlin, '2026-01-16T15:30:00Z', 240)).toBe('2026-01-19T11:30:00.000Z');
    expect(between(berlin, '2026-01-16T15:30:00Z', '2026-01-19T11:30:00Z')).toBe(240);
  });

  it('skips a holiday on Monday', () => {
    const berlin = calendar('Europe/Berlin', { holidays: ['2026-01-19'] });
    expect(add(berlin, '2026-01-16T15:30:00Z', 240)).toBe('2026-01-20T11:30:00.000Z');
    expect(between(berlin, '2026-01-16T15:30:00Z', '2026-01-20T11:30:00Z')).toBe(240);
  });

  it('starts the clock at opening time when a case arrives at night or on a weekend', () => {
    const ny = calendar('America/New_York');
    // Saturday 2026-01-17 10:00 EST; Monday 09:00 EST = 14:00Z, plus 60 minutes.
    expect(add(ny, '2026-01-17T15:00:00Z', 60)).toBe('2026-01-19T15:00:00.000Z');
    expect(between(ny, '2026-01-17T15:00:00Z', '2026-01-19T14:00:00Z')).toBe(0);
  });

  it('keeps 09:00–17:00 local across spring-forward in New York and Berlin', () => {
    const ny = calendar('America/New_York');
    // Friday 2026-03-06 16:00 EST (21:00Z) + 2 h → Monday 2026-03-09 10:00 EDT (14:00Z): the
    // Sunday 2026-03-08 jump moves opening time from 14:00Z to 13:00Z.
    expect(add(ny, '2026-03-06T21:00:00Z', 120)).toBe('2026-03-09T14:00:00.000Z');
    const berlin = calendar('Europe/Berlin');
    // Friday 2026-03-27 16:00 CET (15:00Z) + 2 h → Monday 2026-03-30 10:00 CEST (08:00Z).
    expect(add(berlin, '2026-03-27T15:00:00Z', 120)).toBe('2026-03-30T08:00:00.000Z');
    expect(between(berlin, '2026-03-27T15:00:00Z', '2026-03-30T08:00:00Z')).toBe(120);
  });

  it('counts the real hours of a round-the-clock calendar on DST days: 23 and 25', () => {
    const always: [number, number][] = [[0, 1440]];
    const berlin = calendar('Europe/Berlin', { week: weekdays(always, always) });
    // Sunday 2026-03-29 (spring forward) is 23 hours long; Sunday 2026-10-25 (fall back) 25.
    expect(between(berlin, '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z')).toBe(23 * 60);
    expect(between(berlin, '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z')).toBe(25 * 60);
    expect(add(berlin, '2026-10-24T22:00:00Z', 25 * 60)).toBe('2026-10-25T23:00:00.000Z');
    const ny = calendar('America/New_York', { week: weekdays(always, always) });
    expect(between(ny, '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z')).toBe(25 * 60);
  });

  it('opens at the jump when business hours start in the skipped hour, and once in a repeated one', () => {
    const early: [number, number][] = [[150, 300]]; // 02:30–05:00
    const ny = calendar('America/New_York', { week: weekdays(early, early) });
    // Sunday 2026-03-08: 02:30 does not exist; the day opens at 03:30 EDT (07:30Z), closes 05:00 EDT (09:00Z).
    expect(between(ny, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).toBe(90);
    // Sunday 2026-11-01: 01:00–02:00 happens twice; 02:30 is EST only: 150 minutes.
    expect(between(ny, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toBe(150);
    const repeated: [number, number][] = [[60, 180]]; // 01:00–03:00 on the fall-back Sunday
    const ny2 = calendar('America/New_York', { week: weekdays(repeated, repeated) });
    // 01:00 EDT (05:00Z) to 03:00 EST (08:00Z): three real hours.
    expect(between(ny2, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toBe(180);
  });

  it('works in Pacific/Auckland (UTC+13 in summer, DST ends in April)', () => {
    const auckland = calendar('Pacific/Auckland');
    // Friday 2026-04-03 16:30 NZDT (03:30Z) + 4 h → Monday 2026-04-06 12:30 NZST (00:30Z):
    // DST ended on Sunday 2026-04-05, so Monday is UTC+12.
    expect(add(auckland, '2026-04-03T03:30:00Z', 240)).toBe('2026-04-06T00:30:00.000Z');
    // A Monday opening before the UTC date changes: Monday 09:00 NZDT = Sunday 20:00Z.
    expect(add(auckland, '2026-01-10T00:00:00Z', 1)).toBe('2026-01-11T20:01:00.000Z');
  });

  it('handles split hours (09:00–12:00 and 13:00–17:00) and lunch', () => {
    const split = calendar('Europe/Berlin', {
      week: weekdays([
        [540, 720],
        [780, 1020],
      ]),
    });
    // Monday 2026-01-19 11:00 CET (10:00Z) + 90 min: 60 before lunch, 30 after → 13:30 CET.
    expect(add(split, '2026-01-19T10:00:00Z', 90)).toBe('2026-01-19T12:30:00.000Z');
    expect(between(split, '2026-01-19T08:00:00Z', '2026-01-19T16:00:00Z')).toBe(420);
    // Ending exactly at closing time stays on the day.
    expect(add(split, '2026-01-19T08:00:00Z', 420)).toBe('2026-01-19T16:00:00.000Z');
  });

  it('answers negative minutes when the deadline is past', () => {
    const berlin = calendar('Europe/Berlin');
    expect(between(berlin, '2026-01-19T12:00:00Z', '2026-01-19T10:00:00Z')).toBe(-120);
  });

  it('refuses a calendar without business hours, overlapping intervals, bad zones and dates', () => {
    const refuse = (spec: Partial<CalendarSpec>) => {
      try {
        calendar('Europe/Berlin', spec);
      } catch (error) {
        return error instanceof CalendarError ? error.path : 'other';
      }
      return null;
    };
    expect(refuse({ week: weekdays([]) })).toBe('hours');
    expect(
      refuse({
        week: weekdays([
          [540, 720],
          [700, 800],
        ]),
      }),
    ).toBe('hours.1.1');
    expect(refuse({ week: weekdays([[600, 500]]) })).toBe('hours.1.0');
    expect(refuse({ holidays: ['2026-02-30'] })).toBe('holidays.0');
    expect(refuse({ timeZone: 'Mars/Olympus' })).toBe('timeZone');
  });

  it('reads times of day', () => {
    expect(minutesOfDay('09:30')).toBe(570);
    expect(minutesOfDay('24:00')).toBe(1440);
    expect(minutesOfDay('24:30')).toBeNull();
    expect(minutesOfDay('9:30')).toBeNull();
  });
});

describe('business time over long spans', () => {
  it('agrees with a day-by-day count, asked in any order, years apart', () => {
    const berlin = calendar('Europe/Berlin', { holidays: ['2026-12-25', '2027-01-01'] });
    // Asked late first, then much earlier: the cached sums are rebuilt further back.
    expect(between(berlin, '2027-01-04T08:00:00Z', '2027-01-05T08:00:00Z')).toBe(480);
    // 2026-01-05 (Mon) 09:00 CET to 2027-01-04 (Mon) 09:00 CET: 52 weeks of 5 × 8 h, minus 2 holidays.
    expect(between(berlin, '2026-01-05T08:00:00Z', '2027-01-04T08:00:00Z')).toBe((52 * 5 - 2) * 480);
    // …and back: the last of those minutes ends on Thursday 2026-12-31 at 17:00 CET (1 January is a holiday).
    expect(add(berlin, '2026-01-05T08:00:00Z', (52 * 5 - 2) * 480)).toBe('2026-12-31T16:00:00.000Z');
  });
});
