import { Assistant } from "@slack/bolt";
import { type InterfaceLanguage, message } from "../../core/i18n/messages.ts";
import { type AssistantMessageDependencies, handleAssistantMessage } from "./assistant-message.ts";
import { errorText, type SlackLog } from "./log.ts";
import { SlackUserLanguages } from "./user-language.ts";

/** What a new assistant thread opens with, in the user's language (their Slack locale). */
export function assistantGreeting(language: InterfaceLanguage): string {
  return message(language, "assistantGreeting");
}

/** Three short example questions, shown as buttons when the thread opens; a click asks it. */
export function assistantPrompts(language: InterfaceLanguage): Array<{ title: string; message: string }> {
  return [
    { title: message(language, "promptNewsTitle"), message: message(language, "promptNewsMessage") },
    { title: message(language, "promptWhoTitle"), message: message(language, "promptWhoMessage") },
    { title: message(language, "promptFiguresTitle"), message: message(language, "promptFiguresMessage") },
  ];
}

/** The English greeting and prompts: the manifest's suggested prompts, and what anyone else gets. */
export const ASSISTANT_GREETING = assistantGreeting("en");
export const ASSISTANT_PROMPTS = assistantPrompts("en");

/**
 * Slack's agent view (the side container) as a Bolt Assistant: a new thread gets a greeting and suggested
 * prompts, a message in it is a question queued for the worker, which streams the answer. Bolt sends every
 * direct message in a thread here (and no further), so the app's `message` listener does not see it too.
 */
export function slackAssistant(dependencies: Omit<AssistantMessageDependencies, "botUserId">): Assistant {
  const { log } = dependencies;
  const languages = new SlackUserLanguages(log);
  return new Assistant({
    // The thread's context (the channel the user is viewing) is not used: answers draw on what direct messages see.
    threadContextStore: { get: async () => ({}), save: async () => {} },
    threadStarted: async ({ event, client, setSuggestedPrompts }) => {
      const { channel_id: channel, thread_ts: threadTs, user_id: userId } = event.assistant_thread;
      // Nothing is written yet to tell the language by: the user's Slack locale says it.
      const language = await languages.of(client, userId);
      await greet(log, channel, async () => {
        await client.chat.postMessage({ channel, thread_ts: threadTs, text: assistantGreeting(language) });
        await setSuggestedPrompts({ prompts: assistantPrompts(language) });
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
