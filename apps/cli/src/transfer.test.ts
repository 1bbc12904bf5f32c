import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rapport } from './testing.ts';

let dir: string;
const db = () => ['--data-dir', join(dir, 'data')];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-cli-transfer-'));
  const created = await rapport(['workspace', 'create', '--name', 'Transfer', ...db()]);
  expect(created.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rapport import and export', () => {
  it('dry-runs, imports with a report and an errors file, and exits 1 when a row is rejected', async () => {
    const file = join(dir, 'people.csv');
    writeFileSync(
      file,
      'First name;Email;Company\nAda;ada@example.test;Analytical\nBob;bob-at-example;Analytical\n',
    );
    const dry = await rapport(['import', 'people', file, '--dry-run', ...db()]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('Dry run (nothing written): 2 rows');
    expect(dry.stdout).toContain('line 3, Email: must be an email address');
    const run = await rapport(['import', 'people', file, ...db()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Imported: 2 rows in [\d.]+ s: 1 created, 0 updated, 0 unchanged, 1 rejected/);
    const errors = readFileSync(join(dir, 'people.errors.csv'), 'utf8');
    expect(errors).toContain(
      'Bob;bob-at-example;Analytical;line 3, Email: must be an email address like ada@example.com',
    );
    writeFileSync(join(dir, 'fixed.csv'), errors.replace('bob-at-example', 'bob@example.test'));
    const fixed = await rapport(['import', 'people', join(dir, 'fixed.csv'), ...db()]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('1 created');
  });

  it('exports CSV and JSON lines that import back without changes', async () => {
    const csv = await rapport(['export', 'people', ...db()]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^id,external_id,first_name/);
    expect(csv.stderr).toContain('Exported 2 people');
    const out = join(dir, 'people.export.csv');
    expect((await rapport(['export', 'people', '--out', out, ...db()])).code).toBe(0);
    const again = await rapport(['import', 'people', out, ...db()]);
    expect(again.stdout).toContain('0 created, 0 updated, 2 unchanged, 0 rejected');
    const jsonl = await rapport(['export', 'companies', '--format', 'jsonl', ...db()]);
    expect(JSON.parse(jsonl.stdout.trim().split('\n')[0]!)).toMatchObject({ name: 'Analytical' });
  }, 120_000); // four processes, each starting Rapport: slow on a busy machine

  it('says clearly what is wrong with the command line', async () => {
    const missing = await rapport(['import', 'people', join(dir, 'nope.csv'), ...db()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/i);
    const kind = await rapport(['import', 'planets', join(dir, 'people.csv'), ...db()]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('Allowed choices are people, companies, orders, interactions');
    writeFileSync(join(dir, 'map.json'), '{"First name": "shoeSize"}');
    const mapping = await rapport([
      'import',
      'people',
      join(dir, 'people.csv'),
      '--mapping',
      join(dir, 'map.json'),
      ...db(),
    ]);
    expect(mapping.code).toBe(1);
    expect(mapping.stderr).toContain('unknown field "shoeSize"');
    const format = await rapport(['export', 'people', '--format', 'xml', ...db()]);
    expect(format.code).toBe(2);
  });
});
