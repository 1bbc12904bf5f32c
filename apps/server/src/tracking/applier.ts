import { applyPendingEvents, type Clock, type Db, workspacesWithPending } from '@rapport/core';

/** How often a process looks for pending events it was not told about (another process's, or left by a crash). */
const SWEEP_MS = 5000;
/** How long a kicked workspace gathers messages before they are applied together (RAPPORT_TRACKING_GATHER_MS). */
const GATHER_MS = Number(process.env.RAPPORT_TRACKING_GATHER_MS ?? 500);

/**
 * Applies what tracked messages mean after their request has answered: a request that stored
 * pending events kicks its workspace; 500 ms later the workspace's pending events are applied in
 * chunks (so that one chunk carries many requests' messages and their statements are shared),
 * one drain at a time per workspace (kicks during a drain make it go round once more). Every few
 * seconds it also looks for pending events of any workspace, so nothing stays pending after a
 * crash or when another process was busy with the workspace.
 */
export class TrackingApplier {
  private readonly draining = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly gathering = new Map<string, NodeJS.Timeout>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  kick(workspaceId: string): void {
    if (this.stopped) return;
    this.timer ??= setInterval(() => this.sweep(), SWEEP_MS).unref();
    if (this.draining.has(workspaceId)) {
      this.again.add(workspaceId);
      return;
    }
    if (this.gathering.has(workspaceId)) return;
    // Messages keep coming: wait a moment so that one chunk applies many requests' messages.
    const wait = setTimeout(() => this.drain(workspaceId), GATHER_MS);
    this.gathering.set(workspaceId, wait);
  }

  private drain(workspaceId: string): void {
    const wait = this.gathering.get(workspaceId);
    if (wait) clearTimeout(wait);
    this.gathering.delete(workspaceId);
    if (this.draining.has(workspaceId)) return;
    const drain = (async () => {
      let busy = false;
      do {
        this.again.delete(workspaceId);
        busy = (await applyPendingEvents(this.db, workspaceId, this.clock)).busy;
      } while (this.again.has(workspaceId) && !busy && !this.stopped);
      // Another process holds the workspace: what this one stored may come after that process's
      // last look, so look again in a moment (the kick gathers, then drains).
      if (busy) setTimeout(() => this.kick(workspaceId), GATHER_MS).unref();
    })()
      .catch((error: unknown) => {
        if (!this.stopped) console.error('tracking: applying pending events failed', error);
      })
      .finally(() => this.draining.delete(workspaceId));
    this.draining.set(workspaceId, drain);
  }

  /** Kicks every workspace that has pending events. */
  async sweep(): Promise<void> {
    try {
      for (const workspaceId of await workspacesWithPending(this.db.kysely)) this.kick(workspaceId);
    } catch (error) {
      if (!this.stopped) console.error('tracking: looking for pending events failed', error);
    }
  }

  /** Resolves once nothing is being applied (what was pending when called has been applied). */
  async idle(): Promise<void> {
    for (const workspaceId of [...this.gathering.keys()]) this.drain(workspaceId);
    while (this.draining.size) await Promise.all(this.draining.values());
  }

  /** Takes no more work and waits for the running drains. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.idle();
  }
}

const appliers = new WeakMap<Db, TrackingApplier>();

/** The applier of a database (one per process and database). */
export function trackingApplier(db: Db, clock: Clock): TrackingApplier {
  let applier = appliers.get(db);
  if (!applier) {
    applier = new TrackingApplier(db, clock);
    appliers.set(db, applier);
  }
  return applier;
}

/** Waits until tracked messages received so far have taken effect (tests, shutdown). */
export function trackingSettled(db: Db): Promise<void> {
  return appliers.get(db)?.idle() ?? Promise.resolve();
}

/** Stops applying (before the database closes); what is left pending is applied by the next start. */
export async function stopTracking(db: Db): Promise<void> {
  await appliers.get(db)?.stop();
  appliers.delete(db);
}

/** At start: applies what a previous process left pending (killed before it was applied). */
export function resumeTracking(db: Db, clock: Clock): Promise<void> {
  return trackingApplier(db, clock).sweep();
}
