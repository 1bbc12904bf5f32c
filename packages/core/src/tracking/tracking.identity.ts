import type { Company } from '../companies/companies.schema.ts';
import {
  createCompany,
  findCompanyByDomain,
  listCompanies,
  updateCompany,
} from '../companies/companies.service.ts';
import { mergePeople } from '../duplicates/duplicates.service.ts';
import { upsertMemberships } from '../memberships/memberships.service.ts';
import {
  type IdentifyOutcome,
  type IdentifyRow,
  identifyPeople,
  identityKey,
  linkIdentities,
  resolveIdentities,
} from '../people/people.service.ts';
import type { Run } from './tracking.run.ts';
import type { Message } from './tracking.schema.ts';
import { companyTraits, personTraits, TraitProblem } from './tracking.traits.ts';

/**
 * identify → people (set-based, through the people domain), alias → merge or link of ids,
 * group → company and membership (through their services).
 */
export async function identifyAll(run: Run, messages: Message[]): Promise<void> {
  const defs = await run.defs('person');
  const rows: IdentifyRow[] = [];
  const byKey = new Map<number, Message>();
  for (const m of messages) {
    try {
      rows.push({
        key: m.index,
        userId: m.userId,
        anonymousId: m.anonymousId,
        ...personTraits(m.properties, m.context, defs),
      });
      byKey.set(m.index, m);
    } catch (error) {
      if (!(error instanceof TraitProblem)) throw error;
      run.reject(m, error.path, error.message);
    }
  }
  if (rows.length === 0) return;
  // An identify of someone unknown that names no one (no email, no name) makes no person yet: it
  // is stored, with its traits, and attached when a later identify or alias names them.
  const record = (outcome: IdentifyOutcome) => {
    for (const [key, personId] of outcome.personOf) {
      const m = byKey.get(key)!;
      run.link('user', m.userId, personId);
      run.link('anonymous', m.anonymousId, personId);
    }
  };
  if (await run.guarded(null, async () => record(await identifyPeople(run.ctx, rows)))) return;
  // Something in the set was refused: one at a time, so only the culprit is rejected.
  for (const row of rows) {
    const m = byKey.get(row.key)!;
    await run.guarded(
      m,
      async () => record(await identifyPeople(run.ctx, [row])),
      (path) => (path.startsWith('traits') ? path : `traits.${path}`),
    );
  }
}

/** previousId → userId: two known people are merged (the userId's survives); else the unknown id is linked. */
export async function alias(run: Run, m: Message): Promise<void> {
  const userId = m.userId!;
  const previousId = m.previousId!;
  const found = await resolveIdentities(run.ctx, [userId, previousId], [previousId]);
  const target = found.get(identityKey('user', userId));
  const previous =
    found.get(identityKey('user', previousId)) ?? found.get(identityKey('anonymous', previousId));
  if (target && previous && target !== previous) {
    await mergePeople(run.ctx, { survivorId: target, mergedId: previous });
    for (const [key, personId] of run.known) if (personId === previous) run.known.set(key, target);
    run.link('user', userId, target);
  } else if (target && !previous) {
    // previousId was a device's anonymousId or an older userId: either way it now means this person.
    await linkIdentities(run.ctx, [
      { kind: 'anonymous', value: previousId, personId: target },
      { kind: 'user', value: previousId, personId: target },
    ]);
    run.link('anonymous', previousId, target);
    run.link('user', previousId, target);
  } else if (!target && previous) {
    await linkIdentities(run.ctx, [{ kind: 'user', value: userId, personId: previous }]);
    run.link('user', userId, previous);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** groupId → the company with that external id (or that domain), created or updated; the sender becomes a member. */
export async function group(run: Run, m: Message): Promise<void> {
  const { fields, custom } = companyTraits(m.properties, await run.defs('company'));
  const groupId = m.groupId!;
  let company: Company | undefined = (await listCompanies(run.ctx, { externalId: groupId, limit: 1 }))
    .data[0];
  if (!company && fields.domain) company = (await findCompanyByDomain(run.ctx, fields.domain)) ?? undefined;
  if (company) {
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (value !== null && value !== undefined && !same(company[key as keyof Company], value))
        patch[key] = value;
    }
    if (!company.externalId) patch.externalId = groupId;
    const changed = Object.fromEntries(
      Object.entries(custom).filter(([k, v]) => !same(company!.custom[k], v)),
    );
    if (Object.keys(changed).length) patch.custom = changed;
    if (Object.keys(patch).length) company = await updateCompany(run.ctx, company.id, patch);
  } else {
    const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined));
    company = await createCompany(run.ctx, { name: groupId, ...given, externalId: groupId, custom });
  }
  const personId = run.personOf(m);
  if (personId) await upsertMemberships(run.ctx, [{ personId, companyId: company.id }]);
}
