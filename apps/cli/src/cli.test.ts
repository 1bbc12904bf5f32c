import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServerTestDatabase } from '@rapport/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, killAll, rapport, type Served, serve } from './testing.ts';

/**
 * The real `rapport` command in child processes, as an operator would use it: on a new
 * embedded data directory and, when the run has a PostgreSQL server, on a new database there.
 * The steps of each describe build on each other, like a first day with Rapport.
 */
interface Target {
  name: string;
  embedded: boolean;
  args: string[];
  dataDir: string;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

function embeddedTarget(): Target {
  const target: Target = {
    name: 'an embedded data directory',
    embedded: true,
    args: [],
    dataDir: '',
    async setUp() {
      const tmp = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
      target.dataDir = join(tmp, 'data'); // not there yet: the first command creates it
      target.args = ['--data-dir', target.dataDir];
      target.tearDown = async () => rmSync(tmp, { recursive: true, force: true });
    },
    async tearDown() {},
  };
  return target;
}

function serverTarget(serverUrl: string): Target {
  const target: Target = {
    name: 'a PostgreSQL server',
    embedded: false,
    args: [],
    dataDir: '',
    async setUp() {
      const database = await createServerTestDatabase(serverUrl);
      target.args = ['--database-url', database.url];
      target.tearDown = () => database.drop();
    },
    async tearDown() {},
  };
  return target;
}

const serverUrl = inject('testDatabaseUrl');
const targets = [embeddedTarget(), ...(serverUrl ? [serverTarget(serverUrl)] : [])];

const BOSS = { email: 'boss@example.test', password: 'boss password 123' };
const ANN = { email: 'ann@example.test', password: 'ann password 123' };

afterAll(killAll); // whatever a failed test left running

// The targets run side by side (each in its own database); the steps of one target in order.
describe.concurrent.each(targets)('rapport on $name', { timeout: 180_000 }, (target) => {
  const step = it.sequential;
  const args = () => target.args;
  let server: Served | undefined;
  let acmeId = '';
  let viewerKey = '';

  beforeAll(() => target.setUp());
  afterAll(async () => {
    await server?.stop();
    await target.tearDown();
  });

  step('migrate creates the database and applies every migration, then has nothing to do', async () => {
    const first = await rapport(['migrate', ...args()]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('applied 20261123000100_platform.sql');
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\) to /);
    if (target.embedded) {
      expect(existsSync(join(target.dataDir, 'PG_VERSION'))).toBe(true);
      expect(existsSync(join(target.dataDir, 'rapport.lock'))).toBe(false);
    }
    const again = await rapport(['migrate', ...args()]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Up to date: .* has all \d+ migrations\.$/m);
  });

  step('says there is no workspace yet and what to do about it', async () => {
    const list = await rapport(['workspace', 'list', ...args()]);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe('');
    expect(list.stderr).toContain('No workspace yet');
    const key = await rapport(['apikey', 'create', '--name', 'early', ...args()]);
    expect(key.code).toBe(1);
    expect(key.stderr).toContain('No workspace yet: run `rapport demo` or `rapport workspace create`');
  });

  step('serve refuses to start with a weak first-admin password from the environment', async () => {
    const result = await rapport(['serve', '--host', '127.0.0.1', '--port', '0', ...args()], {
      env: { RAPPORT_ADMIN_EMAIL: BOSS.email, RAPPORT_ADMIN_PASSWORD: 'short' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot create the first admin');
    expect(result.stderr).toContain('RAPPORT_ADMIN_PASSWORD: must be at least 10 characters');
    expect(result.stdout).not.toContain('Serving on');
  });

  step('serve creates the first admin from the environment on the first start, who can sign in', async () => {
    server = await serve(args(), { RAPPORT_ADMIN_EMAIL: BOSS.email, RAPPORT_ADMIN_PASSWORD: BOSS.password });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { stdout } = server.output();
    expect(stdout).toContain(target.embedded ? 'using embedded database in' : 'using PostgreSQL at');
    expect(stdout).toContain(
      `Created the first admin ${BOSS.email} in the new workspace "My workspace" (my-workspace).`,
    );
    expect(stdout).not.toContain(BOSS.password);
    const login = await call(server.url, 'POST', '/api/v1/auth/login', { body: BOSS });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ role: 'admin', workspaces: [{ slug: 'my-workspace' }] });
  });

  if (target.embedded) {
    step('keeps a second process out of the data directory while serve runs', async () => {
      const second = await rapport(['serve', '--host', '127.0.0.1', '--port', '0', ...args()]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('is in use by another Rapport process');
      const migrate = await rapport(['migrate', ...args()]);
      expect(migrate.code).toBe(1);
      expect(migrate.stderr).toContain(
        `The data directory ${target.dataDir} is in use by another Rapport process`,
      );
      expect((await call(server!.url, 'GET', '/api/health')).body).toMatchObject({ status: 'ok' });
    });
  } else {
    step('lets a second serve share the PostgreSQL database', async () => {
      const second = await serve(args());
      try {
        expect((await call(second.url, 'GET', '/api/health')).body).toMatchObject({ database: 'postgres' });
        expect((await call(second.url, 'POST', '/api/v1/auth/login', { body: BOSS })).status).toBe(200);
      } finally {
        expect((await second.stop()).code).toBe(0);
      }
    });
  }

  step('SIGTERM stops serve cleanly and releases the database', async () => {
    const result = await server!.stop();
    server = undefined;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Stopped.');
    if (target.embedded) expect(existsSync(join(target.dataDir, 'rapport.lock'))).toBe(false);
    const migrate = await rapport(['migrate', ...args()]);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('Up to date');
  });

  step('workspace create makes workspaces that workspace list shows', async () => {
    const created = await rapport([
      'workspace',
      'create',
      '--name',
      'Acme EU',
      '--slug',
      'acme-eu',
      ...args(),
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created workspace "Acme EU" \(acme-eu, wsp_[0-9a-z]{26}\)\.$/m);
    const taken = await rapport(['workspace', 'create', '--name', 'Again', '--slug', 'acme-eu', ...args()]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('slug: "acme-eu" is taken');
    const beta = await rapport([
      'workspace',
      'create',
      '--name',
      'Beta',
      '--admin-email',
      BOSS.email,
      ...args(),
    ]);
    expect(beta.code).toBe(0);
    expect(beta.stdout).toContain(`Created workspace "Beta" (beta, `);
    expect(beta.stdout).toContain(`with admin ${BOSS.email}.`);
    const json = await rapport(['workspace', 'list', '--json', ...args()]);
    expect(json.code).toBe(0);
    const listed = JSON.parse(json.stdout) as { id: string; slug: string }[];
    expect(listed.map((w) => w.slug)).toEqual(['my-workspace', 'acme-eu', 'beta']);
    acmeId = listed[1]!.id;
    const table = await rapport(['workspace', 'list', ...args()]);
    expect(table.stdout).toMatch(/^SLUG +NAME +ID +CREATED$/m);
    expect(table.stdout).toMatch(new RegExp(`^acme-eu +Acme EU +${acmeId} `, 'm'));
  });

  step(
    'user create says what is wrong: several workspaces, unknown workspace, bad email or role, no password',
    async () => {
      const user = ['user', 'create', '--email', ANN.email, '--name', 'Ann', '--password-stdin'];
      const input = `${ANN.password}\n`;
      const several = await rapport([...user, ...args()], { input });
      expect(several.code).toBe(1);
      expect(several.stderr).toContain(
        'There are 3 workspaces; choose one with --workspace <slug>: my-workspace, acme-eu, beta.',
      );
      const unknown = await rapport([...user, '--workspace', 'nope', ...args()], { input });
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain(
        'No workspace with id or slug "nope"; the workspaces are: my-workspace,',
      );
      const email = ['--email', 'not-an-email'];
      const badEmail = await rapport([...user, ...email, '--workspace', 'acme-eu', ...args()], { input });
      expect(badEmail.code).toBe(1);
      expect(badEmail.stderr).toContain('email: must be an email address like ada@example.com');
      const king = await rapport([...user, '--role', 'king', '--workspace', 'acme-eu', ...args()], { input });
      expect(king.code).toBe(2);
      expect(king.stderr).toContain("option '--role <role>' argument 'king' is invalid");
      const noPassword = ['user', 'create', '--email', ANN.email, '--name', 'Ann', '--workspace', 'acme-eu'];
      const none = await rapport([...noPassword, ...args()]);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain('Give the password with --password-stdin');
    },
  );

  step('user create adds a member with the password from stdin, and never prints it', async () => {
    const result = await rapport(
      [
        'user',
        'create',
        '--email',
        ANN.email,
        '--name',
        'Ann',
        '--role',
        'manager',
        '--workspace',
        'acme-eu',
        '--password-stdin',
        ...args(),
      ],
      { input: `${ANN.password}\n` },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^User ann@example\.test \(usr_[0-9a-z]{26}\) is manager in workspace "Acme EU" \(acme-eu\)\.$/m,
    );
    expect(result.stdout + result.stderr).not.toContain(ANN.password);
  });

  step('apikey create prints the key alone on stdout, once, and checks --expires', async () => {
    const create = ['apikey', 'create', '--name', 'BI export', '--role', 'viewer', '--workspace', 'acme-eu'];
    const result = await rapport([...create, '--expires', '2099-01-01', ...args()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^rk_[A-Za-z0-9_-]{20,}\n$/);
    expect(result.stderr).toContain(
      'role viewer, workspace "Acme EU" (acme-eu), expires 2099-01-01T00:00:00.000Z',
    );
    expect(result.stderr).toContain('shown only this once');
    viewerKey = result.stdout.trim();
    const bad = await rapport([...create, '--expires', 'next tuesday', ...args()]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('expiresAt: must be a date-time like 2024-05-01T09:30:00Z');
  });

  step(
    'the user and the key the CLI made work against serve; the admin variables are ignored now',
    async () => {
      const late = { email: 'late@example.test', password: 'late password 123' };
      server = await serve(args(), {
        RAPPORT_ADMIN_EMAIL: late.email,
        RAPPORT_ADMIN_PASSWORD: late.password,
      });
      expect(server.output().stdout).not.toContain('Created the first admin');
      const ann = await call(server.url, 'POST', '/api/v1/auth/login', {
        body: { ...ANN, workspace: 'acme-eu' },
      });
      expect(ann.status).toBe(200);
      expect(ann.body).toMatchObject({ role: 'manager', workspaceId: acmeId, user: { email: ANN.email } });
      const boss = await call(server.url, 'POST', '/api/v1/auth/login', {
        body: { ...BOSS, workspace: 'beta' },
      });
      expect(boss.body).toMatchObject({
        role: 'admin',
        workspaces: [{ slug: 'beta' }, { slug: 'my-workspace' }],
      });
      expect((await call(server.url, 'POST', '/api/v1/auth/login', { body: late })).status).toBe(401);
      const me = await call(server.url, 'GET', '/api/v1/auth/me', { key: viewerKey });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ role: 'viewer', workspaceId: acmeId, user: null });
      expect((await call(server.url, 'GET', '/api/v1/auth/me', { key: `${viewerKey}x` })).status).toBe(401);
      const stopped = await server.stop();
      server = undefined;
      expect(stopped.code).toBe(0);
    },
  );
});
