import type { Worker } from "bullmq";

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
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
  });
  try {
    return await Promise.race([closing, graceOver]);
  } finally {
    clearTimeout(timer);
  }
}
