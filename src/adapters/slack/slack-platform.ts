import type { Config, SlackConfig } from "../../config.ts";
import { BriefingError } from "../../core/errors.ts";
import type { PlatformModule } from "../chat/platform-module.ts";
import { createSlackApp, SlackReplier } from "./index.ts";

function slackConfig(config: Config): SlackConfig {
  if (!config.slack) throw new BriefingError("CONFIG_INVALID", "SLACK_BOT_TOKEN is not set");
  return config.slack;
}

export const slackPlatform: PlatformModule = {
  platform: "slack",
  configured: (config) => config.slack !== undefined,
  replier(config, log) {
    const slack = slackConfig(config);
    return new SlackReplier({
      token: slack.botToken,
      ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
      log,
    });
  },
  async startAdapter({ config, questions, memory, digests, articleCount, log }) {
    const slack = slackConfig(config);
    const app = createSlackApp({
      botToken: slack.botToken,
      ...(slack.signingSecret ? { signingSecret: slack.signingSecret } : {}),
      ...(slack.appToken ? { appToken: slack.appToken } : {}),
      ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
      port: slack.port,
      questions,
      memory,
      digests,
      articleCount,
      log,
    });
    const { port } = await app.start();
    log(
      "slack_listening",
      app.mode === "http" ? { mode: "http", port, path: "/slack/events" } : { mode: "socket" },
    );
    return { name: "slack", stop: () => app.stop() };
  },
};
