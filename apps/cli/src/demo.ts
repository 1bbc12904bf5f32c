import type { SystemCtx } from '@rapport/core';
import type { StartupStep } from './startup.ts';

/** The login of the demo when RAPPORT_ADMIN_EMAIL / RAPPORT_ADMIN_PASSWORD are not set. */
export const DEMO_LOGIN = { email: 'demo@rapport.example', password: 'rapport-demo-2026' } as const;

export function demoLogin(env: NodeJS.ProcessEnv = process.env): { email: string; password: string } {
  return {
    email: env.RAPPORT_ADMIN_EMAIL ?? DEMO_LOGIN.email,
    password: env.RAPPORT_ADMIN_PASSWORD ?? DEMO_LOGIN.password,
  };
}

/** Loads both demo workspaces and prints how to sign in. */
export async function loadDemoData(sys: SystemCtx, print: (line: string) => void): Promise<void> {
  const { loadDemo } = await import('@rapport/core');
  const login = demoLogin();
  print('Loading the demo data (first run only)…');
  const summary = await loadDemo(sys, { adminEmail: login.email, adminPassword: login.password });
  const { b2b, b2c } = summary.workspaces;
  print(
    `Demo loaded in ${(summary.ms / 1000).toFixed(1)} s: "${b2b.name}" (${b2b.slug}, B2B) and ` +
      `"${b2c.name}" (${b2c.slug}, B2C), ${summary.totalRows.toLocaleString('en')} records.`,
  );
  print(`Sign in as ${summary.login.email} with the password ${summary.login.password}`);
}

/** `serve --demo`: on a new database, load the demo before serving. */
export const demoOnFirstRun: StartupStep = {
  name: 'demo data on first run',
  async run({ sys, firstRun, print }) {
    if (firstRun) await loadDemoData(sys, print);
  },
};
