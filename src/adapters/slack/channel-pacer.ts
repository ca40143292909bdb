/**
 * Spaces posts to the same channel (Slack allows about one message per second per channel), within this
 * process. Workers on other machines are not coordinated: a 429 from Slack still goes back to the queue.
 */
export class ChannelPacer {
  readonly #intervalMs: number;
  readonly #nextSlot = new Map<string, number>();

  constructor(intervalMs: number) {
    this.#intervalMs = intervalMs;
  }

  async wait(channelId: string): Promise<void> {
    if (this.#intervalMs <= 0) return;
    const now = Date.now();
    const slot = Math.max(now, this.#nextSlot.get(channelId) ?? 0);
    this.#nextSlot.set(channelId, slot + this.#intervalMs);
    this.#forgetIdleChannels(now);
    if (slot > now) await new Promise((wake) => setTimeout(wake, slot - now));
  }

  #forgetIdleChannels(now: number): void {
    if (this.#nextSlot.size < 1_000) return;
    for (const [channel, slot] of this.#nextSlot) if (slot < now) this.#nextSlot.delete(channel);
  }
}
