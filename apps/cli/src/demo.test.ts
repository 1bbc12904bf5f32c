import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rapport, serve } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the demo', () => {
  it('serve --demo loads both demo workspaces on the first start and prints a login that works', async () => {
    const served = await serve(['--demo', '--data-dir', join(dir, 'data')]);
    try {
      const out = served.output().stdout;
      expect(out).toMatch(
        /Demo loaded in [\d.]+ s: "Helvetia Contract Manufacturing" \(helvetia, B2B\) and "Bean & Leaf"/,
      );
      const [, email, password] = /Sign in as (\S+) with the password (\S+)/.exec(out) ?? [];
      const login = await fetch(`${served.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password, workspace: 'bean-and-leaf' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const orders = await fetch(`${served.url}/api/v1/orders?limit=5`, { headers: { cookie } });
      expect(((await orders.json()) as { data: unknown[] }).data).toHaveLength(5);
    } finally {
      expect((await served.stop()).code).toBe(0);
    }
    const again = await serve(['--demo', '--data-dir', join(dir, 'data')]);
    expect(again.output().stdout).not.toContain('Loading the demo data');
    await again.stop();
  }, 300_000); // the demo's 145,000 records and their figures: about a minute on a busy machine

  it('refuses to load the demo twice', async () => {
    const twice = await rapport(['demo', '--data-dir', join(dir, 'data')]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/helvetia/);
    const list = await rapport(['workspace', 'list', '--data-dir', join(dir, 'data')]);
    expect(list.stdout).toContain('bean-and-leaf');
  });
});
