import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * wrk drives the load: C, one thread, keep-alive connections, each request a random path of the
 * scenario's list (a Lua script), latency percentiles from wrk's own histogram.
 */
export interface WrkResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Non-2xx/3xx answers plus socket errors: a run with errors is not a valid figure. */
  errors: number;
}

const LUA = `
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
local think = tonumber(os.getenv("BENCH_THINK_MS") or "0")
if think > 0 then
  -- paced: each connection waits an exponentially distributed think time before its next request
  function delay() return -math.log(1 - math.random()) * think end
end
function init(args)
  math.randomseed(os.time() + tonumber(string.sub(tostring({}), 8), 16))
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH {"requests":%d,"us":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.status + e.connect + e.read + e.write + e.timeout))
end
`;

export function checkWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // wrk --version exits 1 after printing its banner; only a missing binary is an error.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('wrk is not installed: apt-get install -y wrk');
    }
  }
}

export interface WrkRun {
  baseUrl: string;
  paths: readonly string[];
  token: string;
  connections: number;
  seconds: number;
  workDir: string;
  /** Mean think time per connection between requests (0: as fast as answers come). */
  thinkMs?: number;
}

export function runWrk(run: WrkRun): Promise<WrkResult> {
  const script = join(run.workDir, 'bench.lua');
  const pathsFile = join(run.workDir, `paths-${process.pid}.txt`);
  writeFileSync(script, LUA);
  writeFileSync(pathsFile, `${run.paths.join('\n')}\n`);
  const args = [
    '-t1',
    `-c${run.connections}`,
    `-d${run.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    script,
    run.baseUrl,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      'wrk',
      args,
      {
        env: {
          ...process.env,
          BENCH_PATHS: pathsFile,
          BENCH_TOKEN: run.token,
          BENCH_THINK_MS: String(run.thinkMs ?? 0),
        },
      },
      (error, stdout) => {
        if (error) return reject(error);
        const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
        if (!line) return reject(new Error(`wrk printed no result:\n${stdout}`));
        const raw = JSON.parse(line.slice(6)) as Record<string, number>;
        const seconds = raw.us! / 1e6;
        resolve({
          requests: raw.requests!,
          seconds,
          rps: raw.requests! / seconds,
          p50: raw.p50! / 1000,
          p95: raw.p95! / 1000,
          p99: raw.p99! / 1000,
          max: raw.max! / 1000,
          errors: raw.errors!,
        });
      },
    );
  });
}
