import type { ReplyTarget } from "../../core/chat.ts";
import type { AnsweredQuestion } from "../../core/feedback/index.ts";
import type { Answer } from "../../core/types.ts";

/** What a vote on this answer will be recorded with: the question as asked, the cited articles, the place. */
export function answeredQuestion(
  jobId: string,
  question: string,
  answer: Answer,
  target: ReplyTarget,
  answeredAt: number,
): AnsweredQuestion {
  const tenantId = target.platform === "slack" ? target.teamId : target.guildId;
  return {
    jobId,
    question,
    sourceIds: [...new Set(answer.sources.map((source) => source.articleId))],
    platform: target.platform,
    ...(tenantId ? { tenantId } : {}),
    channelId: target.channelId,
    answeredAt,
  };
}
