import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './promises.repo.ts';
import { type KeptRate, type KeptRateQuery, keptRateQuery } from './promises.schema.ts';

const DAY = 86_400_000;

/**
 * The promise-kept rate per owner, team, account (company) or month of the due date, over the
 * promises due in [from, to): kept on time ÷ settled (kept on time, kept late, broken). Open
 * promises are counted apart; a renegotiated promise is judged against its latest date and
 * counted among `renegotiated`. Aggregated by PostgreSQL.
 */
export async function promiseKeptRate(ctx: Ctx, input: KeptRateQuery = {}): Promise<KeptRate> {
  const q = parseInput(keptRateQuery, input);
  const to = q.to ? new Date(q.to) : ctx.clock.now();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 180 * DAY);
  if (from >= to) throw invalid('from', 'must be before to');
  const rows = await repo.keptRates(ctx, q.by, from, to);
  return {
    by: q.by,
    from: from.toISOString(),
    to: to.toISOString(),
    data: rows.map((r) => {
      const settled = r.kept_on_time + r.kept_late + r.broken;
      return {
        key: r.key,
        name: r.name,
        promises: r.promises,
        keptOnTime: r.kept_on_time,
        keptLate: r.kept_late,
        broken: r.broken,
        open: r.open,
        renegotiated: r.renegotiated,
        keptRate: settled ? Math.round((r.kept_on_time / settled) * 1000) / 1000 : null,
      };
    }),
  };
}
