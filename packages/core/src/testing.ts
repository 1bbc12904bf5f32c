import type { Db, Role } from '@rapport/db';
import { type Clock, systemClock } from './shared/clock.ts';
import { type Actor, type Ctx, inWorkspace, systemCtx } from './shared/context.ts';
import { AppError } from './shared/errors.ts';
import { newId } from './shared/ids.ts';
import { createUser } from './users/users.service.ts';
import { createWorkspace } from './workspaces/workspaces.service.ts';

export { openFreshTestDb, openTestDb } from '@rapport/db/testing';
export { createApiKey } from './api-keys/api-keys.service.ts';
export {
  type Mail,
  type SmtpReceiver,
  type SmtpReceiverOptions,
  startSmtpReceiver,
} from './email/email.receiver.ts';
export { inWorkspace, systemActor } from './shared/context.ts';
export { type Received, type Receiver, startReceiver } from './webhooks/webhooks.receiver.ts';

export interface TestWorkspace {
  workspaceId: string;
  adminId: string;
  adminEmail: string;
  password: string;
  /** Runs `fn` in this workspace as its admin (or as `actor`). */
  run<T>(fn: (ctx: Ctx) => Promise<T>, actor?: Actor): Promise<T>;
  actorFor(userId: string, role: Role): Actor;
}

/** A fresh workspace with one admin user: how test files keep out of each other's way. */
export async function testWorkspace(db: Db, clock: Clock = systemClock): Promise<TestWorkspace> {
  const sys = systemCtx(db, clock);
  const tag = newId('workspace').slice(-10);
  const workspace = await createWorkspace(sys, { name: `Test ${tag}` });
  const password = 'correct horse battery staple';
  const adminEmail = `admin-${tag}@example.test`;
  const admin = await createUser(sys, workspace.id, {
    email: adminEmail,
    name: 'Test Admin',
    password,
    role: 'admin',
  });
  const actorFor = (userId: string, role: Role): Actor => ({ kind: 'user', id: userId, role, userId });
  return {
    workspaceId: workspace.id,
    adminId: admin.id,
    adminEmail,
    password,
    actorFor,
    run: (fn, actor = actorFor(admin.id, 'admin')) => inWorkspace(db, workspace.id, actor, fn, clock),
  };
}

/** The AppError a call fails with; anything else (success included) fails the test. */
export async function appError(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => new Error('expected an AppError, but the call succeeded'),
    (error: unknown) => error,
  );
  if (outcome instanceof AppError) return outcome;
  throw outcome;
}
