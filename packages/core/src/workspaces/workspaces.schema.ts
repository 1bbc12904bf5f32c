import { z } from 'zod';
import { isoDateTime } from '../shared/fields.ts';

export const ROLES = ['admin', 'manager', 'agent', 'viewer'] as const;
export const role = z.enum(ROLES);

export const workspaceCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    slug: z
      .string()
      .regex(
        /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/,
        'use lowercase letters, digits and dashes, e.g. "acme-eu"',
      )
      .optional(),
  })
  .meta({ id: 'WorkspaceCreate' });

export const workspace = z
  .object({ id: z.string(), name: z.string(), slug: z.string(), createdAt: isoDateTime })
  .meta({ id: 'Workspace' });

export const workspaceWithRole = workspace.extend({ role }).meta({ id: 'WorkspaceWithRole' });

export type WorkspaceCreate = z.input<typeof workspaceCreate>;
export type Workspace = z.infer<typeof workspace>;
export type WorkspaceWithRole = z.infer<typeof workspaceWithRole>;
