/** How long to wait before the next attempt after attempt `attempt` (1-based) failed, in ms. */
export type Backoff = (attempt: number, random: () => number) => number;

/**
 * The default: 2 s, 4 s, 8 s … doubling up to an hour, with "equal jitter" (half of the delay
 * fixed, half random) so that jobs that failed together do not all come back together.
 */
export function exponentialBackoff(baseMs = 2_000, capMs = 3_600_000): Backoff {
  return (attempt, random) => {
    const delay = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(delay / 2 + (random() * delay) / 2);
  };
}

/**
 * A fixed schedule (delays after attempt 1, 2, …; the last repeats) plus up to `jitter` of
 * each delay, never less than the schedule.
 */
export function scheduleBackoff(delaysMs: readonly number[], jitter = 0.1): Backoff {
  return (attempt, random) => {
    const delay = delaysMs[Math.min(attempt, delaysMs.length) - 1] ?? 0;
    return Math.round(delay * (1 + jitter * random()));
  };
}
