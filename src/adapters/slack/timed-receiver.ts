import type { IncomingMessage, ServerResponse } from "node:http";
import { type CustomRoute, HTTPReceiver, type LogLevel } from "@slack/bolt";

/** Slack's replay window, applied both ways: Bolt only refuses requests signed too long ago. */
export const REQUEST_WINDOW_SECONDS = 5 * 60;

/** Whether a request's signed timestamp lies further in the future than the replay window allows. */
export function signedInTheFuture(header: string | string[] | undefined, nowMs: number): boolean {
  const raw = Array.isArray(header) ? header[0] : header;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds > Math.floor(nowMs / 1000) + REQUEST_WINDOW_SECONDS;
}

/**
 * Bolt's HTTP receiver behind one more check: a request signed more than five minutes ahead of this clock is
 * refused with 401 before Bolt reads it, as one signed more than five minutes ago already is.
 */
export function timedReceiver(options: {
  signingSecret: string;
  port: number;
  logLevel: LogLevel;
  now: () => number;
  customRoutes?: CustomRoute[];
}): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    port: options.port,
    customRoutes: options.customRoutes ?? [],
    logLevel: options.logLevel,
    // Slack gets its HTTP response as soon as a listener acks, not when it returns.
    processBeforeResponse: false,
  });
  const boltListener = receiver.requestListener;
  receiver.requestListener = (request: IncomingMessage, response: ServerResponse) => {
    if (signedInTheFuture(request.headers["x-slack-request-timestamp"], options.now())) {
      response.writeHead(401, { "content-type": "text/plain" });
      response.end("The request's timestamp is too far in the future.");
      return;
    }
    boltListener(request, response);
  };
  return receiver;
}
