import {
  channelCollection,
  grantableCollection,
  type ScopeStore,
  scopeKey,
} from "../../core/channel-scope.ts";
import type { ReplyTarget } from "../../core/chat.ts";
import { SHARED_COLLECTION } from "../../core/collections.ts";
import { isBriefingError } from "../../core/errors.ts";

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
    if (isBriefingError(error)) return error.userMessage();
    throw error;
  }
}

async function execute(command: ScopeCommand, context: ScopeCommandContext): Promise<string> {
  const own = channelCollection(context.channel);
  const key = scopeKey(context.channel);
  if (command.action === "show")
    return describe(own, await context.scopes.granted(key), context.sharedVisible);
  if (!context.mayChange) return `Only ${context.whoMayChange} may change what this channel sees.`;
  const collection = grantableCollection(command.collection, context.channel);
  if (command.action === "add") {
    const added = await context.scopes.grant(key, collection);
    return added
      ? `This channel now also sees \`${collection}\`.`
      : `This channel already sees \`${collection}\`.`;
  }
  const removed = await context.scopes.revoke(key, collection);
  return removed
    ? `This channel no longer sees \`${collection}\`.`
    : `\`${collection}\` was not granted to this channel. \`scope\` lists what it sees.`;
}

function describe(own: string, granted: readonly string[], sharedVisible: boolean): string {
  const seen = [
    ...(sharedVisible ? [`\`${SHARED_COLLECTION}\` (everyone's)`] : []),
    `\`${own}\` (what this channel followed or added)`,
    ...granted.map((collection) => `\`${collection}\` (granted)`),
  ];
  return [
    "Answers, summaries and digests here draw on:",
    ...seen.map((line) => `• ${line}`),
    "`scope add <collection>` and `scope remove <collection>` change the grants.",
  ].join("\n");
}
