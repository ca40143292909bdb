import type { ZodType } from "zod";
import type { DeliveryLog, DeliveryState } from "../chat.ts";
import type { Answer } from "../types.ts";

/** The delivery log in one process: for unit tests of the flows and for runs without Redis. */
export class MemoryDeliveryLog implements DeliveryLog {
  readonly states = new Map<string, DeliveryState>();
  readonly #computed = new Map<string, unknown>();
  readonly #failureNotices = new Set<string>();

  async get(jobId: string): Promise<DeliveryState | undefined> {
    const state = this.states.get(jobId);
    return state ? structuredClone(state) : undefined;
  }

  async record(jobId: string, state: DeliveryState): Promise<void> {
    this.states.set(jobId, structuredClone(state));
  }

  async answerFor(jobId: string, compute: () => Answer | Promise<Answer>): Promise<Answer> {
    return await this.computedOnce(jobId, "answer", compute);
  }

  async computedOnce<T>(
    jobId: string,
    name: string,
    compute: () => T | Promise<T>,
    schema?: ZodType<T>,
  ): Promise<T> {
    const key = `${jobId}:${name}`;
    if (this.#computed.has(key)) return this.#read(key, schema);
    const value = await compute();
    if (!this.#computed.has(key)) this.#computed.set(key, structuredClone(value));
    return this.#read(key, schema);
  }

  #read<T>(key: string, schema: ZodType<T> | undefined): T {
    const value = structuredClone(this.#computed.get(key));
    return schema ? schema.parse(value) : (value as T);
  }

  async claimFailureNotice(jobId: string): Promise<boolean> {
    if (this.#failureNotices.has(jobId)) return false;
    this.#failureNotices.add(jobId);
    return true;
  }
}
