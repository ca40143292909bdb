import { Assistant } from "@slack/bolt";
import { type AssistantMessageDependencies, handleAssistantMessage } from "./assistant-message.ts";
import { errorText, type SlackLog } from "./log.ts";

/** What a new assistant thread opens with: nothing is known yet of the asker's language, so English. */
export const ASSISTANT_GREETING =
  "Hi! Ask me about the articles your team follows: I answer with the passages that say it, in English, Dutch or French.";

/** Three short example questions, shown as buttons when the thread opens; a click asks it. */
export const ASSISTANT_PROMPTS = [
  { title: "What's new?", message: "What do the latest articles report?" },
  { title: "Who is involved?", message: "Which organisations do the articles name?" },
  { title: "Key figures", message: "What figures do the articles give?" },
] as const;

/**
 * Slack's agent view (the side container) as a Bolt Assistant: a new thread gets a greeting and suggested
 * prompts, a message in it is a question queued for the worker, which streams the answer. Bolt sends every
 * direct message in a thread here (and no further), so the app's `message` listener does not see it too.
 */
export function slackAssistant(dependencies: Omit<AssistantMessageDependencies, "botUserId">): Assistant {
  const { log } = dependencies;
  return new Assistant({
    // The thread's context (the channel the user is viewing) is not used: answers draw on what direct messages see.
    threadContextStore: { get: async () => ({}), save: async () => {} },
    threadStarted: async ({ event, client, setSuggestedPrompts }) => {
      const { channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
      await greet(log, channel, async () => {
        await client.chat.postMessage({ channel, thread_ts: threadTs, text: ASSISTANT_GREETING });
        await setSuggestedPrompts({ prompts: [...ASSISTANT_PROMPTS] });
      });
    },
    threadContextChanged: async () => {},
    userMessage: async ({ message, body, context, client, setStatus }) => {
      const event = message as unknown as Record<string, unknown>;
      const text = (key: string) => (typeof event[key] === "string" ? (event[key] as string) : undefined);
      const channelId = text("channel");
      const threadTs = text("thread_ts");
      const ts = text("ts");
      if (!channelId || !threadTs || !ts || text("subtype")) return;
      await handleAssistantMessage(
        {
          eventId: body.event_id,
          teamId: body.team_id,
          channelId,
          threadTs,
          userId: text("user"),
          botId: text("bot_id"),
          text: text("text") ?? "",
          ts,
          reply: async (reply) => {
            await client.chat.postMessage({ channel: channelId, thread_ts: threadTs, ...reply });
          },
          setStatus: async (status) => {
            await setStatus(status);
          },
        },
        { ...dependencies, botUserId: context.botUserId },
      );
    },
  });
}

async function greet(log: SlackLog, channelId: string, send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (error) {
    log("slack_assistant_greeting_failed", { channelId, error: errorText(error) });
  }
}
