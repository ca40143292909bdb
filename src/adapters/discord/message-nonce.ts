import { createHash } from "node:crypto";
import { DISCORD_LIMITS } from "./limits.ts";
import type { DiscordMessagePayload } from "./payload.ts";

/**
 * The same part of the same answer for the same question message gives the same nonce, so with
 * `enforce_nonce` Discord returns the message already posted instead of posting it again (the window
 * between posting and recording it). The replier is not told the job id; the message replied to stands for it.
 */
export function messageNonce(
  channelId: string,
  replyToMessageId: string | undefined,
  part: number,
  payload: DiscordMessagePayload,
): string {
  return createHash("sha256")
    .update(JSON.stringify([channelId, replyToMessageId ?? "", part, payload]))
    .digest("hex")
    .slice(0, DISCORD_LIMITS.nonce);
}
