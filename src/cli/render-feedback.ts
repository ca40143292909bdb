import type { FeedbackReport, VoteCounts } from "../core/feedback/index.ts";
import type { Palette } from "./render-terminal.ts";

function counts({ up, down }: VoteCounts): string {
  return `👍 ${up} · 👎 ${down}`;
}

/** `feedback`: the votes on answers in chat, and the answers rated worst. */
export function renderFeedback(report: FeedbackReport, colors: Palette): string {
  const window = report.since ? `since ${report.since}` : "all stored votes";
  const head = `${colors.bold("Feedback")} (${window}): ${counts(report.total)}`;
  const platforms = `  Slack ${counts(report.byPlatform.slack)}   Discord ${counts(report.byPlatform.discord)}`;
  if (report.worst.length === 0) return `${head}\n${platforms}\nNo answer has a 👎.`;
  const worst = report.worst.map((rated, index) => {
    const sources = rated.sourceIds.length > 0 ? rated.sourceIds.join(", ") : "no sources";
    return `${index + 1}. ${rated.question}\n   ${counts(rated)} · ${rated.platform} · ${colors.dim(sources)}`;
  });
  return [head, platforms, colors.bold("Worst rated:"), ...worst].join("\n");
}
