import type { Worker } from "bullmq";
import { valueWithin } from "../core/within.ts";

/** What closing needs of a BullMQ worker (the composition root holds them as this). */
export type ClosableWorker = Pick<Worker, "close">;

/**
 * Closes the workers together: none takes a new job, and the jobs in flight get `graceMs` to finish. Returns
 * whether they did; when they did not, the workers are left closing: once this process drops its Redis
 * connections their locks lapse, and another worker's stall check takes the jobs over (they are handed back).
 */
export async function closeWorkers(workers: readonly ClosableWorker[], graceMs: number): Promise<boolean> {
  const closing = Promise.all(workers.map((worker) => worker.close())).then(
    () => true,
    () => true,
  );
  return (await valueWithin(closing, graceMs)) ?? false;
}
