import type { FeedPollState } from "./feed-store.ts";

export type FeedStatus = "ok" | "failing" | "new";

export function feedStatus(state: FeedPollState): FeedStatus {
  if (state.consecutiveFailures > 0) return "failing";
  return state.lastPolledAt === undefined ? "new" : "ok";
}
