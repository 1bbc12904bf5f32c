import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent by process trees, from /proc (Linux): how many CPU milliseconds one request
 * costs in the API and in PostgreSQL. On a shared, noisy machine this is steadier than req/s.
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux

/** A process's own CPU ticks plus those of its children that exited (and were waited for). */
function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
    return { ppid: Number(fields[1]), ticks: utime! + stime! + cutime! + cstime! };
  } catch {
    return null;
  }
}

/** `root` and all its descendants. */
export function processTree(root: number): number[] {
  let all: { pid: number; ppid: number }[] = [];
  try {
    all = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((name) => {
        const s = stat(Number(name));
        return s ? [{ pid: Number(name), ppid: s.ppid }] : [];
      });
  } catch {
    return [root];
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const p of all) if (p.ppid === tree[i]) tree.push(p.pid);
  return tree;
}

/**
 * CPU milliseconds used so far by the trees under `roots`, including processes that exited (a
 * PostgreSQL backend that closes moves its time into the postmaster's children total).
 */
export function cpuMs(roots: number[]): number {
  return roots.flatMap(processTree).reduce((sum, pid) => sum + (stat(pid)?.ticks ?? 0), 0) * TICK_MS;
}
