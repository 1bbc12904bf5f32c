import type { SystemCtx } from '@rapport/core';
import { AppError } from '@rapport/core/errors';
import type { Db } from '@rapport/db';

/** What a startup step gets: the migrated database, before the server listens. */
export interface StartupContext {
  db: Db;
  sys: SystemCtx;
  /** The database had no workspace when serve started: a new installation. */
  firstRun: boolean;
  print(line: string): void;
}

/** A step `serve` runs after migrating and before listening; a step that throws stops serve. */
export interface StartupStep {
  name: string;
  run(ctx: StartupContext): Promise<void>;
}

const ENV_OF: Record<string, string> = {
  email: 'RAPPORT_ADMIN_EMAIL',
  password: 'RAPPORT_ADMIN_PASSWORD',
  name: 'RAPPORT_ADMIN_NAME',
  workspaceName: 'RAPPORT_WORKSPACE_NAME',
};

/** RAPPORT_ADMIN_EMAIL / RAPPORT_ADMIN_PASSWORD create the first admin while there is no user. */
export const firstAdminFromEnv: StartupStep = {
  name: 'first admin from the environment',
  async run({ sys, print }) {
    const { bootstrapFirstAdmin, hasUsers } = await import('@rapport/core');
    if (await hasUsers(sys)) return;
    const { RAPPORT_ADMIN_EMAIL: email, RAPPORT_ADMIN_PASSWORD: password } = process.env;
    if (!email && !password) {
      print(
        'No user can sign in yet: restart with RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD set, ' +
          'or stop Rapport and run `rapport user create`.',
      );
      return;
    }
    if (!email || !password) {
      const missing = email ? 'RAPPORT_ADMIN_PASSWORD' : 'RAPPORT_ADMIN_EMAIL';
      throw new AppError(
        'validation_failed',
        `The first admin needs both RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD; ${missing} is not set.`,
        [{ path: missing, message: 'required' }],
      );
    }
    try {
      const created = await bootstrapFirstAdmin(sys, {
        email,
        password,
        ...(process.env.RAPPORT_ADMIN_NAME ? { name: process.env.RAPPORT_ADMIN_NAME } : {}),
        ...(process.env.RAPPORT_WORKSPACE_NAME ? { workspaceName: process.env.RAPPORT_WORKSPACE_NAME } : {}),
      });
      if (!created) return; // another process was first
      const { name, slug } = created.workspace;
      print(
        `Created the first admin ${created.email} in ${created.createdWorkspace ? 'the new' : 'the'} ` +
          `workspace "${name}" (${slug}).`,
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      let message = error.message;
      for (const [field, env] of Object.entries(ENV_OF))
        message = message.replaceAll(`${field}: `, `${env}: `);
      const details = error.details.map((d) => ({ ...d, path: ENV_OF[d.path] ?? d.path }));
      throw new AppError(error.code, `Cannot create the first admin: ${message}`, details);
    }
  },
};

/**
 * Every workspace's inbound texts that have no feeling yet (data from before, a bulk load) or one
 * from an older text model are analysed in the background: a sweep job per workspace.
 */
export const feelingsSweep: StartupStep = {
  name: 'feelings sweep',
  async run({ sys }) {
    const { sweepFeelings } = await import('@rapport/core');
    await sweepFeelings(sys);
  },
};

/** Every workspace's nightly value recompute (02:00 UTC) is scheduled when none is pending. */
export const valueNightly: StartupStep = {
  name: 'value nightly',
  async run({ sys }) {
    const { scheduleValueNightly } = await import('@rapport/core');
    await scheduleValueNightly(sys);
  },
};

/**
 * SLA warnings and breaches, promise reminders and broken promises that fell due while Rapport was
 * down: the cases' and the promises' jobs run once per workspace (each then enqueues its next run).
 */
export const dueWorkSweep: StartupStep = {
  name: 'SLA and promises sweep',
  async run({ sys }) {
    const { sweepSla, sweepPromises } = await import('@rapport/core');
    await sweepSla(sys);
    await sweepPromises(sys);
  },
};

/** What serve runs, in order, between migrating and listening. */
export const startupSteps: readonly StartupStep[] = [
  firstAdminFromEnv,
  feelingsSweep,
  valueNightly,
  dueWorkSweep,
];
