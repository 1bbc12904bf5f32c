/**
 * The load generator of the ingestion benchmark, in its own process: a fixed number of senders,
 * each posting its next /v1/batch as soon as the answer to the previous one is in (closed loop,
 * keep-alive, HTTP Basic with the write key, as the SDKs send). Prints `RESULT {json}`.
 *
 * Environment: LOAD_URL, LOAD_WRITE_KEY, LOAD_MODE (`mixed`: SDK-shaped traffic for LOAD_SECONDS;
 * `seed`: one identify of every user, then exit), LOAD_SENDERS, LOAD_SECONDS, LOAD_USERS,
 * LOAD_TEMPLATES, LOAD_SEED.
 */
import http from 'node:http';
import {
  DEFAULT_SHAPE,
  fill,
  identify,
  mixedBatch,
  random,
  type Template,
  template,
} from './ingest-payload.ts';
import type { LoadResult } from './ingest-run.ts';

const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const url = new URL('/v1/batch', env('LOAD_URL', 'http://127.0.0.1:4100'));
const writeKey = env('LOAD_WRITE_KEY', '');
const mode = env('LOAD_MODE', 'mixed');
const senders = Number(env('LOAD_SENDERS', '8'));
const seconds = Number(env('LOAD_SECONDS', '20'));
const seed = Number(env('LOAD_SEED', '1'));
const shape = {
  ...DEFAULT_SHAPE,
  users: Number(env('LOAD_USERS', String(DEFAULT_SHAPE.users))),
  // For investigations: BENCH_INGEST_IDENTIFIES=0 BENCH_INGEST_ORDERS=0 sends track and page only.
  identifies: Number(env('BENCH_INGEST_IDENTIFIES', String(DEFAULT_SHAPE.identifies))),
  orders: Number(env('BENCH_INGEST_ORDERS', String(DEFAULT_SHAPE.orders))),
};
const templateCount = Number(env('LOAD_TEMPLATES', '200'));

const agent = new http.Agent({ keepAlive: true, maxSockets: senders });
const authorization = `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;

interface Answer {
  status: number;
  body: string;
}

function post(body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length, // the traffic is ASCII
          authorization,
          'user-agent': 'analytics-node-next/latest',
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const tag = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let counter = 0;
const next = (kind: 'message' | 'order') =>
  `${kind === 'message' ? 'm' : 'SO'}-${tag}-${(counter++).toString(36)}`;

type Totals = Omit<LoadResult, 'seconds' | 'batchBytes' | 'cpuMs'>;

async function sendOne(t: Template, totals: Totals) {
  const body = fill(t, next);
  const started = performance.now();
  try {
    const answer = await post(body);
    totals.latencies.push(performance.now() - started);
    totals.batches++;
    totals.sent += t.messages;
    if (answer.status !== 200) {
      totals.errors++;
      totals.firstProblem ??= `${answer.status} ${answer.body.slice(0, 500)}`;
      return;
    }
    const result = JSON.parse(answer.body) as { stored: number; duplicates: number; rejected: unknown[] };
    totals.stored += result.stored;
    totals.duplicates += result.duplicates;
    totals.rejected += result.rejected.length;
    if (result.rejected.length) totals.firstProblem ??= JSON.stringify(result.rejected[0]);
  } catch (error) {
    totals.errors++;
    totals.firstProblem ??= String(error);
  }
}

const totals: Totals = {
  batches: 0,
  sent: 0,
  stored: 0,
  duplicates: 0,
  rejected: 0,
  errors: 0,
  latencies: [],
  firstProblem: null,
};
const rand = random(seed);
const at = new Date().toISOString();
const templates: Template[] = [];
if (mode === 'seed') {
  // Every user identified once: the people that the mixed traffic's users and orders are.
  for (let n = 0; n < shape.users; n += shape.batchSize) {
    const batch = [];
    for (let k = n; k < Math.min(n + shape.batchSize, shape.users); k++) batch.push(identify(k, at, rand));
    templates.push(template(batch));
  }
} else {
  for (let i = 0; i < templateCount; i++) templates.push(template(mixedBatch(rand, shape, at)));
}
const started = performance.now();
const cpuBefore = process.cpuUsage();
const stopAt = started + seconds * 1000;
let cursor = 0;
const work = async () => {
  if (mode === 'seed') {
    while (cursor < templates.length) await sendOne(templates[cursor++]!, totals);
  } else {
    while (performance.now() < stopAt) await sendOne(templates[cursor++ % templates.length]!, totals);
  }
};
await Promise.all(Array.from({ length: senders }, work));
const elapsed = (performance.now() - started) / 1000;
agent.destroy();
const bytes =
  templates.reduce((sum, t) => sum + t.parts.reduce((n, p) => n + p.length, 0), 0) / templates.length;
const cpu = process.cpuUsage(cpuBefore);
console.log(
  `RESULT ${JSON.stringify({ ...totals, seconds: elapsed, batchBytes: Math.round(bytes), cpuMs: (cpu.user + cpu.system) / 1000 })}`,
);
