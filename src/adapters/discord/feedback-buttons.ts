import type { Vote } from "../../core/feedback/index.ts";
import type { DiscordActionRow, DiscordMessagePayload } from "./payload.ts";

/** Discord's limit on a component's custom_id. */
const CUSTOM_ID_LIMIT = 100;
const PREFIX = "briefbot-feedback";

/** The button's custom_id: "briefbot-feedback:up:<job id>". */
export function feedbackCustomId(vote: Vote, jobId: string): string {
  return `${PREFIX}:${vote}:${jobId}`;
}

/** The vote and job id a button's custom_id carries; undefined for any other component. */
export function parseFeedbackCustomId(customId: string): { vote: Vote; jobId: string } | undefined {
  const [prefix, vote, ...rest] = customId.split(":");
  if (prefix !== PREFIX || (vote !== "up" && vote !== "down") || rest.length === 0) return undefined;
  return { vote, jobId: rest.join(":") };
}

/** 👍 / 👎 under an answer; undefined when the job id does not fit in a custom_id. */
export function feedbackRow(jobId: string): DiscordActionRow | undefined {
  if (jobId.length === 0 || feedbackCustomId("down", jobId).length > CUSTOM_ID_LIMIT) return undefined;
  const button = (vote: Vote, emoji: string, label: string) => ({
    type: 2 as const,
    style: 2 as const,
    custom_id: feedbackCustomId(vote, jobId),
    label,
    emoji: { name: emoji },
  });
  return { type: 1, components: [button("up", "👍", "Helpful"), button("down", "👎", "Not helpful")] };
}

/** The parts with the buttons on the last one. */
export function withFeedbackRow(
  parts: DiscordMessagePayload[],
  jobId: string | undefined,
): DiscordMessagePayload[] {
  const row = jobId === undefined ? undefined : feedbackRow(jobId);
  const last = parts.at(-1);
  if (!row || !last) return parts;
  return [...parts.slice(0, -1), { ...last, components: [row] }];
}
