import { z } from 'zod';
import { isoDateTime } from '../shared/fields.ts';
import { role } from '../workspaces/workspaces.schema.ts';

export const apiKeyCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(100).describe('What the key is for, e.g. "Shop sync".'),
    role: role.default('agent'),
    expiresAt: isoDateTime.optional(),
  })
  .meta({ id: 'ApiKeyCreate' });

export const apiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    role,
    prefix: z.string().describe('The first characters of the key, to recognise it.'),
    createdBy: z.string().nullable(),
    createdAt: isoDateTime,
    lastUsedAt: isoDateTime.nullable(),
    expiresAt: isoDateTime.nullable(),
    revokedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'ApiKey' });

export const apiKeyCreated = apiKey
  .extend({ key: z.string().describe('The secret. Shown once: store it now; Rapport keeps only its hash.') })
  .meta({ id: 'ApiKeyCreated' });

export type ApiKeyCreate = z.input<typeof apiKeyCreate>;
export type ApiKey = z.infer<typeof apiKey>;
export type ApiKeyCreated = z.infer<typeof apiKeyCreated>;
