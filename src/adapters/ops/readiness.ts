/** What readiness asks of a running process; each call is bounded by the readiness timeout. */
export interface ReadinessProbes {
  /** Redis answers (PING). */
  redis(): Promise<unknown>;
  /** The queue answers a cheap call. */
  queue(): Promise<unknown>;
  /** The store's current sequence. */
  storeSequence(): Promise<number>;
  /** The sequence the in-memory index is synced to; undefined until its first sync is done. */
  syncedSequence(): number | undefined;
}

/** The body of /readyz. */
export interface ReadinessReport {
  ready: boolean;
  reasons: string[];
  syncedSequence?: number;
  storeSequence?: number;
}

export interface ReadinessOptions {
  /** How long each check may take before it counts as failed (Redis may be reconnecting for ever). */
  timeoutMs?: number;
  /**
   * How long the index may trail the store before readiness fails: a fresh ingest is picked up by the next
   * background sync, so readiness does not flap after every ingest; a sync that is stuck still shows.
   */
  lagToleranceMs?: number;
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 1_000;
const DEFAULT_LAG_TOLERANCE_MS = 15_000;

async function within<T>(operation: () => Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([operation(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function reason(what: string, error: unknown): string {
  return `${what}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Whether the process should get traffic: not while it starts (until its probes are watched) or stops, and
 * only while Redis and the queue answer and the index has loaded and keeps up with the store.
 */
export class Readiness {
  readonly #timeoutMs: number;
  readonly #lagToleranceMs: number;
  readonly #now: () => number;
  #probes: ReadinessProbes | undefined;
  #started = false;
  #stopping = false;
  /** Since when the index has trailed the store without moving (undefined: it has not, as the last check saw). */
  #behind: { since: number; synced: number } | undefined;

  constructor(options: ReadinessOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#lagToleranceMs = options.lagToleranceMs ?? DEFAULT_LAG_TOLERANCE_MS;
    this.#now = options.now ?? Date.now;
  }

  /** From now on readiness reflects these probes (before: "starting"). */
  watch(probes: ReadinessProbes): void {
    this.#probes = probes;
  }

  /** Everything the process runs has started: until then readiness fails with "starting". */
  started(): void {
    this.#started = true;
  }

  /** Readiness fails at once and for good: the process is shutting down. */
  stop(): void {
    this.#stopping = true;
  }

  get stopping(): boolean {
    return this.#stopping;
  }

  async report(): Promise<ReadinessReport> {
    if (this.#stopping) return { ready: false, reasons: ["stopping"] };
    const probes = this.#probes;
    if (!probes) return { ready: false, reasons: ["starting"] };
    const timeout = this.#timeoutMs;
    const [redis, queue, store] = await Promise.allSettled([
      within(() => probes.redis(), timeout, "Redis"),
      within(() => probes.queue(), timeout, "the queue"),
      within(() => probes.storeSequence(), timeout, "the store"),
    ]);
    const reasons: string[] = [];
    if (redis.status === "rejected") reasons.push(reason("redis", redis.reason));
    if (queue.status === "rejected") reasons.push(reason("queue", queue.reason));
    if (store.status === "rejected" && redis.status === "fulfilled")
      reasons.push(reason("store", store.reason));
    const storeSequence = store.status === "fulfilled" ? store.value : undefined;
    const syncedSequence = probes.syncedSequence();
    const index = this.#indexReason(syncedSequence, storeSequence);
    if (index) reasons.push(index);
    if (!this.#started) reasons.push("starting");
    if (this.#stopping) return { ready: false, reasons: ["stopping"] };
    return {
      ready: reasons.length === 0,
      reasons,
      ...(syncedSequence === undefined ? {} : { syncedSequence }),
      ...(storeSequence === undefined ? {} : { storeSequence }),
    };
  }

  #indexReason(synced: number | undefined, store: number | undefined): string | undefined {
    if (synced === undefined) return "index: not loaded yet";
    if (store === undefined || synced >= store) {
      if (store !== undefined) this.#behind = undefined;
      return undefined;
    }
    const now = this.#now();
    // An index that moves is keeping up with a busy store; one that stays put is stuck.
    if (this.#behind?.synced !== synced) this.#behind = { since: now, synced };
    const behindMs = now - this.#behind.since;
    if (behindMs <= this.#lagToleranceMs) return undefined;
    return `index: synced to ${synced} of the store's ${store} for ${Math.round(behindMs / 1000)} s`;
  }
}
