import { z } from 'zod';
import { isoDateTime } from '../shared/fields.ts';
import { pageInput } from '../shared/paging.ts';

export const auditEntry = z
  .object({
    id: z.number().int(),
    at: isoDateTime,
    actor: z.string().describe('usr_…, key_… or system'),
    action: z.enum(['create', 'update', 'delete']),
    entity: z.string().describe('The table: people, companies, orders, …'),
    entityId: z.string(),
    changes: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('update: { column: [old, new] }; delete: the removed row; create: null.'),
  })
  .meta({ id: 'AuditEntry' });

export const auditQuery = z
  .strictObject({
    entityId: z.string().optional().describe('The history of one record.'),
    entity: z.string().optional(),
    actor: z.string().optional(),
    since: isoDateTime.optional(),
    ...pageInput,
  })
  .meta({ id: 'AuditQuery' });

export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditQuery = z.input<typeof auditQuery>;
