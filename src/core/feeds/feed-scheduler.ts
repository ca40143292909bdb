/** Each followed feed's recurring poll. Implemented over BullMQ job schedulers in src/queue. */
export interface FeedScheduler {
  /** Creates or updates the feed's scheduler (idempotent: one per feed, however many processes ask). */
  schedule(url: string): Promise<void>;
  unschedule(url: string): Promise<void>;
}
