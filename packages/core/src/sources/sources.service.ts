import { randomBytes } from 'node:crypto';
import type { SourcesTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import { deleteEventsOfSource, sourceActivity } from '../events/events.service.ts';
import type { Ctx, SystemCtx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './sources.repo.ts';
import {
  type InteractionEventRule,
  type Source,
  type SourceCreate,
  type SourceUpdate,
  sourceCreate,
  sourceUpdate,
} from './sources.schema.ts';

/** 32 random URL-safe characters, like Segment's write keys. */
function newWriteKey(): string {
  return randomBytes(24).toString('base64url');
}

async function present(ctx: Ctx, rows: repo.SourceRow[]): Promise<Source[]> {
  const activity = await sourceActivity(
    ctx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    writeKey: row.write_key,
    enabled: row.enabled,
    interactionEvents: row.interaction_events as InteractionEventRule[],
    lastEventAt: activity.get(row.id)?.lastEventAt ?? null,
    recentEvents: activity.get(row.id)?.recentCount ?? 0,
    pendingEvents: activity.get(row.id)?.pendingCount ?? 0,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}

export async function createSource(ctx: Ctx, input: SourceCreate): Promise<Source> {
  const value = parseInput(sourceCreate, input);
  const now = ctx.clock.now();
  const row = await repo.insertSource(ctx, {
    id: newId('source'),
    workspace_id: ctx.workspaceId,
    name: value.name,
    write_key: newWriteKey(),
    enabled: value.enabled,
    interaction_events: JSON.stringify(value.interactionEvents),
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
  });
  return (await present(ctx, [row]))[0]!;
}

export async function listSources(ctx: Ctx): Promise<Source[]> {
  return present(ctx, await repo.listSources(ctx));
}

export async function getSource(ctx: Ctx, id: string): Promise<Source> {
  const row = await repo.findSource(ctx, id);
  if (!row) throw notFound('source', id);
  return (await present(ctx, [row]))[0]!;
}

export async function updateSource(ctx: Ctx, id: string, input: SourceUpdate): Promise<Source> {
  const patch = parseInput(sourceUpdate, input);
  const set: Updateable<SourcesTable> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.enabled !== undefined) set.enabled = patch.enabled;
  if (patch.interactionEvents !== undefined) set.interaction_events = JSON.stringify(patch.interactionEvents);
  if (patch.rotateWriteKey) set.write_key = newWriteKey();
  const row = Object.keys(set).length
    ? await repo.updateSource(ctx, id, set)
    : await repo.findSource(ctx, id);
  if (!row) throw notFound('source', id);
  return (await present(ctx, [row]))[0]!;
}

/** Deletes a source and every event it sent (people, orders and companies it made stay). */
export async function deleteSource(ctx: Ctx, id: string): Promise<void> {
  await deleteEventsOfSource(ctx, id);
  if (!(await repo.deleteSource(ctx, id))) throw notFound('source', id);
}

/** What the tracking endpoints need to know about the source behind a write key. */
export interface TrackingSource {
  id: string;
  workspaceId: string;
  name: string;
  interactionEvents: InteractionEventRule[];
}

/** The enabled source of a write key; an unknown or disabled key is unauthenticated. */
export async function resolveWriteKey(sys: SystemCtx, writeKey: string): Promise<TrackingSource> {
  const row = writeKey ? await repo.findByWriteKey(sys.db.kysely, writeKey) : undefined;
  if (!row) {
    throw new AppError('unauthenticated', 'The write key is not a source of this Rapport server.', [
      { path: 'writeKey', message: 'unknown write key' },
    ]);
  }
  if (!row.enabled) {
    throw new AppError('unauthenticated', `The source "${row.name}" is disabled; enable it to send again.`, [
      { path: 'writeKey', message: 'source disabled' },
    ]);
  }
  return trackingSource(row);
}

function trackingSource(row: repo.SourceRow): TrackingSource {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    interactionEvents: row.interaction_events as InteractionEventRule[],
  };
}

/** A source of this workspace as tracking sees it (enabled or not: what it stored is applied). */
export async function trackingSourceOf(ctx: Ctx, id: string): Promise<TrackingSource | undefined> {
  const row = await repo.findSource(ctx, id);
  return row && trackingSource(row);
}
