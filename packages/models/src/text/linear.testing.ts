/**
 * For tests: whether `run` takes linear time on `input`, judged so that a busy machine does not
 * fail it: fast outright (under `budgetMs`), or its time on the whole input is under 40 times
 * its time on a tenth (linear work: ~10 times; quadratic: ~100 times). Best of three each.
 */
export function runsInLinearTime(run: (text: string) => unknown, input: string, budgetMs: number): boolean {
  const best = (text: string) => {
    let fastest = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 3; k++) {
      const started = performance.now();
      run(text);
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };
  run(input.slice(0, 10_000)); // warm up
  const whole = best(input);
  if (whole < budgetMs) return true;
  return whole / Math.max(best(input.slice(0, Math.floor(input.length / 10))), 1) < 40;
}
