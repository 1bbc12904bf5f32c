import { z } from 'zod';
import { email, isoDateTime } from '../shared/fields.ts';
import { role } from '../workspaces/workspaces.schema.ts';

export const password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

export const userCreate = z
  .strictObject({
    email,
    name: z.string().trim().min(1).max(200),
    password,
    role: role.default('agent'),
  })
  .meta({ id: 'UserCreate' });

export const memberUpdate = z.strictObject({ role }).meta({ id: 'MemberUpdate' });

export const user = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role,
    createdAt: isoDateTime,
    disabled: z.boolean(),
  })
  .meta({ id: 'User', description: 'A user and their role in the current workspace.' });

export type UserCreate = z.input<typeof userCreate>;
export type User = z.infer<typeof user>;
