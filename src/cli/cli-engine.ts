import { Redis } from "ioredis";
import { openLibrary, type Progress } from "../app.ts";
import type { Config } from "../config.ts";
import type { BriefingError } from "../core/errors.ts";
import type { Library } from "../core/library.ts";
import { MemoryTokenBudget } from "../core/memory/memory-token-budget.ts";
import type { TokenBudget } from "../core/ports.ts";
import { AnswerEngine } from "../flows/ask/answer-engine.ts";
import { type ModelParts, modelParts } from "../flows/model/model-answering.ts";
import { RedisTokenBudget } from "../store/redis-token-budget.ts";

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

/** The daily token budget of a CLI run, and how to close the connection it may hold. */
export interface CliBudget {
  budgetFor(dailyTokens: number): TokenBudget;
  close(): Promise<void>;
}

/** The shared budget in Redis when REDIS_URL is set (its connection made only when a model needs it), else this run's own. */
export function cliBudget(config: Config): CliBudget {
  let redis: Redis | undefined;
  return {
    budgetFor(dailyTokens) {
      if (!config.redis) return new MemoryTokenBudget(dailyTokens);
      redis = new Redis(config.redis.url, { maxRetriesPerRequest: 1, connectTimeout: 3_000 });
      redis.on("error", () => {});
      return new RedisTokenBudget(redis, config.namespace, dailyTokens);
    },
    async close() {
      await redis?.quit().catch(() => redis?.disconnect());
    },
  };
}

/**
 * The library (with vectors when embeddings are configured) and the answer engine (with the model when one is
 * configured), with the CLI's budget (cliBudget).
 */
export async function openCliEngine(
  config: Config,
  corpus: readonly string[],
  onProgress?: Progress,
): Promise<CliEngine> {
  const budget = cliBudget(config);
  let opened: Awaited<ReturnType<typeof openLibrary>>;
  let parts: ModelParts;
  try {
    parts = await modelParts(config, (dailyTokens) => budget.budgetFor(dailyTokens));
    opened = await openLibrary(config, corpus, onProgress, parts.embedder);
  } catch (error) {
    await budget.close();
    throw error;
  }
  return {
    library: opened.library,
    engine: new AnswerEngine({ library: opened.library, ...parts, log: warnings }),
    parts,
    problems: opened.problems,
    close: () => budget.close(),
  };
}
