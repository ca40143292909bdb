import { BriefingError } from "../../core/errors.ts";

export interface PolitenessOptions {
  /** Requests to one host at a time. */
  perHostConcurrency: number;
  /** The least time between the starts of two requests to one host. */
  perHostIntervalMs: number;
  /** Requests at a time over all hosts. */
  globalConcurrency: number;
}

/** Gives back the slot taken by acquire(); calling it again does nothing. */
export type Release = () => void;

interface Waiter {
  resolve: (release: Release) => void;
  reject: (error: BriefingError) => void;
}

interface HostState {
  active: number;
  /** No request to this host starts before this time (ms since the epoch). */
  nextStart: number;
  /** The host asked us (Retry-After) to stay away until this time. */
  blockedUntil: number;
  waiting: Waiter[];
}

/**
 * Politeness towards publishers: per host at most `perHostConcurrency` requests at once and
 * `perHostIntervalMs` between request starts, at most `globalConcurrency` overall, first come first served
 * per host. A host that answered with Retry-After is not asked again before that time: acquire() fails at
 * once, with the time left.
 */
export class HostQueue {
  readonly #options: PolitenessOptions;
  readonly #hosts = new Map<string, HostState>();
  #active = 0;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  constructor(options: PolitenessOptions) {
    this.#options = options;
  }

  /** Waits for a slot for this host; rejects with FETCH_FAILED (retryAfterMs set) while it is blocked. */
  acquire(host: string): Promise<Release> {
    const state = this.#state(host);
    const blocked = blockedError(host, state, Date.now());
    if (blocked) return Promise.reject(blocked);
    return new Promise<Release>((resolve, reject) => {
      state.waiting.push({ resolve, reject });
      this.#pump();
    });
  }

  /** The host asked us to wait: nothing more is sent to it before `untilMs`. */
  block(host: string, untilMs: number): void {
    const state = this.#state(host);
    state.blockedUntil = Math.max(state.blockedUntil, untilMs);
    this.#pump();
  }

  /** Fails whatever still waits; for shutting down. */
  close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const [host, state] of this.#hosts) {
      for (const waiter of state.waiting.splice(0)) {
        waiter.reject(new BriefingError("FETCH_FAILED", `the fetcher was closed before ${host} was asked`));
      }
    }
  }

  #state(host: string): HostState {
    let state = this.#hosts.get(host);
    if (!state) {
      state = { active: 0, nextStart: 0, blockedUntil: 0, waiting: [] };
      this.#hosts.set(host, state);
    }
    return state;
  }

  #pump(): void {
    const now = Date.now();
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const [host, state] of this.#hosts) {
      const blocked = state.waiting.length > 0 ? blockedError(host, state, now) : undefined;
      if (blocked) for (const waiter of state.waiting.splice(0)) waiter.reject(blocked);
      while (
        state.waiting.length > 0 &&
        state.active < this.#options.perHostConcurrency &&
        this.#active < this.#options.globalConcurrency
      ) {
        if (now < state.nextStart) {
          wakeAt = Math.min(wakeAt, state.nextStart);
          break;
        }
        const waiter = state.waiting.shift();
        if (!waiter) break;
        state.active++;
        this.#active++;
        state.nextStart = now + this.#options.perHostIntervalMs;
        waiter.resolve(this.#release(state));
      }
      const idle = state.active === 0 && state.waiting.length === 0;
      if (idle && state.nextStart <= now && state.blockedUntil <= now) this.#hosts.delete(host);
    }
    this.#wakeAt(wakeAt, now);
  }

  #release(state: HostState): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.active--;
      this.#active--;
      this.#pump();
    };
  }

  #wakeAt(at: number, now: number): void {
    if (at === this.#timerAt) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = at;
    if (at === Number.POSITIVE_INFINITY) return;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Number.POSITIVE_INFINITY;
        this.#pump();
      },
      Math.max(0, at - now),
    );
  }
}

function blockedError(host: string, state: HostState, now: number): BriefingError | undefined {
  if (state.blockedUntil <= now) return undefined;
  const retryAfterMs = state.blockedUntil - now;
  return new BriefingError(
    "FETCH_FAILED",
    `not asking ${host} again yet: it asked us to wait another ${Math.ceil(retryAfterMs / 1_000)} s`,
    { location: host, retryAfterMs, userText: "The site asked us to wait before fetching from it again" },
  );
}
