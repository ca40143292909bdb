import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Log } from "../../core/log.ts";
import type { Readiness } from "./readiness.ts";
import type { MetricsPage } from "./service-metrics.ts";

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** Where the queue dashboard is served (only with ADMIN_TOKEN). */
export const ADMIN_PATH = "/admin/queues";

const READ_METHODS = ["GET", "HEAD"];
/** The dashboard's own API retries, promotes and cleans jobs with these. */
const ADMIN_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

export interface OpsEndpointsOptions {
  readiness: Readiness;
  metrics(): Promise<MetricsPage>;
  /** ADMIN_TOKEN: without it /admin/queues does not exist (404). */
  adminToken: string | undefined;
  /** The queue dashboard, given urls relative to ADMIN_PATH; only reached with the admin token. */
  dashboard?: RequestHandler | undefined;
  log: Log;
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    ...headers,
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, `${JSON.stringify(value)}\n`, { "content-type": "application/json; charset=utf-8" });
}

/** Compares digests, so neither the token's length nor its content leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The token a request carries: `Authorization: Bearer <token>`, or Basic with the token as the password (what a
 * browser sends once asked, so the dashboard's own pages and API calls are authorized too).
 */
function presentedToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const [scheme, value] = header.trim().split(/\s+/u, 2);
  if (value === undefined) return undefined;
  if (scheme?.toLowerCase() === "bearer") return value;
  if (scheme?.toLowerCase() !== "basic") return undefined;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? undefined : decoded.slice(colon + 1);
}

function pathOf(request: IncomingMessage): string {
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

function isAdminPath(path: string): boolean {
  return path === ADMIN_PATH || path.startsWith(`${ADMIN_PATH}/`);
}

function handleAdmin(request: IncomingMessage, response: ServerResponse, options: OpsEndpointsOptions) {
  const token = options.adminToken;
  if (token === undefined || !options.dashboard) return send(response, 404, "Not found\n");
  if (!ADMIN_METHODS.includes(request.method ?? "")) return send(response, 405, "Method not allowed\n");
  const presented = presentedToken(request.headers.authorization);
  if (presented === undefined) {
    return send(response, 401, "Unauthorized: send Authorization: Bearer <ADMIN_TOKEN>\n", {
      "www-authenticate": 'Bearer realm="briefbot", Basic realm="briefbot"',
    });
  }
  if (!sameSecret(presented, token)) {
    options.log("ops_admin_refused", { method: request.method, path: pathOf(request) });
    return send(response, 403, "Forbidden\n");
  }
  request.url = (request.url ?? "").slice(ADMIN_PATH.length) || "/";
  if (request.url.startsWith("?")) request.url = `/${request.url}`;
  options.dashboard(request, response);
}

async function handleRead(path: string, response: ServerResponse, options: OpsEndpointsOptions) {
  if (path === "/healthz") return sendJson(response, 200, { alive: true });
  if (path === "/readyz") {
    const report = await options.readiness.report();
    return sendJson(response, report.ready ? 200 : 503, report);
  }
  const page = await options.metrics();
  send(response, 200, page.body, { "content-type": page.contentType });
}

const READ_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * The operations endpoints: /healthz (alive, no Redis call), /readyz (200 or 503 with the reasons, as JSON),
 * /metrics (Prometheus text) and, with ADMIN_TOKEN, the queue dashboard at /admin/queues. Nothing else: 404.
 */
export function opsRequestHandler(options: OpsEndpointsOptions): RequestHandler {
  return (request, response) => {
    const path = pathOf(request);
    if (isAdminPath(path)) return handleAdmin(request, response, options);
    if (!READ_PATHS.has(path)) return send(response, 404, "Not found\n");
    if (!READ_METHODS.includes(request.method ?? "")) {
      return send(response, 405, "Method not allowed\n", { allow: READ_METHODS.join(", ") });
    }
    handleRead(path, response, options).catch((error: unknown) => {
      options.log("ops_request_failed", { path, error: String(error) });
      if (!response.headersSent) send(response, 500, "Internal error\n");
      else response.destroy();
    });
  };
}

/** The same routes as Bolt custom routes, so Slack's HTTP receiver serves them on its port. */
export function opsCustomRoutes(
  handler: RequestHandler,
): Array<{ path: string; method: string[]; handler: RequestHandler }> {
  return [
    ...[...READ_PATHS].map((path) => ({ path, method: READ_METHODS, handler })),
    { path: ADMIN_PATH, method: ADMIN_METHODS, handler },
    { path: `${ADMIN_PATH}/*rest`, method: ADMIN_METHODS, handler },
  ];
}

export interface OpsServer {
  host: string;
  port: number;
  /** Stops accepting connections; requests under way get a moment to finish. */
  close(): Promise<void>;
}

const CLOSE_WAIT_MS = 2_000;

/** A node:http server with only the operations routes. Port 0 picks a free one; the bound port is returned. */
export async function listenOps(handler: RequestHandler, host: string, port: number): Promise<OpsServer> {
  const server: Server = createServer(handler);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    host,
    port: address.port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), CLOSE_WAIT_MS);
      await closed;
      clearTimeout(timer);
    },
  };
}
