#!/usr/bin/env node
// Builds the web app (vite build → apps/web/dist) when a source is newer than the last build.
// Runs after `npm ci` (the root `prepare` script) and before `npm start`, so a fresh clone serves
// the app with no extra step; a no-op in a few milliseconds when nothing changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const built = join(web, 'dist', 'index.html');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function productionEnv() {
  const vitest = new Set(['TEST', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !vitest.has(key)),
  );
}

const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((name) => join(web, name));
const stale = !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (stale) {
  const vite = join(
    createRequire(join(web, 'package.json')).resolve('vite/package.json'),
    '..',
    'bin',
    'vite.js',
  );
  const result = spawnSync(process.execPath, [vite, 'build', '--mode', 'production', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
    // A production build whoever calls: vitest sets NODE_ENV=test, VITEST, DEV, PROD, MODE, SSR and
    // BASE_URL in the environment, and with them vite ships React's development build.
    env: { ...productionEnv(), NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error('rapport: building the web app failed (see above)');
    process.exit(result.status ?? 1);
  }
}
