import { Redis } from "ioredis";
import { AnswerEngine } from "../answering/answer-engine.ts";
import { type ModelParts, modelParts } from "../answering/model-parts.ts";
import { openLibrary, type Progress } from "../app.ts";
import type { Config } from "../config.ts";
import type { BriefingError } from "../core/errors.ts";
import type { Library } from "../core/library.ts";
import type { TokenBudget } from "../core/ports.ts";
import { MemoryTokenBudget, RedisTokenBudget } from "../store/redis-token-budget.ts";

/** What a CLI command answers with: the corpus, the engine over it, and what to close at the end. */
export interface CliEngine {
  library: Library;
  engine: AnswerEngine;
  parts: ModelParts;
  problems: BriefingError[];
  close(): Promise<void>;
}

/** The CLI's log: only what went wrong with a model or the embedder, as warnings on stderr. */
function warnings(event: string, fields: Record<string, unknown> = {}): void {
  if (!event.endsWith("_failed") && event !== "model_budget_spent") return;
  const detail = typeof fields.error === "string" ? `: ${fields.error}` : "";
  process.stderr.write(`warning: ${event.replaceAll("_", " ")}${detail}\n`);
}

/**
 * The library (with vectors when embeddings are configured) and the answer engine (with the model when one is
 * configured). The daily token budget is the shared one in Redis when REDIS_URL is set, else this run's own.
 */
export async function openCliEngine(
  config: Config,
  corpus: readonly string[],
  onProgress?: Progress,
): Promise<CliEngine> {
  let redis: Redis | undefined;
  const budgetFor = (dailyTokens: number): TokenBudget => {
    if (!config.redis) return new MemoryTokenBudget(dailyTokens);
    redis = new Redis(config.redis.url, { maxRetriesPerRequest: 1, connectTimeout: 3_000 });
    redis.on("error", () => {});
    return new RedisTokenBudget(redis, config.namespace, dailyTokens);
  };
  const close = async () => {
    await redis?.quit().catch(() => redis?.disconnect());
  };
  let opened: Awaited<ReturnType<typeof openLibrary>>;
  let parts: ModelParts;
  try {
    parts = await modelParts(config, budgetFor);
    opened = await openLibrary(config, corpus, onProgress, parts.embedder);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    library: opened.library,
    engine: new AnswerEngine({ library: opened.library, ...parts, log: warnings }),
    parts,
    problems: opened.problems,
    close,
  };
}
