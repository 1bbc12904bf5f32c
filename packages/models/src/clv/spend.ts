import type { Summary } from './summarize.ts';
import type { SpendSummary } from './types.ts';

/** Gamma-Gamma's input from a summary: the customers with a paid repeat purchase, x = their count. */
export function spendSummary(s: Pick<Summary, 'xSpend' | 'm'>): SpendSummary & { customer: Uint32Array } {
  const customer: number[] = [];
  for (let i = 0; i < s.xSpend.length; i++) if (s.xSpend[i]! > 0) customer.push(i);
  return {
    x: Float64Array.from(customer, (i) => s.xSpend[i]!),
    m: Float64Array.from(customer, (i) => s.m[i]!),
    customer: Uint32Array.from(customer),
  };
}
