import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRecords } from '../exports/exports.service.ts';
import { previewImport, runImport } from '../imports/imports.service.ts';
import { createPerson } from '../people/people.service.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { listReviews } from './reviews.service.ts';

let db: Db;
let ws: TestWorkspace;
let mia: string;
let tom: string;

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db);
  await ws.run(async (ctx) => {
    mia = (await createPerson(ctx, { firstName: 'Mia', email: 'mia@example.com' })).id;
    tom = (await createPerson(ctx, { firstName: 'Tom', socialHandles: { instagram: 'tom.pours' } })).id;
  });
});
afterAll(() => db.close());

const CSV = [
  'Platform,Review ID,Stars,Review,Link,E-mail,Username,Date',
  'Trustpilot,tp-1,5,"Best beans in town,\nand quick delivery.",https://www.trustpilot.com/reviews/tp-1,MIA@example.com,,2026-01-05T10:00:00Z',
  'Trustpilot,tp-2,7,Too high a rating,https://www.trustpilot.com/reviews/tp-2,,,2026-01-06T10:00:00Z',
  'Google,g-1,2,Cold coffee.,not a url,,,2026-01-07T10:00:00Z',
  'Instagram,ig-1,,Latte art on point,https://instagram.com/p/ig-1,,https://www.instagram.com/Tom.Pours/,2026-01-08T10:00:00Z',
  'Google,g-2,3,,https://maps.google.com/g-2,,,2026-01-09T10:00:00Z',
].join('\n');

describe('importing reviews and mentions', () => {
  it('imports a CSV: good rows stored and matched, bad rows reported by line and column, nothing of them written', async () => {
    const preview = await ws.run((ctx) => previewImport(ctx, { kind: 'reviews', file: CSV }));
    expect(preview.format).toBe('csv');
    expect(preview.suggestedMapping).toMatchObject({
      Platform: 'source',
      'Review ID': 'externalId',
      Stars: 'rating',
      Review: 'text',
      Link: 'url',
      'E-mail': 'authorEmail',
      Username: 'authorHandle',
      Date: 'occurredAt',
    });
    const dry = await ws.run((ctx) => runImport(ctx, { kind: 'reviews', file: CSV, dryRun: true }));
    expect(dry).toMatchObject({ created: 2, rejected: 3 });
    expect((await ws.run((ctx) => listReviews(ctx, {}))).data).toEqual([]);
    const run = await ws.run((ctx) =>
      runImport(ctx, { kind: 'reviews', file: CSV, fileName: 'reviews.csv' }),
    );
    expect(run).toMatchObject({ totalRows: 5, created: 2, updated: 0, rejected: 3 });
    expect(run.errors).toEqual([
      { line: 4, column: 'Stars', message: 'must be at most the rating scale (5)' },
      { line: 5, column: 'Link', message: expect.stringContaining('must be an http:// or https:// URL') },
      { line: 7, column: 'Review', message: 'is required' },
    ]);
    expect(run.errorCsv).toContain('tp-2');
    const stored = (await ws.run((ctx) => listReviews(ctx, { sentiment: 'false' }))).data;
    expect(stored.map((r) => [r.externalId, r.personId, r.kind])).toEqual([
      ['ig-1', tom, 'review'],
      ['tp-1', mia, 'review'],
    ]);
    expect(stored[1]?.text).toBe('Best beans in town,\nand quick delivery.');
  });

  it('imports JSON lines the same way: a bad line is named by its number, a repeated id updates', async () => {
    const jsonl = [
      '{"kind": "mention", "source": "x", "externalId": "x-1", "text": "Loving my morning brew", "authorHandle": "@somebody", "occurredAt": "2026-02-01T08:00:00Z"}',
      '',
      '{"kind": "mention", "source": "x", "externalId": "x-2", "text": "this is not json',
      '{"source": "trustpilot", "externalId": "tp-1", "rating": 4, "text": "Best beans in town, a bit pricey now."}',
      '["an array"]',
      '{"source": "google", "rating": "five", "text": "Nice"}',
    ].join('\n');
    const run = await ws.run((ctx) =>
      runImport(ctx, { kind: 'reviews', file: Buffer.from(jsonl), fileName: 'mentions.jsonl' }),
    );
    expect(run).toMatchObject({ totalRows: 5, created: 1, updated: 1, rejected: 3 });
    expect(run.errors.map((e) => [e.line, e.column])).toEqual([
      [3, ''],
      [5, ''],
      [6, 'rating'],
    ]);
    expect(run.errors[0]?.message).toMatch(/^not valid JSON/);
    const all = (await ws.run((ctx) => listReviews(ctx, { sentiment: 'false' }))).data;
    expect(all.filter((r) => r.externalId === 'tp-1')).toMatchObject([
      {
        rating: 4,
        text: 'Best beans in town, a bit pricey now.',
        personId: mia,
        url: expect.stringContaining('tp-1'),
      },
    ]);
    expect(all.find((r) => r.externalId === 'x-1')).toMatchObject({ kind: 'mention', personId: null });
  });

  it('exports reviews in the import format: with the people, they import into another workspace as they were', async () => {
    const exported = async (kind: string) => {
      let csv = '';
      await ws.run((ctx) =>
        exportRecords(ctx, kind, 'csv', (chunk) => {
          csv += chunk;
        }),
      );
      return csv;
    };
    const [peopleCsv, reviewsCsv] = [await exported('people'), await exported('reviews')];
    const other = await testWorkspace(db);
    const people = await other.run((ctx) => runImport(ctx, { kind: 'people', file: peopleCsv }));
    expect(people).toMatchObject({ created: 2, rejected: 0 });
    const run = await other.run((ctx) => runImport(ctx, { kind: 'reviews', file: reviewsCsv }));
    expect(run).toMatchObject({ created: 3, rejected: 0 });
    const copied = (await other.run((ctx) => listReviews(ctx, { sentiment: 'false' }))).data;
    const original = (await ws.run((ctx) => listReviews(ctx, { sentiment: 'false' }))).data;
    const shape = (r: (typeof copied)[number]) => [
      r.kind,
      r.source,
      r.externalId,
      r.rating,
      r.text,
      r.occurredAt,
      r.personId,
    ];
    expect(copied.map(shape)).toEqual(original.map(shape));
  });
});
