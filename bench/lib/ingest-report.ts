import { eventsPerSecond, type LoadResult, p } from './ingest-run.ts';
import { fmt, median } from './stats.ts';
import { printTable } from './table.ts';

/** The ingestion benchmark's figures of one run. */
export interface RunFigures {
  load: LoadResult;
  cpuApiMsPer1k: number;
  cpuPgMsPer1k: number | null;
  copy?: { rows: number; seconds: number };
}

const line = (label: string, r: RunFigures) => [
  label,
  fmt(eventsPerSecond(r.load), 0),
  fmt(p(r.load, 50)),
  fmt(p(r.load, 99)),
  fmt(r.load.batches, 0),
  String(r.load.rejected + r.load.errors),
  fmt(r.cpuApiMsPer1k),
  r.cpuPgMsPer1k === null ? '–' : fmt(r.cpuPgMsPer1k),
  fmt((r.load.cpuMs / r.load.stored) * 1000),
  r.copy ? fmt(r.copy.rows / r.copy.seconds, 0) : '–',
  r.copy ? fmt(eventsPerSecond(r.load) / (r.copy.rows / r.copy.seconds), 2) : '–',
];

export function report(title: string, figures: RunFigures[]) {
  console.log(`\n${title}`);
  const med = (pick: (r: RunFigures) => number) => median(figures.map(pick));
  const rows = figures.map((r, i) => line(`run ${i + 1}`, r));
  const copyRate = (r: RunFigures) => (r.copy ? r.copy.rows / r.copy.seconds : Number.NaN);
  rows.push([
    'median',
    fmt(
      med((r) => eventsPerSecond(r.load)),
      0,
    ),
    fmt(med((r) => p(r.load, 50))),
    fmt(med((r) => p(r.load, 99))),
    fmt(
      med((r) => r.load.batches),
      0,
    ),
    String(figures.reduce((n, r) => n + r.load.rejected + r.load.errors, 0)),
    fmt(med((r) => r.cpuApiMsPer1k)),
    figures[0]?.cpuPgMsPer1k === null ? '–' : fmt(med((r) => r.cpuPgMsPer1k ?? 0)),
    fmt(med((r) => (r.load.cpuMs / r.load.stored) * 1000)),
    figures[0]?.copy ? fmt(med(copyRate), 0) : '–',
    figures[0]?.copy
      ? fmt(
          med((r) => eventsPerSecond(r.load) / copyRate(r)),
          2,
        )
      : '–',
  ]);
  printTable(
    [
      '',
      'events/s',
      'p50 batch ms',
      'p99 batch ms',
      'batches',
      'rejected+errors',
      'API CPU ms/1k events',
      'PG CPU ms/1k events',
      'load CPU ms/1k events',
      'COPY events/s',
      'rate / COPY',
    ],
    rows,
  );
  const problem = figures.find((r) => r.load.firstProblem)?.load.firstProblem;
  if (problem) console.log(`first problem: ${problem}`);
}
