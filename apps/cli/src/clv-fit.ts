/** The fits and holdout figures of `rapport clv fit`, as the --json answer. */
import { AppError, invalid } from '@rapport/core/errors';
import type { FitWarning, Transaction } from '@rapport/models';
import * as models from '@rapport/models';
import { dateOfDay } from './clv.ts';

export interface ClvFitInput {
  transactions: Transaction[];
  calibrationEnd: number;
  holdoutEnd?: number;
}

interface ModelHoldout {
  predicted: number;
  meanAbsoluteError: number;
  expected: number[];
  cumulativeExpected: number[];
}

const MIN_REPEAT = 10;
const round = (v: number, digits = 6) => Number(v.toPrecision(digits));

export function fitClv({ transactions, calibrationEnd, holdoutEnd }: ClvFitInput) {
  if (holdoutEnd !== undefined && holdoutEnd <= calibrationEnd) {
    throw invalid(
      '--holdout-end',
      `${dateOfDay(holdoutEnd)} must come after the calibration end ${dateOfDay(calibrationEnd)}`,
    );
  }
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of transactions) {
    first = Math.min(first, t.day);
    last = Math.max(last, t.day);
  }
  const span = `the data runs from ${dateOfDay(first)} to ${dateOfDay(last)}`;
  if (calibrationEnd < first || calibrationEnd >= last) {
    throw invalid(
      '--calibration-end',
      `${dateOfDay(calibrationEnd)} is outside the data: ${span}; choose a day before the last one`,
    );
  }
  const summary = models.summarize(transactions, calibrationEnd, holdoutEnd);
  const repeat = summary.x.filter((x) => x > 0).length;
  if (repeat < MIN_REPEAT) {
    throw invalid(
      '--calibration-end',
      `too little data to fit: only ${repeat} of ${summary.ids.length} customers bought again by ${dateOfDay(calibrationEnd)} (at least ${MIN_REPEAT} are needed; hundreds are better)`,
    );
  }
  const attempt = <T>(fit: () => T): T => {
    try {
      return fit();
    } catch (error) {
      if (error instanceof models.ClvDataError) throw new AppError('validation_failed', error.message);
      throw error;
    }
  };
  const bg = attempt(() => models.fitBgNbd(summary));
  const pn = attempt(() => models.fitParetoNbd(summary));
  const gg = attempt(() => models.fitGammaGamma(models.spendSummary(summary)));
  const warnings = [
    ...tagged('bgnbd', bg.warnings),
    ...tagged('paretoNbd', pn.warnings),
    ...tagged('gammaGamma', gg.warnings),
  ];
  const result = {
    bgnbd: { ...bg.params, logLikelihood: bg.logLikelihood },
    paretoNbd: { ...pn.params, logLikelihood: pn.logLikelihood },
    gammaGamma: { ...gg.params, logLikelihood: gg.logLikelihood },
    customers: summary.ids.length,
    warnings,
  };
  if (holdoutEnd === undefined) return result;
  const weeks = (holdoutEnd - calibrationEnd) / 7;
  const actual = summary.xHoldout!;
  const holdoutOf = (
    expected: (x: number, tx: number, T: number) => number,
    unconditional: (t: number) => number,
  ): ModelHoldout => {
    let predicted = 0;
    let error = 0;
    for (let i = 0; i < summary.ids.length; i++) {
      const e = expected(summary.x[i]!, summary.tx[i]!, summary.T[i]!);
      predicted += e;
      error += Math.abs(actual[i]! - e);
    }
    const track = models.tracking(transactions, calibrationEnd, holdoutEnd, unconditional);
    return {
      predicted: round(predicted),
      meanAbsoluteError: round(error / summary.ids.length),
      expected: track.expected.map((v) => round(v)),
      cumulativeExpected: track.cumulativeExpected.map((v) => round(v)),
    };
  };
  const track = models.tracking(transactions, calibrationEnd, holdoutEnd, () => 0);
  return {
    ...result,
    holdout: {
      start: dateOfDay(calibrationEnd + 1),
      end: dateOfDay(holdoutEnd),
      weeks: round(weeks),
      actual: actual.reduce((a, b) => a + b, 0),
      bgnbd: holdoutOf(
        (x, tx, T) => models.bgNbdExpected(bg.params, weeks, x, tx, T),
        (t) => models.bgNbdUnconditional(bg.params, t),
      ),
      paretoNbd: holdoutOf(
        (x, tx, T) => models.paretoNbdExpected(pn.params, weeks, x, tx, T),
        (t) => models.paretoNbdUnconditional(pn.params, t),
      ),
      tracking: {
        weekStart: track.weekStart.map(dateOfDay),
        actual: track.actual,
        cumulativeActual: track.cumulativeActual,
      },
    },
  };
}

export type ClvFitResult = ReturnType<typeof fitClv>;

function tagged(model: string, warnings: FitWarning[]) {
  return warnings.map((warning) => ({ model, ...warning }));
}
