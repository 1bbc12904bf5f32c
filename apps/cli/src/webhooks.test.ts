import { type Receiver, startReceiver } from '@rapport/core/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, killAll, type Served, serve, testTarget } from './testing.ts';

/**
 * `rapport serve` killed (SIGKILL) in the middle of a webhook backlog, then started again on
 * the same database: every message arrives, at least once, and a message sent twice carries
 * the same webhook-id and body. On the run's PostgreSQL server when there is one (the killed
 * worker's leases expire), else on an embedded data directory (the next process takes the
 * jobs at once).
 */
const serverUrl = inject('testDatabaseUrl');
const PEOPLE = 30;
const JOBS = {
  RAPPORT_JOBS_POLL_MS: '50',
  RAPPORT_JOBS_LEASE_MS: '1500',
  RAPPORT_JOBS_CONCURRENCY: '2',
};

const ADMIN = { email: 'crash@example.test', password: 'crash test password' };

/** Signs in as the first admin (created by serve from the environment) and makes an API key. */
async function adminKey(base: string): Promise<string> {
  const login = await fetch(new URL('/api/v1/auth/login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const created = await fetch(new URL('/api/v1/api-keys', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'crash test', role: 'admin' }),
  });
  return ((await created.json()) as { key: string }).key;
}

let args: string[] = [];
let cleanUp = async () => {};
let receiver: Receiver;
let server: Served | undefined;

beforeAll(async () => {
  ({ args, cleanUp } = await testTarget(serverUrl, 'rapport-crash-'));
  receiver = await startReceiver();
});
afterAll(async () => {
  await killAll();
  await receiver.close();
  await cleanUp();
});

describe(`webhooks across a crash (${serverUrl ? 'PostgreSQL server' : 'embedded'})`, () => {
  it('delivers every message after the server is killed mid-backlog and restarted', {
    timeout: 120_000,
  }, async () => {
    // The receiver answers four deliveries, then holds the next two (the worker runs two at a
    // time) until the crash: every other message waits in the backlog.
    let release!: () => void;
    const crashed = new Promise<number>((resolve) => {
      release = () => resolve(204);
    });
    receiver.answer((_, n) => (n < 4 ? 204 : crashed));
    server = await serve(args, {
      ...JOBS,
      RAPPORT_ADMIN_EMAIL: ADMIN.email,
      RAPPORT_ADMIN_PASSWORD: ADMIN.password,
    });
    const key = await adminKey(server.url);
    const hook = await call(server.url, 'POST', '/api/v1/webhooks', {
      key,
      body: { url: receiver.url, eventTypes: ['person.created'] },
    });
    expect(hook.status).toBe(201);
    const people: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const person = await call(server.url, 'POST', '/api/v1/people', { key, body: { firstName: `P${i}` } });
      expect(person.status).toBe(201);
      people.push(person.body.id);
    }
    await expect.poll(() => receiver.received.length, { timeout: 20_000, interval: 20 }).toBe(6);
    const killed = await server.kill();
    server = undefined;
    expect(killed.signal).toBe('SIGKILL');
    const inFlight = receiver.received.slice(4).map((r) => r.id);
    release();
    receiver.answer(() => 204);

    server = await serve(args, JOBS);
    const unique = () => new Set(receiver.received.map((r) => r.id)).size;
    await expect.poll(unique, { timeout: 60_000, interval: 100 }).toBe(PEOPLE);
    // Every delivery in the log succeeded: the re-sent ones too.
    await expect
      .poll(async () => {
        const log = await call(server!.url, 'GET', `/api/v1/webhooks/${hook.body.id}/deliveries?limit=200`, {
          key,
        });
        return log.body.data
          .map((d: { status: string }) => d.status)
          .filter((s: string) => s !== 'succeeded');
      })
      .toEqual([]);
    const signer = new Webhook(hook.body.secret);
    const bodies = new Map<string, string>();
    const delivered = new Set<string>();
    for (const r of receiver.received) {
      const event = signer.verify(r.body, {
        'webhook-id': r.id,
        'webhook-timestamp': r.timestamp,
        'webhook-signature': r.signature,
      }) as { type: string; data: { id: string } };
      expect(event.type).toBe('person.created');
      if (bodies.has(r.id)) expect(r.body).toBe(bodies.get(r.id)); // a duplicate is the same message
      bodies.set(r.id, r.body);
      delivered.add(event.data.id);
    }
    expect(delivered).toEqual(new Set(people));
    // At least once: only the two deliveries cut off by the crash came twice.
    const counts = new Map<string, number>();
    for (const r of receiver.received) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    expect(new Set(twice)).toEqual(new Set(inFlight));
    const log = await call(server.url, 'GET', `/api/v1/webhooks/${hook.body.id}/deliveries?limit=200`, {
      key,
    });
    expect(log.body.data).toHaveLength(PEOPLE);
    expect(new Set(log.body.data.map((d: { messageId: string }) => d.messageId))).toEqual(
      new Set(bodies.keys()),
    );
    expect((await server.stop()).code).toBe(0);
    server = undefined;
  });
});
