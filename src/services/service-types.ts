/** What starting `serve` or a worker gives back, and what a caller (a test, a bench) may bring instead. */

import type { ReadinessReport } from "../adapters/ops/readiness.ts";
import type { Platform, Replier } from "../core/chat.ts";
import type { WebFetcher } from "../core/web.ts";

/** Where the operations endpoints (/healthz, /readyz, /metrics, /admin/queues) answer. */
export interface OpsAddress {
  host: string;
  port: number;
  /** `slack`: on the Slack receiver's port, as its custom routes; `own`: a server of their own. */
  server: "slack" | "own";
}

export interface RunningServices {
  redisUrl: string;
  /** Undefined when they do not listen (the default port was taken; see the `ops_listen_failed` event). */
  ops: OpsAddress | undefined;
  /** What /readyz answers now. */
  readiness(): Promise<ReadinessReport>;
  /**
   * Readiness fails and the operations port closes at once; then the adapters stop taking questions, the jobs
   * in flight get SHUTDOWN_GRACE_MS to finish (after it they are handed back), then the queues, Redis, and
   * the embedded Redis close.
   */
  stop(): Promise<void>;
}

/** Parts a caller brings instead of the configured ones: tests and benches post to a recording replier. */
export interface ServiceParts {
  repliers?: Partial<Record<Platform, Replier>>;
  /** The web, instead of the configured fetcher (tests: a loopback publisher without the politeness pauses). */
  fetcher?: WebFetcher;
  /**
   * Where the operations endpoints listen when HTTP_PORT is not set. The CLI passes the documented defaults
   * (PORT for `serve`, 9464 for a worker); without it (tests, benches) a free port is taken.
   */
  opsPort?: number;
}
