import { z } from 'zod';
import { resolveCompanyRefs } from '../../companies/companies.service.ts';
import { DIRECTIONS } from '../../interactions/interactions.schema.ts';
import { type InteractionImportRow, importInteractions } from '../../interactions/interactions.service.ts';
import { type PersonRef, resolvePersonRefs } from '../../people/people.service.ts';
import { CHANNELS } from '../../shared/fields.ts';
import { emailKey, emptyOutcome } from '../../shared/transfer.ts';
import { memberIdsByEmail } from '../../users/users.service.ts';
import { cell } from '../cell-schemas.ts';
import type { FieldSpec } from '../mapping.ts';
import { choice, emailList, type Kind, problem, text } from './common.ts';

export const INTERACTION_FIELDS: FieldSpec[] = [
  { key: 'id', label: 'Rapport ID', synonyms: ['rapport id'] },
  { key: 'externalId', label: 'External ID', synonyms: ['message id', 'activity id', 'call id'] },
  { key: 'channel', label: 'Channel', synonyms: ['type', 'activity type', 'medium'], required: true },
  { key: 'direction', label: 'Direction', synonyms: ['inbound outbound'], required: true },
  {
    key: 'occurredAt',
    label: 'Date',
    synonyms: ['occurred at', 'when', 'timestamp', 'sent at', 'activity date'],
    required: true,
  },
  { key: 'subject', label: 'Subject', synonyms: ['title', 'topic'] },
  { key: 'body', label: 'Body', synonyms: ['text', 'message', 'content', 'notes', 'description'] },
  {
    key: 'personEmails',
    label: 'People (emails)',
    synonyms: ['email', 'emails', 'contact email', 'participants', 'contacts'],
  },
  { key: 'personExternalIds', label: 'People (external IDs)', synonyms: ['contact ids', 'customer ids'] },
  { key: 'personIds', label: 'People (Rapport IDs)', synonyms: ['person ids'] },
  { key: 'companyDomain', label: 'Company domain', synonyms: ['domain', 'website'] },
  { key: 'companyId', label: 'Company (Rapport ID)', synonyms: ['rapport company id'] },
  {
    key: 'userEmails',
    label: 'Our people (emails)',
    synonyms: ['user', 'users', 'owner', 'agent', 'sales rep'],
  },
  { key: 'correctsId', label: 'Corrects (Rapport ID)', synonyms: ['corrects'] },
  { key: 'correctionReason', label: 'Correction reason', synonyms: ['reason'] },
];

export function interactionsSchema() {
  return z.object({
    id: text(100),
    externalId: text(200),
    channel: cell.required(choice(CHANNELS)),
    direction: cell.required(choice(DIRECTIONS)),
    occurredAt: cell.required(cell.dateTime()),
    subject: text(500),
    body: text(100_000),
    personEmails: emailList,
    personExternalIds: cell.list(),
    personIds: cell.list(),
    companyDomain: text(253),
    companyId: text(100),
    userEmails: emailList,
    correctsId: text(100),
    correctionReason: text(500),
  });
}

export type InteractionsRow = z.output<ReturnType<typeof interactionsSchema>>;

export const interactionsKind: Kind<InteractionsRow> = {
  name: 'interactions',
  fields: () => INTERACTION_FIELDS,
  schema: () => interactionsSchema() as unknown as z.ZodType<InteractionsRow>,
  async apply(ctx, rows) {
    const outcome = emptyOutcome();
    const users = await memberIdsByEmail(
      ctx,
      rows.flatMap((r) => r.value.userEmails ?? []),
    );
    // People are referenced, never created, by interaction rows: one lookup per distinct key.
    const refs = new Map<string, PersonRef & { field: string }>();
    let synthetic = -1;
    for (const { value } of rows) {
      for (const email of value.personEmails ?? [])
        refs.set(`e:${emailKey(email)}`, { line: synthetic--, email, field: 'personEmails' });
      for (const id of value.personExternalIds ?? [])
        refs.set(`x:${id}`, { line: synthetic--, externalId: id, field: 'personExternalIds' });
      for (const id of value.personIds ?? [])
        refs.set(`i:${id}`, { line: synthetic--, id, field: 'personIds' });
    }
    const people = await resolvePersonRefs(ctx, [...refs.values()], { create: false });
    const personOf = new Map([...refs].map(([key, ref]) => [key, people.idOfLine.get(ref.line)]));
    const companyRefs = rows.flatMap(({ line, value }) =>
      value.companyDomain || value.companyId
        ? [{ line, domain: value.companyDomain, id: value.companyId }]
        : [],
    );
    const companies = await resolveCompanyRefs(ctx, companyRefs, { create: false });
    const companyless = new Set(companies.problems.map((p) => p.line));
    for (const p of companies.problems)
      outcome.problems.push({ ...p, field: p.field === 'id' ? 'companyId' : 'companyDomain' });
    const ready: InteractionImportRow[] = [];
    for (const { line, value } of rows) {
      if (companyless.has(line)) continue;
      const personIds: string[] = [];
      let missing = false;
      const take = (key: string, field: string, shown: string) => {
        const id = personOf.get(key);
        if (id) personIds.push(id);
        else {
          missing = true;
          outcome.problems.push(
            problem(line, field, `no person ${shown} in this workspace; import people first`),
          );
        }
      };
      for (const email of value.personEmails ?? []) take(`e:${emailKey(email)}`, 'personEmails', email);
      for (const id of value.personExternalIds ?? []) take(`x:${id}`, 'personExternalIds', id);
      for (const id of value.personIds ?? []) take(`i:${id}`, 'personIds', id);
      const userIds: string[] = [];
      for (const email of value.userEmails ?? []) {
        const id = users.get(email);
        if (id) userIds.push(id);
        else {
          missing = true;
          outcome.problems.push(problem(line, 'userEmails', `${email} is not a user of this workspace`));
        }
      }
      const companyId = companies.idOfLine.get(line) ?? null;
      if (!missing && personIds.length === 0 && !companyId) {
        outcome.problems.push(
          problem(line, 'personEmails', 'an interaction needs at least one person or a company'),
        );
        continue;
      }
      if (missing) continue;
      ready.push({
        line,
        id: value.id,
        externalId: value.externalId,
        channel: value.channel,
        direction: value.direction,
        occurredAt: value.occurredAt,
        subject: value.subject,
        body: value.body,
        companyId,
        personIds,
        userIds,
        correctsId: value.correctsId,
        correctionReason: value.correctionReason,
      });
    }
    const written = await importInteractions(ctx, ready);
    outcome.created = written.created;
    outcome.unchanged = written.unchanged;
    outcome.problems.push(...written.problems);
    return outcome;
  },
};
