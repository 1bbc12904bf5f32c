import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { describeMachine, machineLine } from './machine.ts';
import { fmt, median } from './stats.ts';
import { printTable } from './table.ts';
import type { WrkResult } from './wrk.ts';

export interface ScenarioResult {
  name: string;
  what: string;
  target: number;
  /** Closed loop: every connection sends its next request as soon as the answer is in. */
  saturated: WrkResult[];
  /** CPU milliseconds per request during the saturated runs, API processes and PostgreSQL. */
  cpuApiMs: number;
  cpuPgMs: number;
  /** Paced: each connection thinks (exponential, mean thinkMs) between requests. */
  paced: WrkResult[];
  thinkMs: number;
  single: WrkResult;
  /** Mean size of the answers (bytes), when the floor recorded them. */
  bodyBytes?: number;
  /** The floor server under the same saturated load (bench/lib/floor-serve.ts). */
  floor?: { saturated: WrkResult[]; cpuServerMs: number; cpuPgMs: number };
}

export interface RunInfo {
  title: string;
  settings: string;
  postgres: string;
  file: string;
  extra: Record<string, unknown>;
}

const of = (rs: WrkResult[], key: keyof WrkResult) => median(rs.map((r) => r[key]));
const errors = (rs: WrkResult[]) => rs.reduce((sum, r) => sum + r.errors, 0);
const verdict = (rs: WrkResult[], target: number) =>
  of(rs, 'p95') < target && errors(rs) === 0 ? 'pass' : 'FAIL';

export function reportApi(results: ScenarioResult[], info: RunInfo): void {
  const machine = describeMachine(info.postgres);
  console.log(`\n${info.title}`);
  console.log(
    `machine: ${machineLine(machine)}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`${info.settings}\n`);
  console.log('Saturated (closed loop, no think time), median of runs:');
  printTable(
    [
      'scenario',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'CPU ms/req API',
      'CPU ms/req PG',
      'target p95',
      '',
    ],
    results.map((r) => [
      r.name,
      fmt(of(r.saturated, 'rps'), 0),
      fmt(of(r.saturated, 'p50')),
      fmt(of(r.saturated, 'p95')),
      fmt(of(r.saturated, 'p99')),
      String(errors(r.saturated)),
      fmt(r.cpuApiMs, 2),
      fmt(r.cpuPgMs, 2),
      `< ${r.target} ms`,
      verdict(r.saturated, r.target),
    ]),
  );
  console.log('\nPaced (same connections, exponential think time per connection), median of runs:');
  printTable(
    [
      'scenario',
      'think ms',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'p50 ms @ 1 conn',
      'target p95',
      '',
    ],
    results.map((r) => [
      r.name,
      fmt(r.thinkMs, 0),
      fmt(of(r.paced, 'rps'), 0),
      fmt(of(r.paced, 'p50')),
      fmt(of(r.paced, 'p95')),
      fmt(of(r.paced, 'p99')),
      String(errors(r.paced)),
      fmt(r.single.p50),
      `< ${r.target} ms`,
      verdict(r.paced, r.target),
    ]),
  );
  const floored = results.filter((r) => r.floor);
  if (floored.length) {
    console.log(
      '\nFloor (the recorded answers served by one primary-key lookup, same saturated load), median of runs:',
    );
    printTable(
      [
        'scenario',
        'answer bytes',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'errors',
        'CPU ms/req server',
        'CPU ms/req PG',
        'API p95 / floor p95',
        'target p95',
        '',
      ],
      floored.map((r) => [
        r.name,
        fmt(r.bodyBytes ?? 0, 0),
        fmt(of(r.floor!.saturated, 'rps'), 0),
        fmt(of(r.floor!.saturated, 'p50')),
        fmt(of(r.floor!.saturated, 'p95')),
        fmt(of(r.floor!.saturated, 'p99')),
        String(errors(r.floor!.saturated)),
        fmt(r.floor!.cpuServerMs, 2),
        fmt(r.floor!.cpuPgMs, 2),
        fmt(of(r.saturated, 'p95') / of(r.floor!.saturated, 'p95'), 1),
        `< ${r.target} ms`,
        verdict(r.floor!.saturated, r.target),
      ]),
    );
  }
  const line = (label: string, pick: (r: ScenarioResult) => WrkResult[]) => {
    const failed = results.filter((r) => verdict(pick(r), r.target) !== 'pass');
    const figures = results.map((r) => `${r.name} ${fmt(of(pick(r), 'p95'))} ms`).join(', ');
    return `${label}: ${failed.length ? `FAIL (${failed.map((r) => r.name).join(', ')} over target)` : 'PASS'}; p95 ${figures}`;
  };
  console.log(`\nverdict, saturated: ${line('target p95 at full load', (r) => r.saturated)}`);
  console.log(`verdict, paced:     ${line('target p95 at the paced rate', (r) => r.paced)}`);
  if (floored.length)
    console.log(
      `verdict, floor:     ${line('target p95 for a server that does nothing', (r) => r.floor?.saturated ?? [])}`,
    );
  writeFileSync(info.file, JSON.stringify({ machine, loadavg: loadavg(), ...info.extra, results }, null, 2));
  console.log(`raw figures: ${info.file}`);
}
