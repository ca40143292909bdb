import type { Redis } from "ioredis";
import type { z } from "zod";
import type { DeliveryLog, DeliveryState } from "../core/chat.ts";
import type { Answer } from "../core/types.ts";
import { deliveryStateSchema, storedAnswerSchema } from "./delivery-schemas.ts";
import { parseStored } from "./stored-json.ts";

const KEEP_SECONDS = 7 * 24 * 3600;

/**
 * What was posted for each job, so a job that runs again after a crash resumes instead of posting twice; and
 * the answer computed on the first run, so a resumed job posts the rest of the same answer. A record that does
 * not read back as what was stored is a STORE_CORRUPT BriefingError.
 */
export class RedisDeliveryLog implements DeliveryLog {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, namespace: string) {
    this.#redis = redis;
    this.#prefix = `{${namespace}}:delivery:`;
  }

  async get(jobId: string): Promise<DeliveryState | undefined> {
    const key = `${this.#prefix}${jobId}`;
    const json = await this.#redis.get(key);
    return json === null ? undefined : parseStored(json, "delivery record", key, deliveryStateSchema);
  }

  async record(jobId: string, state: DeliveryState): Promise<void> {
    await this.#redis.set(`${this.#prefix}${jobId}`, JSON.stringify(state), "EX", KEEP_SECONDS);
  }

  /** The answer of the first attempt if there was one, else the one computed now (stored first). */
  async answerFor(jobId: string, compute: () => Answer | Promise<Answer>): Promise<Answer> {
    return await this.computedOnce(jobId, "answer", compute, storedAnswerSchema);
  }

  /**
   * What the first attempt of a job computed under `name`, else `compute()`'s value, stored first. Read back,
   * it is checked against `schema` when one is given, and is JSON in any case.
   */
  async computedOnce<T>(
    jobId: string,
    name: string,
    compute: () => T | Promise<T>,
    schema?: z.ZodType<T>,
  ): Promise<T> {
    const key = `${this.#prefix}${jobId}:${name}`;
    const read = (json: string) => parseStored(json, `"${name}" of a job`, key, schema);
    const stored = await this.#redis.get(key);
    if (stored !== null) return read(stored);
    const value = await compute();
    const won = await this.#redis.set(key, JSON.stringify(value), "EX", KEEP_SECONDS, "NX");
    if (won === "OK") return value;
    const winner = await this.#redis.get(key);
    return winner === null ? value : read(winner);
  }

  /** true the first time only: a failure is reported to the asker once. */
  async claimFailureNotice(jobId: string): Promise<boolean> {
    return (await this.#redis.set(`${this.#prefix}${jobId}:failed`, "1", "EX", KEEP_SECONDS, "NX")) === "OK";
  }
}
