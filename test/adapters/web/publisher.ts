import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { LookupFunction } from "node:net";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { UndiciFetcher, type UndiciFetcherOptions } from "../../../src/adapters/web/fetcher.ts";
import { BriefingError, type ErrorCode } from "../../../src/core/errors.ts";

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** performance.now() when the request arrived. */
  at: number;
}

export interface Publisher {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** "127.0.0.1:<port>", an allow-list entry for exactly this server. */
  hostPort: string;
  requests: SeenRequest[];
  /** TCP connections accepted, requests or not. */
  connections: number;
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, seen: SeenRequest) => void;

/** An HTTP server on 127.0.0.1 (ephemeral port) that records every connection and request. */
export async function startPublisher(handler: Handler): Promise<Publisher> {
  const server: Server = createServer((request, response) => {
    const seen: SeenRequest = {
      method: request.method ?? "",
      path: request.url ?? "",
      headers: request.headers,
      at: performance.now(),
    };
    publisher.requests.push(seen);
    handler(request, response, seen);
  });
  server.on("connection", () => {
    publisher.connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  const publisher: Publisher = {
    port: address.port,
    origin: `http://127.0.0.1:${address.port}`,
    hostPort: `127.0.0.1:${address.port}`,
    requests: [],
    connections: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return publisher;
}

/** A handler that answers every request with this body and these headers. */
export function serve(body: string | Buffer, headers: Record<string, string> = {}, status = 200): Handler {
  return (_request, response) => {
    response.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers });
    response.end(body);
  };
}

/** A resolver that maps every name to these addresses (a stand-in for DNS: no query leaves the machine). */
export function resolvingTo(...addresses: string[]): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const all = addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    if (options.all) callback(null, all);
    else callback(null, all[0]?.address, all[0]?.family);
  }) as LookupFunction;
}

/** The BriefingError a promise rejects with, checked for its code. */
export async function failure(promise: Promise<unknown>, code: ErrorCode): Promise<BriefingError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BriefingError);
  const briefing = error as BriefingError;
  expect(briefing.code, briefing.message).toBe(code);
  return briefing;
}

const fetchers: UndiciFetcher[] = [];

/** A fetcher for tests: no spacing between requests unless asked; closed by closeFetchers(). */
export function testFetcher(options: Partial<UndiciFetcherOptions> = {}): UndiciFetcher {
  const fetcher = new UndiciFetcher({ version: "0.1.0", perHostIntervalMs: 0, ...options });
  fetchers.push(fetcher);
  return fetcher;
}

export async function closeFetchers(): Promise<void> {
  await Promise.all(fetchers.splice(0).map((fetcher) => fetcher.close()));
}

/** A publisher routing by path to handlers the tests set; a path with none answers 404 "missing". */
export interface RoutedSite extends Omit<Publisher, "close"> {
  routes: Record<string, Handler>;
  /** A test fetcher allowed to reach this site. */
  fetcher(options?: Partial<UndiciFetcherOptions>): UndiciFetcher;
}

/**
 * The test file's one routed publisher: started before all its tests, closed after them; the test fetchers
 * are closed after each test. Call it at the top of the file.
 */
export function routedSite(): RoutedSite {
  const routes: Record<string, Handler> = {};
  let publisher: Publisher | undefined;
  const current = (): Publisher => {
    if (publisher === undefined) throw new Error("the site starts in beforeAll");
    return publisher;
  };
  beforeAll(async () => {
    publisher = await startPublisher((request, response, seen) => {
      const handler = routes[new URL(request.url ?? "/", "http://x").pathname];
      if (handler) handler(request, response, seen);
      else serve("missing", {}, 404)(request, response, seen);
    });
  });
  afterAll(() => current().close());
  afterEach(closeFetchers);
  return {
    routes,
    get port() {
      return current().port;
    },
    get origin() {
      return current().origin;
    },
    get hostPort() {
      return current().hostPort;
    },
    get requests() {
      return current().requests;
    },
    get connections() {
      return current().connections;
    },
    fetcher: (options = {}) => testFetcher({ allowedPrivateHosts: [current().hostPort], ...options }),
  };
}
