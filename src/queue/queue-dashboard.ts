import type { IncomingMessage, ServerResponse } from "node:http";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { DIGEST_QUEUE } from "./digest-job-schema.ts";
import { FEED_QUEUE } from "./feed-job-schema.ts";
import { openQueue } from "./producer-queue.ts";
import { ASK_QUEUE } from "./queue-names.ts";
import { RETENTION_QUEUE } from "./retention-schedule.ts";

export interface QueueDashboard {
  /** Serves the dashboard; the request's url is relative to `basePath` (`/`, `/api/queues`, `/static/…`). */
  handle(request: IncomingMessage, response: ServerResponse): void;
  close(): Promise<void>;
}

type BoardServerAdapter = Parameters<typeof createBullBoard>[0]["serverAdapter"];
type ExpressApp = (request: IncomingMessage, response: ServerResponse) => void;

/** Bull Board over the namespace's queues (ask, digest, feed, retention), its pages' links under `basePath`. */
export function queueDashboard(connection: Redis, namespace: string, basePath: string): QueueDashboard {
  const queues: Queue[] = [ASK_QUEUE, DIGEST_QUEUE, FEED_QUEUE, RETENTION_QUEUE].map((name) =>
    openQueue(name, connection, namespace),
  );
  const serverAdapter = new ExpressAdapter().setBasePath(basePath);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    // @bull-board/express pins its own patch release of @bull-board/api: the same shape, another declaration.
    serverAdapter: serverAdapter as unknown as BoardServerAdapter,
    options: { uiConfig: { boardTitle: "Briefbot queues" } },
  });
  const app = serverAdapter.getRouter() as ExpressApp;
  return {
    handle: (request, response) => app(request, response),
    async close() {
      await Promise.all(queues.map((queue) => queue.close()));
    },
  };
}
