import { sql } from 'kysely';
import { loadDefinitions } from '../custom-fields/custom-fields.service.ts';
import type { IdentityLink } from '../people/people.service.ts';
import { identityKey } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { fromDbError } from '../shared/db-errors.ts';
import { AppError } from '../shared/errors.ts';
import type { TrackingSource } from '../sources/sources.service.ts';
import type { Message, Rejection } from './tracking.schema.ts';
import { TraitProblem } from './tracking.traits.ts';

type Definitions = Awaited<ReturnType<typeof loadDefinitions>>;

/** The state of one request's ingestion, shared by its steps. */
export class Run {
  /** `identityKey(kind, id)` → person, for the ids of this request (updated as identifies and aliases link them). */
  readonly known = new Map<string, string>();
  readonly rejected: Rejection[] = [];
  /** Ids linked to people during this request: events sent under them are attached at the end. */
  readonly links: IdentityLink[] = [];
  /** The stored event id of each message. */
  readonly eventIdOf = new Map<Message, string>();
  private readonly definitions = new Map<'person' | 'company', Promise<Definitions>>();

  constructor(
    readonly ctx: Ctx,
    readonly source: TrackingSource,
  ) {}

  /** The person a message is about: its user id's, else its device's. */
  personOf(m: Message): string | null {
    return (
      (m.userId ? this.known.get(identityKey('user', m.userId)) : undefined) ??
      (m.anonymousId ? this.known.get(identityKey('anonymous', m.anonymousId)) : undefined) ??
      null
    );
  }

  /** `value` names `personId` from now on; events sent under it are attached at the end (if it is news). */
  link(kind: IdentityLink['kind'], value: string | null, personId: string) {
    if (!value) return;
    const key = identityKey(kind, value);
    if (this.known.get(key) === personId) return;
    this.known.set(key, personId);
    this.links.push({ kind, value, personId });
  }

  reject(m: Message, path: string, message: string) {
    this.rejected.push({
      index: m.index,
      messageId: m.messageId,
      path: m.path ? `${m.path}.${path}` : path,
      message,
    });
  }

  /** The workspace's custom field definitions of an entity, read once per request. */
  defs(entity: 'person' | 'company'): Promise<Definitions> {
    let defs = this.definitions.get(entity);
    if (!defs) {
      defs = loadDefinitions(this.ctx, entity);
      this.definitions.set(entity, defs);
    }
    return defs;
  }

  /**
   * Runs one message's effects in a savepoint: if they fail, nothing of them stays and the
   * message is rejected with the path of the problem (`pathOf` turns a service's field path into
   * the message's). A unique violation is tried once more: a concurrent request created the same
   * record, which is now there to be found. Without a message, a failure only answers false.
   */
  async guarded(
    m: Message | null,
    fn: () => Promise<void>,
    pathOf = (path: string) => path,
  ): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      await sql`savepoint tracking_effect`.execute(this.ctx.db);
      try {
        await fn();
        await sql`release savepoint tracking_effect`.execute(this.ctx.db);
        return true;
      } catch (error) {
        await sql`rollback to savepoint tracking_effect`.execute(this.ctx.db);
        await sql`release savepoint tracking_effect`.execute(this.ctx.db);
        if ((error as { code?: unknown }).code === '23505' && attempt === 0) continue;
        if (m) this.rejectFor(m, error, pathOf);
        return false;
      }
    }
  }

  private rejectFor(m: Message, error: unknown, pathOf: (path: string) => string) {
    if (error instanceof TraitProblem) return this.reject(m, error.path, error.message);
    const known = error instanceof AppError ? error : fromDbError(error);
    if (known) {
      const detail = known.details[0];
      return this.reject(m, pathOf(detail?.path ?? '(message)'), detail?.message ?? known.message);
    }
    console.error(error);
    this.reject(m, '(message)', 'could not be stored: an internal error (logged)');
  }
}
