// Shared set-up of the cases tests (cases.service.test.ts, cases.service.money.test.ts).
import type { Db } from '@rapport/db';
import { afterAll, beforeAll } from 'vitest';
import { createPerson } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { createCalendar, createCase, createSlaPolicy, transitionCase } from './cases.service.ts';

export let db: Db;
export let ws: TestWorkspace;
// Friday 2026-01-16 16:30 in Berlin (CET, UTC+1).
export const clock = fixedClock('2026-01-16T15:30:00Z');
export const base = { baseUrl: 'https://crm.example.test' };
export let calendarId: string;
export let personId: string;

export const nineToFive = [{ from: '09:00', to: '17:00' }];
export const weekdays = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
};

/** Registers the shared workspace, Berlin calendar, policies and customer of the cases tests. */
export function setupCases(): void {
  beforeAll(async () => {
    db = await openTestDb();
    ws = await testWorkspace(db, clock);
    const cal = await ws.run((ctx) =>
      createCalendar(ctx, {
        name: 'Berlin office',
        timeZone: 'Europe/Berlin',
        hours: weekdays,
        holidays: [{ date: '2026-01-26', name: 'Company day' }],
      }),
    );
    calendarId = cal.id;
    await ws.run((ctx) =>
      createSlaPolicy(ctx, {
        name: 'Standard high',
        severity: 'high',
        calendarId,
        acknowledgeMinutes: 240,
        resolveMinutes: 960,
      }),
    );
    await ws.run((ctx) =>
      createSlaPolicy(ctx, {
        name: 'Gold high',
        severity: 'high',
        tier: 'gold',
        calendarId,
        acknowledgeMinutes: 60,
        resolveMinutes: 480,
      }),
    );
    personId = (
      await ws.run((ctx) =>
        createPerson(ctx, { firstName: 'Ada', lastName: 'Ng', email: 'ada@example.test' }),
      )
    ).id;
  });
  afterAll(() => db.close());
}

export const open = (input: Partial<Parameters<typeof createCase>[1]> = {}) =>
  ws.run((ctx) =>
    createCase(ctx, { type: 'complaint', severity: 'high', subject: 'Late parcel', personId, ...input }),
  );
export const move = (id: string, to: string, more: object = {}) =>
  ws.run((ctx) => transitionCase(ctx, id, { to: to as 'resolved', ...more }, base));
