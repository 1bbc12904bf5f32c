import type { Db } from '@rapport/db';
import { z } from 'zod';
import { sweepSla } from '../cases/cases.service.ts';
import { sweepFeelings } from '../feelings/feelings.service.ts';
import { sweepPromises } from '../promises/promises.service.ts';
import { inWorkspace, type SystemCtx, systemActor } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { email } from '../shared/fields.ts';
import { parseInput } from '../shared/validate.ts';
import { password } from '../users/users.schema.ts';
import { addMember, createUser, findUserByEmail } from '../users/users.service.ts';
import { recomputeValueNow, updateValueSettings } from '../value/value.service.ts';
import { createWorkspace, findWorkspace } from '../workspaces/workspaces.service.ts';
import { generateB2B } from './demo.b2b.ts';
import { generateB2C } from './demo.b2c.ts';
import { seedServiceRecovery } from './demo.cases.ts';
import { writeAll } from './demo.insert.ts';
import { removeCreated } from './demo.repo.ts';
import { countRows, type DemoRows, type DemoTable } from './demo.rows.ts';
import { B2B_STAFF, B2C_STAFF, type StaffMember } from './demo.staff.ts';

export const DEMO_WORKSPACES = {
  b2b: { name: 'Helvetia Contract Manufacturing', slug: 'helvetia' },
  b2c: { name: 'Bean & Leaf', slug: 'bean-and-leaf' },
} as const;

export const DEMO_SEED = 'rapport-demo';

const demoOptions = z.strictObject({
  adminEmail: email,
  adminPassword: password,
  adminName: z.string().trim().min(1).max(200).default('Demo Admin'),
  now: z.date().optional(),
  seed: z.string().min(1).max(100).default(DEMO_SEED),
  customers: z.number().int().min(50).max(100_000).default(5000),
});

export type DemoOptions = z.input<typeof demoOptions>;

export interface DemoWorkspace {
  id: string;
  slug: string;
  name: string;
  kind: 'b2b' | 'b2c';
  /** Staff with their role in this workspace (the admin included). */
  users: { email: string; name: string; role: string }[];
  rows: Record<DemoTable, number>;
}

export interface DemoSummary {
  /** Every demo user signs in with this password; the admin is admin of both workspaces. */
  login: { email: string; password: string };
  workspaces: { b2b: DemoWorkspace; b2c: DemoWorkspace };
  totalRows: number;
  /** The date the data is relative to. */
  now: string;
  ms: number;
}

/** Midnight UTC of today: two loads on the same day give the same data, ids included. */
function today(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

async function write(db: Db, workspaceId: string, actor: string, rows: DemoRows) {
  await db.scoped({ workspaceId, actor }, (tx) => writeAll(tx, workspaceId, rows));
}

/**
 * Loads the demo: the B2B workspace "Helvetia Contract Manufacturing" and the B2C workspace
 * "Bean & Leaf", the admin (admin of both) and a staff per workspace, then each workspace's
 * records in one scoped transaction. Refuses with a conflict when a demo workspace exists; if
 * anything fails, what this call created is removed again.
 */
export async function loadDemo(sys: SystemCtx, options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const value = parseInput(demoOptions, options);
  for (const { slug, name } of Object.values(DEMO_WORKSPACES)) {
    if (await findWorkspace(sys, slug)) {
      throw new AppError(
        'conflict',
        `The demo is already loaded: the workspace "${slug}" (${name}) exists.`,
        [
          {
            path: 'workspace',
            message: `a workspace with the slug "${slug}" exists; the demo loads only once`,
          },
        ],
      );
    }
  }
  const now = value.now ?? today(sys.clock.now());
  const workspaceIds: string[] = [];
  const userIds: string[] = [];
  try {
    const b2b = await createWorkspace(sys, DEMO_WORKSPACES.b2b);
    workspaceIds.push(b2b.id);
    const b2c = await createWorkspace(sys, DEMO_WORKSPACES.b2c);
    workspaceIds.push(b2c.id);
    const login = { email: value.adminEmail, password: value.adminPassword };
    const existed = Boolean(await findUserByEmail(sys, login.email));
    const admin = await createUser(sys, b2b.id, { ...login, name: value.adminName, role: 'admin' });
    if (!existed) userIds.push(admin.id);
    await addMember(sys, b2c.id, admin.id, 'admin');
    const adminEntry = { email: admin.email, name: admin.name, role: 'admin' };
    const hire = async (workspaceId: string, staff: readonly StaffMember[]) => {
      const ids: Record<string, string> = {};
      for (const member of staff) {
        const existed = Boolean(await findUserByEmail(sys, member.email));
        const user = await createUser(sys, workspaceId, {
          email: member.email,
          name: member.name,
          password: value.adminPassword,
          role: member.role,
        });
        if (!existed) userIds.push(user.id);
        ids[member.key] = user.id;
      }
      return ids;
    };
    const b2bStaff = await hire(b2b.id, B2B_STAFF);
    const b2cStaff = await hire(b2c.id, B2C_STAFF);
    const b2bRows = generateB2B({ seed: value.seed, now, staff: b2bStaff });
    const b2cRows = generateB2C({ seed: value.seed, now, staff: b2cStaff, customers: value.customers });
    await Promise.all([write(sys.db, b2b.id, admin.id, b2bRows), write(sys.db, b2c.id, admin.id, b2cRows)]);
    // Cases and promises, through their services (a few of each, at their own moments).
    await seedServiceRecovery(sys, b2b.id, Object.values(b2bStaff), admin.id, now);
    await seedServiceRecovery(sys, b2c.id, Object.values(b2cStaff), admin.id, now);
    // The demo's customer texts are analysed in the background (by `rapport serve`'s jobs).
    await sweepFeelings(sys, [b2b.id, b2c.id]);
    // Customer value: the B2B demo's customers are companies; both end with computed figures.
    await inWorkspace(
      sys.db,
      b2b.id,
      systemActor,
      (ctx) => updateValueSettings(ctx, { customerUnit: 'company' }),
      sys.clock,
    );
    for (const id of [b2b.id, b2c.id])
      await inWorkspace(sys.db, id, systemActor, recomputeValueNow, sys.clock);
    await sweepSla(sys, [b2b.id, b2c.id]);
    await sweepPromises(sys, [b2b.id, b2c.id]);
    const summary = (
      kind: 'b2b' | 'b2c',
      ws: { id: string; slug: string; name: string },
      staff: readonly StaffMember[],
      rows: DemoRows,
    ): DemoWorkspace => ({
      id: ws.id,
      slug: ws.slug,
      name: ws.name,
      kind,
      users: [adminEntry, ...staff.map((m) => ({ email: m.email, name: m.name, role: m.role }))],
      rows: countRows(rows),
    });
    const workspaces = {
      b2b: summary('b2b', b2b, B2B_STAFF, b2bRows),
      b2c: summary('b2c', b2c, B2C_STAFF, b2cRows),
    };
    const totalRows = [workspaces.b2b, workspaces.b2c].reduce(
      (sum, ws) => sum + Object.values(ws.rows).reduce((a, b) => a + b, 0),
      0,
    );
    return {
      login,
      workspaces,
      totalRows,
      now: now.toISOString(),
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    await removeCreated(sys, workspaceIds, userIds).catch(() => {});
    throw error;
  }
}
