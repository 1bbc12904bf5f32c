import { membershipsOfPeople } from '../memberships/memberships.service.ts';
import { peopleWithHandles, resolvePersonRefs } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { normaliseHandle, normaliseNetwork } from '../shared/handles.ts';

/** Who wrote a review or a mention, as the source names them. */
export interface Author {
  source: string;
  email?: string | null | undefined;
  handle?: string | null | undefined;
}

/**
 * The person behind each author, or null. By email first: a person's primary or additional
 * email, case ignored (a merged-away person answers with the survivor). Else by handle,
 * normalised ("@Ada_L", "https://x.com/ada_l" → ada_l), against people's social handles on any
 * network; when several people have it, the one who has it on the source's own network, and
 * nobody when that does not settle it. Never by name: names are not unique enough to claim that
 * a public post was written by a customer.
 */
export async function matchAuthors(ctx: Ctx, authors: readonly Author[]): Promise<(string | null)[]> {
  const byEmail = await resolvePersonRefs(
    ctx,
    authors.flatMap((author, line) => (author.email ? [{ line, email: author.email }] : [])),
    { create: false },
  );
  const handles = authors.map((author, line) =>
    byEmail.idOfLine.has(line) || !author.handle ? '' : normaliseHandle(author.handle),
  );
  const holders = new Map<string, { personId: string; network: string }[]>();
  for (const row of await peopleWithHandles(ctx, handles.filter(Boolean))) {
    holders.set(row.handle, [
      ...(holders.get(row.handle) ?? []),
      { personId: row.person_id, network: row.network },
    ]);
  }
  return authors.map((author, line) => {
    const byMail = byEmail.idOfLine.get(line);
    if (byMail) return byMail;
    const found = holders.get(handles[line]!) ?? [];
    const people = new Set(found.map((hit) => hit.personId));
    if (people.size === 1) return found[0]!.personId;
    const network = normaliseNetwork(author.source);
    const onNetwork = new Set(found.filter((hit) => hit.network === network).map((hit) => hit.personId));
    return onNetwork.size === 1 ? [...onNetwork][0]! : null;
  });
}

/** Each person's company: their primary membership, else their first. */
export async function companiesOf(ctx: Ctx, personIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const link of await membershipsOfPeople(ctx, [...new Set(personIds)])) {
    if (!out.has(link.person_id)) out.set(link.person_id, link.company_id);
  }
  return out;
}
