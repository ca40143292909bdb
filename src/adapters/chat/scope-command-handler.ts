import {
  channelCollection,
  grantableCollection,
  type ScopeStore,
  scopeKey,
} from "../../core/channel-scope.ts";
import type { ReplyTarget } from "../../core/chat.ts";
import { SHARED_COLLECTION } from "../../core/collections.ts";
import { isBriefingError } from "../../core/errors.ts";
import { type InterfaceLanguage, message } from "../../core/i18n/messages.ts";

export type ScopeCommand = { action: "show" } | { action: "add" | "remove"; collection: string };

export interface ScopeCommandContext {
  scopes: ScopeStore;
  /** The channel whose scope it is. */
  channel: ReplyTarget;
  /** BRIEFBOT_SHARED. */
  sharedVisible: boolean;
  /** Whether this person may change what the channel sees (like changing its feeds). */
  mayChange: boolean;
  /** Who may, for the refusal. */
  whoMayChange: string;
  /** The language of the reply (English without one). */
  language?: InterfaceLanguage | undefined;
}

const COMMAND = /^\s*scope\s*$|^\s*scope\s+(add|remove)\s+(\S+)\s*$/iu;

/** `scope`, `scope add <collection>`, `scope remove <collection>`; anything else after `scope` is a question. */
export function splitScopeCommand(text: string): ScopeCommand | undefined {
  const match = COMMAND.exec(text);
  if (!match) return undefined;
  const action = match[1]?.toLowerCase();
  const collection = match[2];
  if (action === undefined || collection === undefined) return { action: "show" };
  return { action: action === "add" ? "add" : "remove", collection };
}

/** Runs a scope command and returns what to tell the person who typed it (errors included). */
export async function handleScopeCommand(
  command: ScopeCommand,
  context: ScopeCommandContext,
): Promise<string> {
  try {
    return await execute(command, context);
  } catch (error) {
    if (isBriefingError(error)) return error.userMessage(context.language);
    throw error;
  }
}

async function execute(command: ScopeCommand, context: ScopeCommandContext): Promise<string> {
  const own = channelCollection(context.channel);
  const key = scopeKey(context.channel);
  const language = context.language ?? "en";
  if (command.action === "show")
    return describe(own, await context.scopes.granted(key), context.sharedVisible, language);
  if (!context.mayChange) return message(language, "scopeOnlyWho", context.whoMayChange);
  const collection = grantableCollection(command.collection, context.channel);
  if (command.action === "add") {
    const added = await context.scopes.grant(key, collection);
    return message(language, added ? "scopeAdded" : "scopeAlreadySees", collection);
  }
  const removed = await context.scopes.revoke(key, collection);
  return message(language, removed ? "scopeRemoved" : "scopeNotGranted", collection);
}

function describe(
  own: string,
  granted: readonly string[],
  sharedVisible: boolean,
  language: InterfaceLanguage,
): string {
  const seen = [
    ...(sharedVisible ? [message(language, "scopeShared", SHARED_COLLECTION)] : []),
    message(language, "scopeOwn", own),
    ...granted.map((collection) => message(language, "scopeGranted", collection)),
  ];
  return [
    message(language, "scopeHeader"),
    ...seen.map((line) => `• ${line}`),
    message(language, "scopeFooter"),
  ].join("\n");
}
