// Shared set-up of the email tests (email.service.test.ts, cases/cases.email.test.ts): a test
// workspace, a worker for its jobs, and a local SMTP server per test.
import type { Db } from '@rapport/db';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createJobWorker } from '../background.ts';
import { fixedClock } from '../shared/clock.ts';
import { type Ctx, systemCtx } from '../shared/context.ts';
import {
  openTestDb,
  type SmtpReceiver,
  type SmtpReceiverOptions,
  startSmtpReceiver,
  type TestWorkspace,
  testWorkspace,
} from '../testing.ts';
import type { EmailSettingsInput } from './email.schema.ts';
import { setEmailSettings } from './email.service.ts';

export const clock = fixedClock('2026-11-25T10:00:00Z');
export const base = { baseUrl: 'https://crm.example.test' };
export const env: { db: Db; ws: TestWorkspace; smtp: SmtpReceiver | undefined } = {
  db: undefined as unknown as Db,
  ws: undefined as unknown as TestWorkspace,
  smtp: undefined,
};

export function setupEmail(): void {
  beforeAll(async () => {
    env.db = await openTestDb();
    env.ws = await testWorkspace(env.db, clock);
  });
  afterAll(() => env.db.close());
  afterEach(async () => {
    await env.smtp?.close();
    env.smtp = undefined;
  });
}

/** Runs `fn` in the test workspace as its admin. */
export const run = <T>(fn: (ctx: Ctx) => Promise<T>) => env.ws.run(fn);

/** Runs the test workspace's due jobs (the email job among them). */
export const runJobs = () =>
  createJobWorker(systemCtx(env.db, clock), {
    clock,
    workspaceId: env.ws.workspaceId,
    random: () => 0.5,
    onError: (error) => {
      throw error;
    },
  }).runDue();

export const settingsFor = (
  receiver: Pick<SmtpReceiver, 'host' | 'port'>,
  more: Partial<EmailSettingsInput> = {},
): EmailSettingsInput => ({
  host: receiver.host,
  port: receiver.port,
  security: 'none',
  fromAddress: 'care@bean-and-leaf.test',
  fromName: 'Bean & Leaf Care',
  ...more,
});

/** A fresh SMTP server for this test, set as the workspace's (sending on unless `more` says). */
export async function useSmtp(
  options: SmtpReceiverOptions = {},
  more: Partial<EmailSettingsInput> = {},
): Promise<SmtpReceiver> {
  await env.smtp?.close();
  env.smtp = await startSmtpReceiver(options);
  const receiver = env.smtp;
  await env.ws.run((ctx) => setEmailSettings(ctx, settingsFor(receiver, more)));
  return receiver;
}
