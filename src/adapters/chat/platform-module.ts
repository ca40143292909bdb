import type { Config } from "../../config.ts";
import type {
  ConversationMemory,
  DigestSubscriptions,
  Platform,
  QuestionQueue,
  Replier,
} from "../../core/chat.ts";
import type { Log } from "../../core/log.ts";

/** A running chat adapter: receives questions, puts them on the queue. */
export interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
}

export interface AdapterContext {
  config: Config;
  questions: QuestionQueue;
  memory: ConversationMemory;
  digests: DigestSubscriptions;
  articleCount(): number;
  log: Log;
}

/** What a platform contributes: a replier for workers, an adapter for `serve`. */
export interface PlatformModule {
  platform: Platform;
  configured(config: Config): boolean;
  replier(config: Config, log: Log): Replier;
  startAdapter(context: AdapterContext): Promise<RunningAdapter>;
}
