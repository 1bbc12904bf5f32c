import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import type { PersonRow } from './people.repo.ts';

/**
 * The ids a tracking SDK knows a person by: the `userId` of an identify (also found as the
 * person's external id) and the `anonymousId` of each device. One table, `person_identities`.
 */
export type IdentityKind = 'user' | 'anonymous';

export interface IdentityLink {
  kind: IdentityKind;
  value: string;
  personId: string;
}

/** `user:<id>` or `anonymous:<id>`: how resolved identities are keyed. */
export const identityKey = (kind: IdentityKind, value: string) => `${kind}:${value}`;

const uniq = (values: string[]) => [...new Set(values)];

/**
 * The live person behind each user id and anonymous id, in one query: a person's external id
 * first, then the linked identities. Answers `identityKey(kind, value) → person id`.
 */
export async function resolveIdentities(
  ctx: Ctx,
  userIds: string[],
  anonymousIds: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (userIds.length === 0 && anonymousIds.length === 0) return found;
  const users = uniq(userIds);
  const anonymous = uniq(anonymousIds);
  const result = await sql<{ k: string; v: string; p: string }>`
    select 'external' as k, external_id as v, id as p from people
      where external_id = any(${users}::text[]) and merged_into_id is null
    union all
    select kind, value, person_id from person_identities where kind = 'user' and value = any(${users}::text[])
    union all
    select kind, value, person_id from person_identities where kind = 'anonymous' and value = any(${anonymous}::text[])`.execute(
    ctx.db,
  );
  for (const row of result.rows) {
    const key = identityKey(row.k === 'anonymous' ? 'anonymous' : 'user', row.v);
    if (row.k === 'external' || !found.has(key)) found.set(key, row.p);
  }
  return found;
}

/** Links ids to people; an id already linked keeps its person. Answers the links made. */
export async function linkIdentities(ctx: Ctx, links: IdentityLink[]): Promise<IdentityLink[]> {
  if (links.length === 0) return [];
  const rows = JSON.stringify(links.map((l) => ({ k: l.kind, v: l.value, p: l.personId })));
  const result = await sql<{ kind: IdentityKind; value: string; person_id: string }>`
    insert into person_identities (workspace_id, kind, value, person_id, created_at)
    select ${ctx.workspaceId}, r.k, r.v, r.p, ${ctx.clock.now()} from jsonb_to_recordset(${rows}::jsonb) as r(k text, v text, p text)
    on conflict (workspace_id, kind, value) do nothing
    returning kind, value, person_id`.execute(ctx.db);
  return result.rows.map((r) => ({ kind: r.kind, value: r.value, personId: r.person_id }));
}

/** For merges: the merged-away person's ids now name the survivor. */
export async function moveIdentities(ctx: Ctx, fromId: string, toId: string): Promise<void> {
  await ctx.db
    .updateTable('person_identities')
    .set({ person_id: toId })
    .where('person_id', '=', fromId)
    .execute();
}

/** The ids linked to a person. */
export async function identitiesOf(ctx: Ctx, personId: string): Promise<IdentityLink[]> {
  const rows = await ctx.db
    .selectFrom('person_identities')
    .select(['kind', 'value', 'person_id'])
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ kind: r.kind, value: r.value, personId: r.person_id }));
}

export interface IdentifyMatches {
  byUser: Map<string, PersonRow>;
  byAnonymous: Map<string, PersonRow>;
  byEmail: Map<string, PersonRow>;
}

/**
 * The live people an identify batch may mean, by user id (external id or linked identity),
 * anonymous id, or primary email: one query. `additionalEmails` looks up the emails that matched
 * nobody there among additional emails (a second query, only when needed).
 */
export async function peopleForIdentify(
  ctx: Ctx,
  columns: readonly string[],
  userIds: string[],
  anonymousIds: string[],
  emails: string[],
): Promise<IdentifyMatches> {
  const matches: IdentifyMatches = { byUser: new Map(), byAnonymous: new Map(), byEmail: new Map() };
  if (userIds.length + anonymousIds.length + emails.length === 0) return matches;
  const p = sql.raw(columns.map((c) => `p.${c}`).join(', '));
  const users = sql`${uniq(userIds)}::text[]`;
  const anonymous = sql`${uniq(anonymousIds)}::text[]`;
  const live = sql`p.merged_into_id is null`;
  const result = await sql<PersonRow & { match_kind: string; match_value: string }>`
    select 'external' as match_kind, p.external_id as match_value, ${p} from people p
      where p.external_id = any(${users}) and ${live}
    union all
    select 'user', i.value, ${p} from person_identities i
      join people p on p.workspace_id = i.workspace_id and p.id = i.person_id
      where i.kind = 'user' and i.value = any(${users}) and ${live}
    union all
    select 'anonymous', i.value, ${p} from person_identities i
      join people p on p.workspace_id = i.workspace_id and p.id = i.person_id
      where i.kind = 'anonymous' and i.value = any(${anonymous}) and ${live}
    union all
    select 'email', lower(p.email), ${p} from people p
      where p.id = any(array(select rapport_people_with_primary_emails(${uniq(emails)}::text[])))`.execute(
    ctx.db,
  );
  add(matches, result.rows);
  return matches;
}

function add(matches: IdentifyMatches, rows: (PersonRow & { match_kind: string; match_value: string })[]) {
  for (const row of rows) {
    const { match_kind: kind, match_value: value, ...person } = row;
    const map =
      kind === 'anonymous' ? matches.byAnonymous : kind === 'email' ? matches.byEmail : matches.byUser;
    if (kind === 'external' || !map.has(value)) map.set(value, person as PersonRow);
  }
}

/** People with any of `emails` as an additional email (through the GIN index, see *_security.sql). */
export async function additionalEmails(
  ctx: Ctx,
  columns: readonly string[],
  matches: IdentifyMatches,
  emails: string[],
): Promise<void> {
  if (emails.length === 0) return;
  const p = sql.raw(columns.map((c) => `p.${c}`).join(', '));
  const list = sql`${uniq(emails)}::text[]`;
  const result = await sql<PersonRow & { match_kind: string; match_value: string }>`
    select 'email' as match_kind, x.address as match_value, ${p} from people p
      cross join lateral unnest(p.additional_emails) as x(address)
      where p.id = any(array(select rapport_people_with_any_email(${list}))) and x.address = any(${list})
        and p.merged_into_id is null`.execute(ctx.db);
  add(matches, result.rows);
}
