import type { ChatLog } from "../chat/chat-log.ts";

export { errorText } from "../chat/chat-log.ts";

export type DiscordLog = ChatLog;
