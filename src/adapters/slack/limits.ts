/** Slack's limits for one message, with a margin where Slack's own figure is approximate. */
export const SLACK_LIMITS = {
  /** A section's (or a context element's) mrkdwn text. */
  sectionText: 3_000,
  blocksPerMessage: 50,
  /** Slack rejects messages near 13,000 characters of block text (msg_too_long); stay well under it. */
  blockTextPerMessage: 12_000,
  /** The top-level `text`: only the notification and screen-reader fallback when blocks are present. */
  fallbackText: 1_000,
  /** What a question may be, in characters. */
  question: 1_000,
} as const;
