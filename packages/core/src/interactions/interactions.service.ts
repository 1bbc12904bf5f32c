import { requireCompany } from '../companies/companies.service.ts';
import { queueFeelings } from '../feelings/feelings.service.ts';
import { requirePerson } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import { emitEvent } from '../webhooks/webhooks.service.ts';
import * as repo from './interactions.repo.ts';
import {
  type Interaction,
  type InteractionCorrection,
  type InteractionCreate,
  type InteractionsQuery,
  interactionCorrection,
  interactionCreate,
  interactionsQuery,
} from './interactions.schema.ts';

export function presentInteraction(row: repo.InteractionRow): Interaction {
  return {
    id: row.id,
    channel: row.channel as Interaction['channel'],
    direction: row.direction,
    occurredAt: row.occurred_at.toISOString(),
    subject: row.subject,
    body: row.body,
    companyId: row.company_id,
    companyName: row.company_name,
    people: row.people as Interaction['people'],
    users: row.users as Interaction['users'],
    externalId: row.external_id,
    correctsId: row.corrects_id,
    correctionReason: row.correction_reason,
    correctedById: row.corrected_by_id,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** People and the company must exist in this workspace (and not be merged away). */
async function checkReferences(ctx: Ctx, personIds: string[], companyId: string | null | undefined) {
  for (const [index, personId] of personIds.entries())
    await requirePerson(ctx, personId, `people.${index}.personId`);
  if (companyId) await requireCompany(ctx, companyId, 'companyId');
}

async function write(
  ctx: Ctx,
  value: {
    channel: string;
    direction: 'inbound' | 'outbound' | 'internal';
    occurredAt?: string | undefined;
    subject?: string | null | undefined;
    body?: string | null | undefined;
    companyId?: string | null | undefined;
    externalId?: string | null | undefined;
  },
  participants: repo.Participants,
  correction?: { correctsId: string; reason: string },
): Promise<Interaction> {
  const id = newId('interaction');
  await repo.insertInteraction(
    ctx,
    {
      id,
      workspace_id: ctx.workspaceId,
      channel: value.channel,
      direction: value.direction,
      occurred_at: value.occurredAt ? new Date(value.occurredAt) : ctx.clock.now(),
      subject: value.subject ?? null,
      body: value.body ?? null,
      company_id: value.companyId ?? null,
      external_id: value.externalId ?? null,
      corrects_id: correction?.correctsId ?? null,
      correction_reason: correction?.reason ?? null,
      created_by: ctx.actor.id,
      created_at: ctx.clock.now(),
    },
    participants,
  );
  const interaction = await getInteraction(ctx, id);
  await emitEvent(ctx, 'interaction.logged', interaction);
  await queueFeelings(ctx, [
    {
      id,
      direction: value.direction,
      text: !!(value.subject || value.body),
      corrects: !!correction,
    },
  ]);
  return interaction;
}

/** Logs an interaction on the timeline of every person in it (and of its company). */
export async function logInteraction(ctx: Ctx, input: InteractionCreate): Promise<Interaction> {
  const value = parseInput(interactionCreate, input);
  await checkReferences(
    ctx,
    value.people.map((p) => p.personId),
    value.companyId,
  );
  const users =
    value.users ?? (ctx.actor.userId ? [{ userId: ctx.actor.userId, role: 'participant' as const }] : []);
  return write(ctx, value, { people: value.people, users });
}

/**
 * The timeline is append-only: a correction is a new entry that references the one it
 * corrects, copying what does not change. The old entry stays, marked `correctedById`.
 */
export async function correctInteraction(
  ctx: Ctx,
  id: string,
  input: InteractionCorrection,
): Promise<Interaction> {
  const value = parseInput(interactionCorrection, input);
  const [old] = await repo.hydrate(ctx, [id]);
  if (!old) throw notFound('interaction', id);
  if (old.corrected_by_id) {
    throw new AppError(
      'conflict',
      `Interaction ${id} was already corrected by ${old.corrected_by_id}; correct that one.`,
      [{ path: 'id', message: `already corrected by ${old.corrected_by_id}` }],
    );
  }
  const people = value.people ?? old.people.map((p) => ({ personId: p.id, role: p.role as 'participant' }));
  const companyId = value.companyId !== undefined ? value.companyId : old.company_id;
  await checkReferences(ctx, value.people ? people.map((p) => p.personId) : [], value.companyId);
  return write(
    ctx,
    {
      channel: value.channel ?? old.channel,
      direction: value.direction ?? old.direction,
      occurredAt: value.occurredAt ?? old.occurred_at.toISOString(),
      subject: value.subject !== undefined ? value.subject : old.subject,
      body: value.body !== undefined ? value.body : old.body,
      companyId,
    },
    { people, users: old.users.map((u) => ({ userId: u.id, role: u.role })) },
    { correctsId: id, reason: value.reason },
  );
}

export async function getInteraction(ctx: Ctx, id: string): Promise<Interaction> {
  const [row] = await repo.hydrate(ctx, [id]);
  if (!row) throw notFound('interaction', id);
  return presentInteraction(row);
}

export async function getInteractions(ctx: Ctx, ids: string[]): Promise<Interaction[]> {
  return (await repo.hydrate(ctx, ids)).map(presentInteraction);
}

export async function listInteractions(ctx: Ctx, input: InteractionsQuery): Promise<Page<Interaction>> {
  const query = parseInput(interactionsQuery, input);
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await repo.listIds(
    ctx,
    query,
    query.limit,
    cursor,
    query.sort === 'occurredAt' ? 'asc' : 'desc',
  );
  const page = toPage(
    rows,
    query.limit,
    (row) => row.occurred_at,
    (row) => row.id,
    (row) => row.id,
  );
  return { data: await getInteractions(ctx, page.data), nextCursor: page.nextCursor };
}

/** For merges. */
export function moveInteractionsOfPerson(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  return repo.movePersonParticipations(ctx, fromId, toId);
}

export function moveInteractionsOfCompany(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  return repo.moveCompany(ctx, fromId, toId);
}

export { type InteractionImportRow, importInteractions } from './interactions.import.ts';

/** What customers wrote between `from` and `to` (inbound, current versions), newest first, up to `limit`. */
export async function inboundTexts(
  ctx: Ctx,
  input: { from: Date; to: Date; personIds?: string[] | null; limit: number },
): Promise<{ id: string; text: string; occurredAt: string; personId: string | null }[]> {
  const rows = await repo.inboundTexts(ctx, input.from, input.to, input.personIds ?? null, input.limit);
  return rows.map((row) => ({
    id: row.id,
    text: [row.subject, row.body].filter(Boolean).join('\n\n'),
    occurredAt: new Date(row.occurred_at).toISOString(),
    personId: row.person_id,
  }));
}

/** For exports: a page of interactions (by id) with participants. */
export async function interactionsPage(
  ctx: Ctx,
  afterId: string | null,
  limit: number,
): Promise<Interaction[]> {
  return getInteractions(ctx, await repo.idsAfter(ctx, afterId, limit));
}

/** For the feelings analysis: what the customer side wrote (the sender first), corrected or not. */
export async function customerTexts(ctx: Ctx, ids: string[]) {
  return (await repo.customerTexts(ctx, ids)).map((row) => ({
    id: row.id,
    direction: row.direction,
    occurredAt: row.occurred_at,
    subject: row.subject,
    body: row.body,
    companyId: row.company_id,
    correctsId: row.corrects_id,
    corrected: row.corrected,
    personIds: row.person_ids,
  }));
}

/** For the feelings sweep: a page of inbound interactions with text that no correction replaced. */
export function inboundTextIdsAfter(ctx: Ctx, afterId: string | null, limit: number): Promise<string[]> {
  return repo.inboundTextIdsAfter(ctx, afterId, limit);
}

/** For health scores: when each person (or company) was last in touch, in either direction. */
export async function lastContacts(ctx: Ctx, unit: 'person' | 'company'): Promise<Map<string, Date>> {
  return new Map((await repo.lastContacts(ctx, unit)).map((row) => [row.id, new Date(row.at)]));
}

/** The people contacted (inbound or outbound) since `since`: a subquery for another domain's SQL. */
export function peopleContactedSince(ctx: Ctx, since: Date) {
  return repo.contactedSince(ctx, since);
}
export { emailAndLog, type MessageToSend } from './interactions.email.ts';
