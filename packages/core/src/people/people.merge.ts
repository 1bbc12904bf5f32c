import type { PeopleTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { linkIdentities, moveIdentities } from './people.identities.ts';
import * as repo from './people.repo.ts';

type Row = repo.PersonRow;

/**
 * Folds the merged-away person's fields into the survivor: the survivor's values win, its
 * blanks are filled, lists are united, consent keeps the most recent decision per channel and
 * "do not contact" from either side is honoured. The loser is marked merged first, which frees
 * its email and external id for the survivor (unique only among live records). The ids a tracking
 * SDK knew the loser by now name the survivor.
 */
export async function foldPerson(ctx: Ctx, survivor: Row, loser: Row): Promise<void> {
  await repo.updatePerson(ctx, loser.id, { merged_into_id: survivor.id });
  const set: Updateable<PeopleTable> = {};
  const fill = <K extends keyof Row & keyof Updateable<PeopleTable>>(key: K) => {
    if ((survivor[key] === null || survivor[key] === '') && loser[key] !== null) {
      (set as Record<string, unknown>)[key] = loser[key];
    }
  };
  for (const key of [
    'external_id',
    'first_name',
    'last_name',
    'email',
    'phone',
    'title',
    'owner_id',
    'preferred_channel',
    'timezone',
    'locale',
    'birthday',
  ] as const) {
    fill(key);
  }
  if (!survivor.address && loser.address) set.address = JSON.stringify(loser.address);
  const primary = (set.email as string | undefined) ?? survivor.email;
  const emails = new Set([...survivor.additional_emails, ...loser.additional_emails]);
  if (loser.email) emails.add(loser.email);
  if (primary) emails.delete(primary);
  set.additional_emails = [...emails];
  set.tags = [...new Set([...survivor.tags, ...loser.tags])];
  set.custom = JSON.stringify({ ...loser.custom, ...survivor.custom });
  set.traits = JSON.stringify({ ...loser.traits, ...survivor.traits });
  set.social_handles = JSON.stringify({ ...loser.social_handles, ...survivor.social_handles });
  set.consent = JSON.stringify(mergeConsent(survivor.consent, loser.consent));
  set.do_not_contact = survivor.do_not_contact || loser.do_not_contact;
  await repo.updatePerson(ctx, survivor.id, set);
  await moveIdentities(ctx, loser.id, survivor.id);
  const external = (set.external_id as string | null | undefined) ?? survivor.external_id;
  if (loser.external_id && loser.external_id !== external) {
    // The survivor keeps its own external id; the loser's still finds the survivor.
    await linkIdentities(ctx, [{ kind: 'user', value: loser.external_id, personId: survivor.id }]);
  }
}

type Consent = Record<string, { status?: string; at?: string } | undefined>;

function mergeConsent(a: Record<string, unknown>, b: Record<string, unknown>): Consent {
  const out: Consent = { ...(b as Consent) };
  for (const [channel, decision] of Object.entries(a as Consent)) {
    const other = out[channel];
    const newer = !other?.at || (decision?.at !== undefined && decision.at >= other.at);
    if (newer) out[channel] = decision;
  }
  return out;
}
