import type { DeliveryRecord } from "../../../src/core/chat.ts";
import type { PartPoster } from "../../../src/flows/deliver/deliver-parts.ts";

/** What the in-memory platform was asked to do, in order. */
export type PosterCall =
  | { kind: "post"; part: string; index: number; postedBefore: number }
  | { kind: "replace"; placeholderId: string; part: string };

/**
 * A PartPoster over an in-memory channel: message ids "m1", "m2", …; placeholders are edited in `messages`.
 * Failures are scripted per part; a placeholder not in `messages` is gone.
 */
export class MemoryPoster implements PartPoster<string> {
  readonly platform = "slack" as const;
  readonly calls: PosterCall[] = [];
  readonly messages = new Map<string, string>();
  /** Throw this when asked to post the part at this index (once). */
  readonly failBefore = new Map<number, Error>();
  /** Placeholders that take no part here (like a Discord interaction's deferred reply). */
  readonly passOver = new Set<string>();
  #next = 1;

  async replacePlaceholder(placeholderId: string, part: string): Promise<string | undefined> {
    this.calls.push({ kind: "replace", placeholderId, part });
    if (this.passOver.has(placeholderId)) return undefined;
    if (!this.messages.has(placeholderId)) throw new GoneError(placeholderId);
    this.messages.set(placeholderId, part);
    return placeholderId;
  }

  placeholderGone(error: unknown): boolean {
    return error instanceof GoneError;
  }

  async post(part: string, index: number, posted: Readonly<DeliveryRecord>): Promise<string> {
    this.calls.push({ kind: "post", part, index, postedBefore: posted.partsPosted });
    const failure = this.failBefore.get(index);
    if (failure) {
      this.failBefore.delete(index);
      throw failure;
    }
    const id = `m${this.#next++}`;
    this.messages.set(id, part);
    return id;
  }
}

export class GoneError extends Error {
  constructor(id: string) {
    super(`message ${id} is gone`);
  }
}
