import type { Ctx } from '../shared/context.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import { emitEvent } from '../webhooks/webhooks.service.ts';
import * as compensations from './cases.compensation.repo.ts';
import * as repo from './cases.repo.ts';
import {
  type ApprovalDecision,
  type ApprovalsQuery,
  approvalDecision,
  approvalsQuery,
  type Compensation,
  type CompensationCreate,
  compensationCreate,
} from './cases.schema.ts';
import { caseEventRow, referenceOf, requireCaseRow } from './cases.service.ts';
import { limitOf } from './cases.settings.ts';

/**
 * Compensation on a case: within the limit of the agent's role (per currency, set by an admin)
 * it is approved at once; above it, it is refused unless `requestApproval` asks for a manager's
 * approval. An approver is an admin, or a manager whose own limit covers the amount, and never the
 * one who asked.
 */

type Row = compensations.CompensationRow;

const money = (minor: number, currency: string) =>
  `${(minor / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;

function present(row: Row): Compensation {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    reason: row.reason,
    status: row.status,
    requestedBy: row.requested_by,
    requestedRole: row.requested_role,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
    createdAt: row.created_at.toISOString(),
  };
}

export async function addCompensation(
  ctx: Ctx,
  caseId: string,
  input: CompensationCreate,
): Promise<Compensation> {
  const value = parseInput(compensationCreate, input);
  const c = await requireCaseRow(ctx, caseId);
  const role = ctx.actor.role;
  const limit = await limitOf(ctx, role, value.currency);
  const within = value.amountMinor <= limit;
  if (!within && !value.requestApproval) {
    const allowed = limit > 0 ? `up to ${money(limit, value.currency)}` : `no ${value.currency} compensation`;
    throw new AppError(
      'forbidden',
      `amountMinor: ${money(value.amountMinor, value.currency)} is above the limit of your role (${role}: ${allowed}); send requestApproval: true to ask a manager.`,
      [{ path: 'amountMinor', message: `above the ${role} limit (${allowed})` }],
      { limitMinor: Number.isFinite(limit) ? limit : null },
    );
  }
  const now = ctx.clock.now();
  const row: Row = {
    id: newId('compensation'),
    workspace_id: ctx.workspaceId,
    case_id: caseId,
    kind: value.kind,
    amount_minor: value.amountMinor,
    currency: value.currency,
    reason: value.reason,
    status: within ? 'approved' : 'pending',
    requested_by: ctx.actor.userId ?? ctx.actor.id,
    requested_role: role,
    decided_by: within ? (ctx.actor.userId ?? ctx.actor.id) : null,
    decided_at: within ? now : null,
    decision_note: within ? 'within the role’s limit' : null,
    created_at: now,
  };
  await compensations.insertCompensation(ctx, row);
  await repo.insertEvents(ctx, [
    caseEventRow(ctx, c, 'compensation', {
      detail: {
        compensationId: row.id,
        status: row.status,
        amountMinor: value.amountMinor,
        currency: value.currency,
        kind: value.kind,
      },
    }),
  ]);
  const out = present(row);
  if (!within)
    await emitEvent(ctx, 'case.compensation_requested', { ...out, reference: referenceOf(caseId) });
  return out;
}

export async function listCompensations(ctx: Ctx, caseId: string): Promise<{ data: Compensation[] }> {
  await requireCaseRow(ctx, caseId);
  return { data: (await compensations.compensationsOfCase(ctx, caseId)).map(present) };
}

/** Compensation requests by status (pending first of all), newest first: the approvers' queue. */
export async function listApprovals(ctx: Ctx, input: ApprovalsQuery = {}): Promise<Page<Compensation>> {
  const q = parseInput(approvalsQuery, input);
  const cursor = q.cursor ? decodeCursor(q.cursor, 2) : null;
  const rows = await compensations.compensationsByStatus(ctx, q.status, q.limit, cursor);
  return toPage(
    rows,
    q.limit,
    (r) => r.created_at,
    (r) => r.id,
    present,
  );
}

export async function decideCompensation(
  ctx: Ctx,
  id: string,
  input: ApprovalDecision,
): Promise<Compensation> {
  const value = parseInput(approvalDecision, input);
  const row = await compensations.lockCompensation(ctx, id);
  if (!row) throw notFound('compensation', id);
  if (row.status !== 'pending') throw conflict('decision', `this compensation is ${row.status} already`);
  const who = ctx.actor.userId ?? ctx.actor.id;
  if (who === row.requested_by) {
    throw new AppError('forbidden', 'You asked for this compensation: another manager or an admin decides.', [
      { path: 'decision', message: 'the requester cannot decide' },
    ]);
  }
  const role = ctx.actor.role;
  const amount = Number(row.amount_minor);
  if (role !== 'admin' && !(role === 'manager' && amount <= (await limitOf(ctx, 'manager', row.currency)))) {
    throw new AppError(
      'forbidden',
      `Only an admin, or a manager whose limit covers ${money(amount, row.currency)}, can decide this compensation.`,
      [{ path: 'decision', message: `${role} cannot approve ${money(amount, row.currency)}` }],
    );
  }
  const now = ctx.clock.now();
  const status = value.decision === 'approve' ? 'approved' : 'rejected';
  await compensations.updateCompensation(ctx, id, {
    status,
    decided_by: who,
    decided_at: now,
    decision_note: value.note,
  });
  const c = await requireCaseRow(ctx, row.case_id);
  await repo.insertEvents(ctx, [
    caseEventRow(ctx, c, 'compensation', {
      detail: { compensationId: id, status, amountMinor: amount, currency: row.currency, kind: row.kind },
    }),
  ]);
  return present({ ...row, status, decided_by: who, decided_at: now, decision_note: value.note });
}
