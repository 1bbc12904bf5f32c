import type { Address, CompaniesTable } from '@rapport/db';
import type { Insertable, Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { normalizeDomain, type RELATIONSHIP_TYPES } from '../shared/fields.ts';
import { newId } from '../shared/ids.ts';
import { chunks, emptyOutcome, type ImportOutcome, type RowProblem } from '../shared/transfer.ts';
import * as repo from './companies.repo.ts';

/** One company row of an import; `undefined` = column not in the file, `null` = empty cell. */
export interface CompanyImportRow {
  line: number;
  id?: string | null;
  externalId?: string | null;
  name?: string | null;
  domain?: string | null;
  relationshipType?: (typeof RELATIONSHIP_TYPES)[number] | null;
  industry?: string | null;
  phone?: string | null;
  address?: Address | null;
  employeeCount?: number | null;
  description?: string | null;
  ownerId?: string | null;
  tags?: string[] | null;
  custom?: Record<string, unknown>;
  createdAt?: string | null;
}

/** A reference to a company by one of its keys, as rows of other kinds name it. */
export interface CompanyRef {
  line: number;
  id?: string | null | undefined;
  externalId?: string | null | undefined;
  domain?: string | null | undefined;
  name?: string | null | undefined;
}

interface Known {
  byId: Map<string, repo.CompanyRow>;
  byExternalId: Map<string, repo.CompanyRow>;
  byDomain: Map<string, repo.CompanyRow>;
  byName: Map<string, repo.CompanyRow[]>;
}

async function lookup(ctx: Ctx, refs: CompanyRef[]): Promise<Known> {
  const ids = [...new Set(refs.flatMap((r) => (r.id ? [r.id] : [])))];
  const externalIds = [...new Set(refs.flatMap((r) => (r.externalId ? [r.externalId] : [])))];
  const domains = [...new Set(refs.flatMap((r) => (r.domain ? [normalizeDomain(r.domain)] : [])))];
  const names = [...new Set(refs.flatMap((r) => (r.name ? [r.name.trim().toLowerCase()] : [])))];
  const rows: repo.CompanyRow[] = [];
  for (const part of chunks(ids, 5000)) rows.push(...(await repo.companiesByIds(ctx, part)));
  for (const part of chunks(externalIds, 5000))
    rows.push(...(await repo.liveCompaniesBy(ctx, 'external_id', part)));
  for (const part of chunks(domains, 5000)) rows.push(...(await repo.liveCompaniesBy(ctx, 'domain', part)));
  for (const part of chunks(names, 5000)) rows.push(...(await repo.liveCompaniesBy(ctx, 'name', part)));
  const known: Known = { byId: new Map(), byExternalId: new Map(), byDomain: new Map(), byName: new Map() };
  for (const row of rows) {
    if (known.byId.has(row.id)) continue;
    known.byId.set(row.id, row);
    if (row.merged_into_id) continue;
    if (row.external_id) known.byExternalId.set(row.external_id, row);
    if (row.domain) known.byDomain.set(row.domain, row);
    const name = row.name.toLowerCase();
    known.byName.set(name, [...(known.byName.get(name) ?? []), row]);
  }
  return known;
}

/** The existing company a row means, or a problem when its keys point at different ones. */
function match(known: Known, ref: CompanyRef): { row?: repo.CompanyRow; problem?: RowProblem } {
  const hits: [string, repo.CompanyRow | undefined][] = [];
  if (ref.id) hits.push(['id', known.byId.get(ref.id)]);
  if (ref.externalId) hits.push(['externalId', known.byExternalId.get(ref.externalId)]);
  if (ref.domain) hits.push(['domain', known.byDomain.get(normalizeDomain(ref.domain))]);
  const found = hits.filter((hit): hit is [string, repo.CompanyRow] => hit[1] !== undefined);
  const distinct = new Set(found.map(([, row]) => row.id));
  if (distinct.size > 1) {
    const [field] = found[1]!;
    return {
      problem: {
        line: ref.line,
        field,
        message: `points at ${found[1]![1].id} while ${found[0]![0]} points at ${found[0]![1].id}`,
      },
    };
  }
  if (found[0]) return { row: found[0][1] };
  if (ref.name && hits.length === 0) {
    const named = known.byName.get(ref.name.trim().toLowerCase()) ?? [];
    if (named.length > 1) {
      return {
        problem: {
          line: ref.line,
          field: 'name',
          message: `${named.length} companies are named "${ref.name}"; name it by domain`,
        },
      };
    }
    if (named[0]) return { row: named[0] };
  }
  return {};
}

function addressOf(current: unknown, patch: Address | null | undefined): string | null | undefined {
  if (patch === undefined) return undefined;
  if (patch === null) return undefined;
  return JSON.stringify({ ...((current as Address | null) ?? {}), ...patch });
}

/**
 * Creates or updates companies. A row matches an existing company by id, external id, domain
 * or (when unique) name; rows of the file with the same key are one company. Empty cells never
 * erase what is stored. Returns the company id of each line.
 */
export async function importCompanies(
  ctx: Ctx,
  rows: CompanyImportRow[],
): Promise<ImportOutcome & { idOfLine: Map<number, string> }> {
  const outcome = emptyOutcome();
  const idOfLine = new Map<number, string>();
  const known = await lookup(ctx, rows);
  const fileKey = new Map<string, string>();
  const inserts = new Map<string, Insertable<CompaniesTable>>();
  const keyOf = (row: CompanyImportRow) =>
    row.id ??
    (row.externalId ? `x:${row.externalId}` : row.domain ? `d:${normalizeDomain(row.domain)}` : null);
  for (const row of rows) {
    const { row: existing, problem } = match(known, row);
    if (problem) {
      outcome.problems.push(problem);
      continue;
    }
    const key = keyOf(row);
    const earlier = key ? fileKey.get(key) : undefined;
    if (existing) {
      const set: Updateable<CompaniesTable> = {};
      if (row.externalId) set.external_id = row.externalId;
      if (row.name) set.name = row.name;
      if (row.domain) set.domain = normalizeDomain(row.domain);
      if (row.relationshipType) set.relationship_type = row.relationshipType;
      if (row.industry) set.industry = row.industry;
      if (row.phone) set.phone = row.phone;
      const address = addressOf(existing.address, row.address);
      if (address) set.address = address;
      if (row.employeeCount != null) set.employee_count = row.employeeCount;
      if (row.description) set.description = row.description;
      if (row.ownerId) set.owner_id = row.ownerId;
      if (row.tags?.length) set.tags = [...new Set([...existing.tags, ...row.tags])];
      if (row.custom && Object.keys(row.custom).length)
        set.custom = JSON.stringify({ ...existing.custom, ...row.custom });
      if (Object.keys(set).length) {
        const updated = await repo.updateCompany(ctx, existing.id, set);
        if (updated) known.byId.set(updated.id, updated);
        outcome.updated++;
      } else outcome.unchanged++;
      idOfLine.set(row.line, existing.id);
    } else if (earlier) {
      const pending = inserts.get(earlier)!;
      if (row.tags?.length) pending.tags = [...new Set([...(pending.tags ?? []), ...row.tags])];
      idOfLine.set(row.line, earlier);
    } else {
      if (!row.name) {
        outcome.problems.push({ line: row.line, field: 'name', message: 'is required for a new company' });
        continue;
      }
      const id = row.id && /^com_[0-9a-z]{26}$/.test(row.id) ? row.id : newId('company');
      const at = row.createdAt ? new Date(row.createdAt) : ctx.clock.now();
      inserts.set(id, {
        id,
        workspace_id: ctx.workspaceId,
        external_id: row.externalId ?? null,
        name: row.name,
        domain: row.domain ? normalizeDomain(row.domain) : null,
        relationship_type: row.relationshipType ?? 'customer',
        industry: row.industry ?? null,
        phone: row.phone ?? null,
        address: row.address ? JSON.stringify(row.address) : null,
        employee_count: row.employeeCount ?? null,
        description: row.description ?? null,
        owner_id: row.ownerId ?? null,
        tags: row.tags ?? [],
        custom: JSON.stringify(row.custom ?? {}),
        created_at: at,
        updated_at: at,
      });
      if (key) fileKey.set(key, id);
      idOfLine.set(row.line, id);
      outcome.created++;
    }
  }
  for (const part of chunks([...inserts.values()], 500))
    await ctx.db.insertInto('companies').values(part).execute();
  return { ...outcome, idOfLine };
}

/**
 * The company each reference means; with `create`, a reference to no known company creates one
 * (named by its name, or by its domain). Returns the id per line.
 */
export async function resolveCompanyRefs(
  ctx: Ctx,
  refs: CompanyRef[],
  options: { create: boolean },
): Promise<{ idOfLine: Map<number, string>; problems: RowProblem[] }> {
  const wanted = refs.filter((ref) => ref.id || ref.externalId || ref.domain || ref.name);
  if (!options.create) {
    const known = await lookup(ctx, wanted);
    const idOfLine = new Map<number, string>();
    const problems: RowProblem[] = [];
    for (const ref of wanted) {
      const { row, problem } = match(known, ref);
      if (problem) problems.push(problem);
      else if (row) idOfLine.set(ref.line, row.merged_into_id ?? row.id);
      else
        problems.push({ line: ref.line, field: ref.domain ? 'domain' : 'name', message: 'no such company' });
    }
    return { idOfLine, problems };
  }
  const result = await importCompanies(
    ctx,
    wanted.map((ref) => ({
      line: ref.line,
      id: ref.id ?? null,
      externalId: ref.externalId ?? null,
      domain: ref.domain ?? null,
      name: ref.name ?? (ref.domain ? normalizeDomain(ref.domain) : null),
    })),
  );
  return { idOfLine: result.idOfLine, problems: result.problems };
}
