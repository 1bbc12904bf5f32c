import { auditEntry, auditQuery, listAuditLog } from '@rapport/core';
import { MANAGE, type Route, route } from '../http/route.ts';
import { pageOf } from './schemas.ts';

export const auditRoutes: Route[] = [
  route({
    method: 'get',
    path: '/audit-log',
    tag: 'Audit log',
    summary: 'Every change to every record: who, when, what changed (entityId=… for one record)',
    access: MANAGE,
    query: auditQuery,
    response: { status: 200, schema: pageOf(auditEntry, 'AuditPage') },
    handler: ({ ctx, query }) => listAuditLog(ctx, query),
  }),
];
