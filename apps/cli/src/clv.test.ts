import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rapport, repoRoot } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'rapport-clv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLE = join(repoRoot, '../shared/data/cdnow/CDNOW_sample.txt');
let sample: string | null = null;
try {
  sample = readFileSync(
    process.env.RAPPORT_SHARED_DATA
      ? join(process.env.RAPPORT_SHARED_DATA, 'cdnow/CDNOW_sample.txt')
      : SAMPLE,
    'utf8',
  );
} catch {
  if (process.env.CI === 'true') throw new Error(`clv.test.ts: no CDNOW sample at ${SAMPLE}`);
  console.warn(`clv.test.ts: SKIPPING the CDNOW run, no data at ${SAMPLE}`);
}

/** CDNOW_sample.txt (`master sample YYYYMMDD cds dollars`) as customer_id,date,amount. */
function cdnowCsv(): string {
  const lines = sample!
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [, id, d, , amount] = line.trim().split(/\s+/);
      return `${id},${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6, 8)},${amount}`;
    });
  return ['customer_id,date,amount', ...lines].join('\n');
}

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const fit = (path: string, ...more: string[]) =>
  rapport(['clv', 'fit', '--transactions', path, '--calibration-end', '1997-09-30', ...more]);

describe.skipIf(!sample)('rapport clv fit on CDNOW', () => {
  it('prints the published parameters, and with --json the holdout figures', async () => {
    const path = file('cdnow.csv', cdnowCsv());
    const text = await fit(path);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('2,357 customers');
    expect(text.stdout).toMatch(
      /BG\/NBD +r 0\.2426 +alpha 4\.413\d +a 0\.7929 +b 2\.42\d\d +log-likelihood -9582\.43/,
    );
    expect(text.stdout).toMatch(/Pareto\/NBD +r 0\.5533/);
    expect(text.stdout).toMatch(/Gamma-Gamma +p 6\.249\d +q 3\.744\d/);

    const json = await fit(path, '--holdout-end', '1998-06-30', '--json');
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(Object.keys(result.bgnbd).sort()).toEqual(['a', 'alpha', 'b', 'logLikelihood', 'r']);
    expect(Object.keys(result.paretoNbd).sort()).toEqual(['alpha', 'beta', 'logLikelihood', 'r', 's']);
    expect(Object.keys(result.gammaGamma).sort()).toEqual(['gamma', 'logLikelihood', 'p', 'q']);
    expect(result.customers).toBe(2357);
    expect(result.warnings).toEqual([]);
    expect(result.bgnbd.logLikelihood).toBeCloseTo(-9582.43, 2);
    expect(result.paretoNbd.logLikelihood).toBeCloseTo(-9594.98, 2);
    expect(result.gammaGamma.logLikelihood).toBeCloseTo(-4055.92, 2);
    const { holdout } = result;
    expect(holdout.actual).toBe(1882);
    expect(holdout.weeks).toBe(39);
    expect(holdout.bgnbd.predicted).toBeCloseTo(1653.4, 0);
    expect(holdout.paretoNbd.predicted).toBeCloseTo(1665.4, 0);
    expect(holdout.bgnbd.meanAbsoluteError).toBeGreaterThan(0);
    expect(holdout.tracking.actual.length).toBe(78);
    expect(holdout.tracking.cumulativeActual[19]).toBe(1359);
    expect(holdout.bgnbd.cumulativeExpected[19]).toBeCloseTo(1312.46, 0);
  });
});

describe('rapport clv fit refuses bad input with a clear error', () => {
  const expectError = async (text: string, pattern: RegExp, ...more: string[]) => {
    const result = await fit(file(`bad-${Math.random().toString(36).slice(2)}.csv`, text), ...more);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout).toBe('');
  };
  const rows = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `c${i},1997-01-0${(i % 5) + 1},10\nc${i},1997-0${(i % 8) + 2}-15,12`,
    ).join('\n');

  it('a missing column', () =>
    expectError('customer_id,date\na,1997-01-01\n', /line 1: .*lacks the column amount/));
  it('an unparsable date', () =>
    expectError(
      'customer_id,date,amount\na,1997-01-01,10\nb,01/02/1997,5\n',
      /line 3, date: "01\/02\/1997" is not a date/,
    ));
  it('an unparsable amount', () =>
    expectError('customer_id,date,amount\na,1997-01-01,ten\n', /line 2, amount: "ten" is not a number/));
  it('a negative amount', () =>
    expectError(
      'customer_id,date,amount\na,1997-01-01,10\na,1997-02-01,-4\n',
      /line 3, amount: -4 is negative/,
    ));
  it('a calibration end outside the data', () =>
    expectError(`customer_id,date,amount\n${rows(20)}`, /--calibration-end: 1997-09-30 is outside the data/));
  it('too little data to fit', () =>
    expectError(
      'customer_id,date,amount\na,1997-01-01,10\na,1997-03-01,10\nb,1997-01-02,5\nc,1997-12-01,5\n',
      /too little data to fit: only 1 of 2 customers bought again/,
    ));
  it('a holdout end before the calibration end, and a date that is not one', async () => {
    await expectError(
      `customer_id,date,amount\n${rows(20)}`,
      /--holdout-end: .* must come after/,
      '--holdout-end',
      '1997-01-01',
    );
    const result = await rapport([
      'clv',
      'fit',
      '--transactions',
      'x.csv',
      '--calibration-end',
      '1997-02-30',
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--calibration-end: "1997-02-30" is not a date/);
  });
  it('accepts ISO timestamps', async () => {
    const path = file(
      'stamps.csv',
      `customer_id,date,amount\n${Array.from({ length: 30 }, (_, i) => `c${i},1997-01-0${(i % 5) + 1}T10:00:00Z,10\nc${i},1997-0${(i % 5) + 2}-10T23:30:00+02:00,${5 + i}\nc${i},1997-10-0${(i % 5) + 1} 08:00,7`).join('\n')}\n`,
    );
    const result = await fit(path, '--json');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).customers).toBe(30);
  });
});
