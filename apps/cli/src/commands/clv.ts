import type { Command } from 'commander';
import { print } from '../output.ts';

interface FitOptions {
  transactions: string;
  calibrationEnd: string;
  holdoutEnd?: string;
  json?: boolean;
}

const fixed = (v: number, digits = 4) => v.toFixed(digits);

export function registerClv(program: Command): void {
  const clv = program.command('clv').description('Customer lifetime value models, locally (no database)');
  clv
    .command('fit')
    .description('Fit BG/NBD, Pareto/NBD and Gamma-Gamma to a transactions CSV and print their parameters')
    .requiredOption('--transactions <file>', 'CSV with the header customer_id,date,amount')
    .requiredOption('--calibration-end <date>', 'last day (YYYY-MM-DD) of the period the models learn from')
    .option(
      '--holdout-end <date>',
      'last day of a holdout period after it: compare predictions with what happened',
    )
    .option('--json', 'print one JSON object instead of text')
    .addHelpText(
      'after',
      `
Conventions (as BTYD, lifetimes and CLVTools): time in weeks; purchases of one customer on one
day are one purchase; a customer's first purchase is not a repeat; zero amounts are left out of
spend. Dates are YYYY-MM-DD or ISO timestamps (UTC when they carry no zone). See docs/value.md.

Examples:
  $ rapport clv fit --transactions orders.csv --calibration-end 1997-09-30
  $ rapport clv fit --transactions orders.csv --calibration-end 1997-09-30 --holdout-end 1998-06-30 --json`,
    )
    .action(async (options: FitOptions) => {
      const { invalid } = await import('@rapport/core/errors');
      const { dayOfDate, readTransactions } = await import('../clv.ts');
      const { fitClv } = await import('../clv-fit.ts');
      const dayOf = (text: string, path: string) => {
        const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayOfDate(text) : null;
        if (day === null) throw invalid(path, `"${text}" is not a date (use YYYY-MM-DD)`);
        return day;
      };
      const calibrationEnd = dayOf(options.calibrationEnd, '--calibration-end');
      const holdoutEnd =
        options.holdoutEnd === undefined ? undefined : dayOf(options.holdoutEnd, '--holdout-end');
      const transactions = readTransactions(options.transactions);
      const result = fitClv({
        transactions,
        calibrationEnd,
        ...(holdoutEnd === undefined ? {} : { holdoutEnd }),
      });
      if (options.json) {
        print(JSON.stringify(result));
        return;
      }
      const { bgnbd: bg, paretoNbd: pn, gammaGamma: gg } = result;
      print(`${result.customers.toLocaleString('en-US')} customers (time in weeks)`);
      print(
        `BG/NBD       r ${fixed(bg.r)}  alpha ${fixed(bg.alpha)}  a ${fixed(bg.a)}  b ${fixed(bg.b)}  log-likelihood ${fixed(bg.logLikelihood, 2)}`,
      );
      print(
        `Pareto/NBD   r ${fixed(pn.r)}  alpha ${fixed(pn.alpha)}  s ${fixed(pn.s)}  beta ${fixed(pn.beta)}  log-likelihood ${fixed(pn.logLikelihood, 2)}`,
      );
      print(
        `Gamma-Gamma  p ${fixed(gg.p)}  q ${fixed(gg.q)}  gamma ${fixed(gg.gamma)}  log-likelihood ${fixed(gg.logLikelihood, 2)}`,
      );
      if ('holdout' in result) {
        const h = result.holdout;
        print(`Holdout ${h.start} to ${h.end} (${fixed(h.weeks, 1)} weeks): ${h.actual} repeat purchases`);
        print(
          `  BG/NBD predicted ${fixed(h.bgnbd.predicted, 1)}, mean absolute error per customer ${fixed(h.bgnbd.meanAbsoluteError, 3)}`,
        );
        print(
          `  Pareto/NBD predicted ${fixed(h.paretoNbd.predicted, 1)}, mean absolute error per customer ${fixed(h.paretoNbd.meanAbsoluteError, 3)}`,
        );
      }
      for (const warning of result.warnings) print(`warning (${warning.model}): ${warning.message}`);
    });
}
