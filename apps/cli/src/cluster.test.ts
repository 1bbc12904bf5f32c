import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { killAll, rapport, serve, testTarget } from './testing.ts';

/** `RAPPORT_PROCESSES`: several serving processes on a PostgreSQL server; one on an embedded directory. */
const serverUrl = inject('testDatabaseUrl');
let args: string[] = [];
let cleanUp = async () => {};

beforeAll(async () => {
  ({ args, cleanUp } = await testTarget(serverUrl, 'rapport-cluster-'));
});
afterAll(async () => {
  await killAll();
  await cleanUp();
});

/** The processes `pid` started (Linux). */
const children = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

async function until(check: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`rapport serve with RAPPORT_PROCESSES (${serverUrl ? 'PostgreSQL server' : 'embedded'})`, () => {
  it('refuses a process count that is not a number, naming the variable', async () => {
    const result = await rapport(['serve', '--port', '0', ...args], { env: { RAPPORT_PROCESSES: 'many' } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('RAPPORT_PROCESSES must be a whole number from 1 to 64 (got "many")');
  });

  it('serves with several processes (a server) or says why one (embedded), and stops cleanly', {
    timeout: 90_000,
  }, async () => {
    const served = await serve(args, { RAPPORT_PROCESSES: '2' });
    const health = async () => (await fetch(new URL('/api/health', served.url))).status;
    if (serverUrl) {
      expect(served.output().stdout).toContain('with 2 processes');
      const first = children(served.pid);
      expect(first).toHaveLength(2);
      for (let i = 0; i < 6; i++) expect(await health()).toBe(200);
      // One serving process dies: another takes its place, and the port keeps answering.
      process.kill(first[0]!, 'SIGKILL');
      await until(() => {
        const now = children(served.pid);
        return now.length === 2 && !now.includes(first[0]!);
      });
      expect(served.output().stderr).toContain('A serving process exited (SIGKILL); starting another.');
      for (let i = 0; i < 6; i++) expect(await health()).toBe(200);
    } else {
      expect(served.output().stdout).toContain('an embedded data directory is served by one process');
      expect(children(served.pid)).toEqual([]);
      expect(await health()).toBe(200);
    }
    const pids = children(served.pid);
    const result = await served.stop();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Stopped.');
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
