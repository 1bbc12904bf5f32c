import { describe, expect, it } from 'vitest';
import { rapport } from './testing.ts';

// Each command, and what its help must mention.
const COMMANDS: [string[], string[]][] = [
  [[], ['serve', 'migrate', 'user', 'apikey', 'workspace', '--data-dir', 'DATABASE_URL', 'Examples:']],
  [
    ['serve'],
    [
      '--port',
      '--host',
      '--data-dir',
      '--database-url',
      'RAPPORT_ADMIN_EMAIL',
      'PORT',
      'RAPPORT_JOBS',
      'RAPPORT_WEBHOOKS_BLOCK_PRIVATE',
      'Examples:',
    ],
  ],
  [['migrate'], ['--data-dir', '--database-url', 'Examples:']],
  [['user'], ['create']],
  [
    ['user', 'create'],
    [
      '--email',
      '--name',
      '--password-stdin',
      '--password',
      'RAPPORT_PASSWORD',
      '--role',
      '--workspace',
      'Examples:',
    ],
  ],
  [['apikey'], ['create']],
  [
    ['apikey', 'create'],
    ['--name', '--role', '--workspace', '--expires', '--data-dir', 'Examples:'],
  ],
  [['workspace'], ['list', 'create']],
  [
    ['workspace', 'list'],
    ['--json', '--data-dir', 'Examples:'],
  ],
  [
    ['workspace', 'create'],
    ['--name', '--slug', '--admin-email', '--database-url', 'Examples:'],
  ],
];

describe('rapport --help', () => {
  it.each(COMMANDS)('rapport %j --help exits 0 and describes its options', async (words, mentions) => {
    const result = await rapport([...words, '--help']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: rapport${words.length ? ` ${words.join(' ')}` : ''}`);
    for (const mention of mentions) expect(result.stdout).toContain(mention);
  });

  it('prints the version', async () => {
    const result = await rapport(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('refuses an unknown command or option with exit code 2 and a hint', async () => {
    const unknown = await rapport(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const option = await rapport(['migrate', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--colour'");
    expect(option.stderr).toContain('--help');
  });

  it('checks option values before touching any database', async () => {
    const port = await rapport(['serve', '--port', 'abc', '--data-dir', '/nonexistent/never-created']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain("option '--port <port>' argument 'abc' is invalid");
    const envPort = await rapport(['serve', '--data-dir', '/nonexistent/never-created'], {
      env: { PORT: '99999' },
    });
    expect(envPort.code).toBe(2);
    expect(envPort.stderr).toContain('0 to 65535');
    const role = await rapport(['apikey', 'create', '--name', 'x', '--role', 'king']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('Allowed choices are admin, manager, agent, viewer');
    const both = await rapport(['migrate', '--data-dir', 'x', '--database-url', 'postgres://h/db']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cannot be used with');
    const missing = await rapport(['user', 'create', '--email', 'a@example.com']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--name <name>' not specified");
  });

  it('says what is wrong with a database URL', async () => {
    const result = await rapport(['migrate', '--database-url', 'mysql://somewhere/db']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--database-url must be a URL like postgres://');
  });
});
