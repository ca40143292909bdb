import type { AddressInfo } from "node:net";
import { App, type AppOptions, type CustomRoute, LogLevel } from "@slack/bolt";
import type { ScopeStore } from "../../core/channel-scope.ts";
import type {
  ConversationMemory,
  DigestSubscriptions,
  FeedFollowing,
  QuestionQueue,
  SlackTarget,
} from "../../core/chat.ts";
import { BriefingError } from "../../core/errors.ts";
import type { FeedbackStore } from "../../core/feedback/index.ts";
import { DEFAULT_FOLLOW_UP_IDLE_MS } from "../../flows/ask/follow-up.ts";
import { slackAssistant } from "./assistant.ts";
import { FEEDBACK_ACTIONS } from "./feedback-buttons.ts";
import { handleAppMention } from "./handle-app-mention.ts";
import { handleSlackFeedback } from "./handle-feedback.ts";
import { handleSlashCommand, type SlashCommandDependencies } from "./handle-slash-command.ts";
import { handleThreadReply } from "./handle-thread-reply.ts";
import { errorText, type SlackLog } from "./log.ts";
import { DEFAULT_COMMAND } from "./render-help.ts";
import { slackError } from "./slack-errors.ts";
import { logRateLimits, slackClientOptions } from "./slack-web-client.ts";
import { timedReceiver } from "./timed-receiver.ts";
import { SlackUserLanguages } from "./user-language.ts";

export interface SlackAppOptions {
  /** The Bot User OAuth Token (xoxb-…). */
  botToken: string;
  /** HTTP mode: Slack posts signed requests to `http://host:port/slack/events`. */
  signingSecret?: string;
  /** Socket Mode (xapp-…): the app opens a WebSocket to Slack, no public URL needed. Wins over HTTP mode. */
  appToken?: string;
  /** HTTP mode's port; 0 picks a free one (see `start()`). */
  port?: number;
  /** HTTP mode's listening address; all interfaces when unset. */
  host?: string;
  /** HTTP mode: more routes on the receiver's port (the operations endpoints); Socket Mode ignores them. */
  customRoutes?: CustomRoute[];
  /** Slack's Web API base URL; a loopback fake in tests. */
  apiUrl?: string;
  /** The slash command as configured in the manifest. */
  command?: string;
  questions: QuestionQueue;
  memory: ConversationMemory;
  /** Digest subscriptions (`/brief digest …`); refused with a reason when absent. */
  digests?: DigestSubscriptions;
  /** Followed feeds (`/brief follow …`, `unfollow`, `feeds`, `add`); refused with a reason when absent. */
  feeds?: FeedFollowing;
  /** Where 👍/👎 clicks on answers are recorded; clicks are acknowledged but not recorded when absent. */
  feedback?: FeedbackStore;
  /** How long after its last question a thread's untagged replies are still read as follow-ups (0: never). */
  followUpIdleMs?: number;
  /** Who may follow and unfollow feeds (SLACK_ADMIN_USERS); anyone when absent. */
  adminUsers?: readonly string[];
  /** `/brief scope` grants; refused with a reason when absent. */
  scopes?: ScopeStore;
  /** BRIEFBOT_SHARED (default true), for what `/brief scope` lists. */
  sharedVisible?: boolean;
  /** `/brief articles` and `/brief forget`; refused with a reason when absent. */
  articles?: SlashCommandDependencies["articles"];
  /** For "Searching N articles…"; the acknowledgement waits at most a quarter second for it. */
  articleCount(target?: SlackTarget): number | Promise<number>;
  now?(): number;
  log?: SlackLog;
  /** Bolt's own logging (to the console); warnings and errors by default. */
  logLevel?: LogLevel;
}

export interface SlackApp {
  readonly app: App;
  readonly mode: "http" | "socket";
  /** Checks the token (auth.test), then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<{ port: number | undefined }>;
  stop(): Promise<void>;
}

function receiverOptions(
  options: SlackAppOptions,
  logLevel: LogLevel,
  now: () => number,
): Pick<AppOptions, "socketMode" | "appToken" | "receiver"> {
  if (options.appToken) return { socketMode: true, appToken: options.appToken };
  if (!options.signingSecret) {
    throw new BriefingError(
      "CONFIG_INVALID",
      "Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)",
      { userText: true },
    );
  }
  return {
    receiver: timedReceiver({
      signingSecret: options.signingSecret,
      port: options.port ?? 3000,
      logLevel,
      now,
      ...(options.customRoutes ? { customRoutes: options.customRoutes } : {}),
    }),
  };
}

function listeningPort(server: unknown): number | undefined {
  if (typeof server !== "object" || server === null || !("address" in server)) return undefined;
  const address = (server as { address(): AddressInfo | string | null }).address();
  return typeof address === "object" && address !== null ? address.port : undefined;
}

/** The Bolt app: `/brief` and `app_mention` listeners that acknowledge, queue, and leave answering to workers. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const log = options.log ?? (() => {});
  const now = options.now ?? Date.now;
  const command = options.command ?? DEFAULT_COMMAND;
  const logLevel = options.logLevel ?? LogLevel.WARN;
  const app = new App({
    token: options.botToken,
    // The signing window is checked against the real clock, whatever clock the handlers are given.
    ...receiverOptions(options, logLevel, Date.now),
    clientOptions: slackClientOptions(options.apiUrl),
    logLevel,
    deferInitialization: true,
  });
  logRateLimits(app.client, log);

  const languages = new SlackUserLanguages(log);
  app.command(command, async ({ command: slash, ack, respond, client }) => {
    await handleSlashCommand(
      {
        triggerId: slash.trigger_id,
        teamId: slash.team_id,
        channelId: slash.channel_id,
        userId: slash.user_id,
        text: slash.text,
        responseUrl: slash.response_url || undefined,
        ack: async (reply) => await ack({ response_type: "ephemeral", ...reply }),
        respond: async (reply) => {
          await respond({ response_type: "ephemeral", ...reply });
        },
        language: async () => await languages.of(client, slash.user_id),
      },
      {
        questions: options.questions,
        articleCount: options.articleCount,
        now,
        log,
        command,
        ...(options.digests ? { digests: options.digests } : {}),
        ...(options.feeds ? { feeds: options.feeds } : {}),
        ...(options.adminUsers ? { adminUsers: options.adminUsers } : {}),
        ...(options.scopes ? { scopes: options.scopes } : {}),
        ...(options.sharedVisible === undefined ? {} : { sharedVisible: options.sharedVisible }),
        ...(options.articles ? { articles: options.articles } : {}),
      },
    );
  });

  // Before the `message` listener: Bolt hands a direct message in a thread (the agent view) to the Assistant alone.
  app.assistant(
    slackAssistant({
      questions: options.questions,
      memory: options.memory,
      now,
      log,
      idleMs: options.followUpIdleMs ?? DEFAULT_FOLLOW_UP_IDLE_MS,
      command,
    }),
  );

  app.event("message", async ({ event, body, context }) => {
    const message = event as unknown as Record<string, unknown>;
    const text = (key: string) => (typeof message[key] === "string" ? (message[key] as string) : undefined);
    const channelId = text("channel");
    const ts = text("ts");
    if (!channelId || !ts) return;
    await handleThreadReply(
      {
        eventId: body.event_id,
        teamId: body.team_id,
        channelId,
        userId: text("user"),
        botId: text("bot_id"),
        subtype: text("subtype"),
        channelType: text("channel_type"),
        text: text("text") ?? "",
        ts,
        threadTs: text("thread_ts"),
      },
      {
        botUserId: context.botUserId,
        questions: options.questions,
        memory: options.memory,
        now,
        log,
        idleMs: options.followUpIdleMs ?? DEFAULT_FOLLOW_UP_IDLE_MS,
      },
    );
  });

  app.event("app_mention", async ({ event, body, context, client }) => {
    await handleAppMention(
      {
        eventId: body.event_id,
        teamId: body.team_id,
        channelId: event.channel,
        userId: event.user,
        botId: event.bot_id,
        text: event.text,
        ts: event.ts,
        threadTs: event.thread_ts,
        tellAuthor: async (message) => {
          await client.chat.postEphemeral({
            channel: event.channel,
            user: event.user ?? "",
            ...message,
            thread_ts: event.thread_ts ?? event.ts,
          });
        },
      },
      {
        botUserId: context.botUserId,
        questions: options.questions,
        memory: options.memory,
        now,
        log,
        command,
      },
    );
  });

  app.action(
    { type: "block_actions", action_id: new RegExp(`^(${Object.values(FEEDBACK_ACTIONS).join("|")})$`) },
    async ({ ack, body, action, respond }) => {
      await handleSlackFeedback(
        {
          actionId: action.action_id,
          value: action.type === "button" ? (action.value ?? "") : "",
          teamId: body.team?.id ?? body.user.team_id,
          channelId: body.channel?.id ?? body.container?.channel_id,
          userId: body.user.id,
          ack: async () => await ack(),
          tellClicker: async (text) => {
            await respond({ response_type: "ephemeral", replace_original: false, text });
          },
        },
        { feedback: options.feedback, log, now },
      );
    },
  );

  app.error(async (error) => {
    log("slack_app_error", { error: errorText(error) });
  });

  return {
    app,
    mode: options.appToken ? "socket" : "http",
    async start() {
      try {
        await app.init();
      } catch (error) {
        const cause = slackError(error, "auth.test");
        if (cause.code !== "PLATFORM_REJECTED") throw cause;
        throw new BriefingError("CONFIG_INVALID", `Slack did not accept SLACK_BOT_TOKEN: ${cause.message}`, {
          cause,
        });
      }
      const server: unknown = options.appToken
        ? await app.start()
        : await app.start(
            options.host ? { port: options.port ?? 3000, host: options.host } : (options.port ?? 3000),
          );
      return { port: listeningPort(server) };
    },
    async stop() {
      await app.stop();
    },
  };
}
