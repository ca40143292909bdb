import type { Job, Queue } from "bullmq";
import { until } from "./until.ts";

/** The delayed run a subscription's scheduler has waiting, if any. */
export async function pendingRun(queue: Queue, subscriptionId: string): Promise<Job | undefined> {
  const delayed = await queue.getDelayed();
  return delayed.find((job) => job.repeatJobKey === `digest-${subscriptionId}`);
}

/**
 * Drives time through the scheduler: the waiting run is promoted (made due now, keeping its scheduled time),
 * and BullMQ schedules the next one from that time when a worker takes it. Returns the run's scheduled time.
 */
export async function fireNextRun(queue: Queue, subscriptionId: string): Promise<number> {
  let job: Job | undefined;
  await until(async () => {
    job = await pendingRun(queue, subscriptionId);
    return job !== undefined;
  }, "a scheduled digest run");
  if (!job) throw new Error("unreachable");
  const scheduledFor = job.opts.prevMillis ?? Number.NaN;
  await job.promote();
  await until(async () => {
    const next = await pendingRun(queue, subscriptionId);
    return next !== undefined && next.id !== job?.id && (await queue.getActiveCount()) === 0;
  }, "the run to be taken and the next one scheduled");
  return scheduledFor;
}
