import { z } from 'zod';
import { isoDate, isoDateTime, text } from '../shared/fields.ts';

export const LEVELS = ['executive', 'functional_lead', 'end_user'] as const;
export const FUNCTIONS = [
  'engineering',
  'marketing',
  'operations',
  'maintenance',
  'service',
  'purchasing',
  'quality',
  'other',
] as const;

const fields = {
  role: text(200).nullable().describe('Job title or role at this company, e.g. "Head of Quality".'),
  level: z.enum(LEVELS).nullable(),
  function: z.enum(FUNCTIONS).nullable(),
  isPrimary: z.boolean(),
  startedOn: isoDate.nullable(),
  endedOn: isoDate.nullable(),
};

export const membershipCreate = z
  .strictObject({
    personId: z.string(),
    companyId: z.string(),
    role: fields.role.optional(),
    level: fields.level.optional(),
    function: fields.function.optional(),
    isPrimary: z.boolean().default(false),
    startedOn: fields.startedOn.optional(),
    endedOn: fields.endedOn.optional(),
  })
  .meta({ id: 'MembershipCreate' });

export const membershipUpdate = z.strictObject(fields).partial().meta({ id: 'MembershipUpdate' });

export const membership = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: z.string(),
    companyId: z.string(),
    companyName: z.string(),
    role: z.string().nullable(),
    level: z.enum(LEVELS).nullable(),
    function: z.enum(FUNCTIONS).nullable(),
    isPrimary: z.boolean(),
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Membership' });

export type MembershipCreate = z.input<typeof membershipCreate>;
export type MembershipUpdate = z.input<typeof membershipUpdate>;
export type Membership = z.infer<typeof membership>;
