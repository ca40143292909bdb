import { lookup as dnsLookup } from "node:dns";
import { STATUS_CODES } from "node:http";
import type { LookupFunction } from "node:net";
import { Agent, type Dispatcher, request, errors as undiciErrors } from "undici";
import { BriefingError, isBriefingError } from "../../core/errors.ts";
import type { FetchedResource, FetchKind, FetchRequest, WebFetcher } from "../../core/web.ts";
import { formatBytes, readBody } from "./body.ts";
import { decodeBody } from "./charset.ts";
import { guardedConnector } from "./guarded-connect.ts";
import {
  ACCEPT,
  acceptsMediaType,
  headerValue,
  parseContentType,
  parseMaxAge,
  parseRetryAfter,
} from "./headers.ts";
import { HostQueue } from "./host-queue.ts";
import { PrivateHostAllowList } from "./private-hosts.ts";
import { checkUrl } from "./url-policy.ts";

export interface UndiciFetcherOptions {
  /** Briefbot's version, for the User-Agent. */
  version: string;
  /** FETCH_CONTACT: an e-mail address or URL publishers can reach the operator at, added to the User-Agent. */
  contact?: string | undefined;
  /** FETCH_ALLOWED_PRIVATE_HOSTS: `host` or `host:port` entries fetched although their address is private. */
  allowedPrivateHosts?: readonly string[] | undefined;
  /** Default 10 s. */
  connectTimeoutMs?: number | undefined;
  /** One response, from sending the request to its last byte; default 30 s. */
  responseTimeoutMs?: number | undefined;
  /** Body size after decompression; default 5 MB for a page and 10 MB for a feed. */
  maxBytes?: Partial<Record<FetchKind, number>> | undefined;
  /** Default 5. */
  maxRedirects?: number | undefined;
  /** Requests to one host at a time; default 2. */
  perHostConcurrency?: number | undefined;
  /** The least time between request starts to one host; default 1 s. */
  perHostIntervalMs?: number | undefined;
  /** Requests at a time over all hosts; default 8. */
  globalConcurrency?: number | undefined;
  /** Host name resolution; default node:dns lookup. Its answers go through the address policy all the same. */
  lookup?: LookupFunction | undefined;
}

const MB = 1024 * 1024;
const DEFAULT_MAX_BYTES: Record<FetchKind, number> = { page: 5 * MB, feed: 10 * MB };
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NOUN: Record<FetchKind, string> = { page: "page", feed: "feed" };

type Hop = { redirectTo: string } | { resource: FetchedResource };

/**
 * The only code that talks HTTP to publishers. Every URL, redirects included, passes the URL policy; every
 * connection passes the address policy on the address actually connected to (see guarded-connect.ts), unless
 * its host is on the allow list. Redirects are followed here, one checked hop at a time.
 */
export class UndiciFetcher implements WebFetcher {
  readonly #agent: Agent;
  readonly #allowList: PrivateHostAllowList;
  readonly #queue: HostQueue;
  readonly #userAgent: string;
  readonly #responseTimeoutMs: number;
  readonly #connectTimeoutMs: number;
  readonly #maxBytes: Record<FetchKind, number>;
  readonly #maxRedirects: number;

  constructor(options: UndiciFetcherOptions) {
    this.#allowList = new PrivateHostAllowList(options.allowedPrivateHosts ?? []);
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.#responseTimeoutMs = options.responseTimeoutMs ?? 30_000;
    this.#maxBytes = { ...DEFAULT_MAX_BYTES, ...options.maxBytes };
    this.#maxRedirects = options.maxRedirects ?? 5;
    this.#queue = new HostQueue({
      perHostConcurrency: options.perHostConcurrency ?? 2,
      perHostIntervalMs: options.perHostIntervalMs ?? 1_000,
      globalConcurrency: options.globalConcurrency ?? 8,
    });
    this.#userAgent = userAgent(options.version, options.contact);
    this.#agent = new Agent({
      connect: guardedConnector({
        allowList: this.#allowList,
        lookup: options.lookup ?? dnsLookup,
        connectTimeoutMs: this.#connectTimeoutMs,
      }),
      headersTimeout: this.#responseTimeoutMs,
      bodyTimeout: this.#responseTimeoutMs,
    });
  }

  get userAgent(): string {
    return this.#userAgent;
  }

  async fetch(fetchRequest: FetchRequest): Promise<FetchedResource> {
    let url = checkUrl(fetchRequest.url, this.#allowList, "request");
    for (let redirects = 0; ; redirects++) {
      const hop = await this.#hop(url, fetchRequest);
      if ("resource" in hop) return hop.resource;
      if (redirects >= this.#maxRedirects) {
        throw new BriefingError("FETCH_REJECTED", `too many redirects: more than ${this.#maxRedirects}`, {
          location: fetchRequest.url,
          userText: true,
        });
      }
      url = checkUrl(hop.redirectTo, this.#allowList, "redirect");
    }
  }

  /** Closes the connections; fetches still waiting for their turn fail. */
  async close(): Promise<void> {
    this.#queue.close();
    await this.#agent.close();
  }

  async #hop(url: URL, fetchRequest: FetchRequest): Promise<Hop> {
    const release = await this.#queue.acquire(url.hostname);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#responseTimeoutMs);
    try {
      const response = await request(url, {
        dispatcher: this.#agent,
        method: "GET",
        headers: this.#headers(fetchRequest),
        signal: controller.signal,
      });
      return await this.#read(url, fetchRequest, response);
    } catch (error) {
      throw this.#failure(error, url, timedOut);
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  #headers(fetchRequest: FetchRequest): Record<string, string> {
    const headers: Record<string, string> = {
      "user-agent": this.#userAgent,
      accept: ACCEPT[fetchRequest.kind],
      "accept-encoding": "gzip, deflate, br",
    };
    if (fetchRequest.etag && isHeaderText(fetchRequest.etag)) headers["if-none-match"] = fetchRequest.etag;
    if (fetchRequest.lastModified && isHeaderText(fetchRequest.lastModified)) {
      headers["if-modified-since"] = fetchRequest.lastModified;
    }
    return headers;
  }

  async #read(url: URL, fetchRequest: FetchRequest, response: Dispatcher.ResponseData): Promise<Hop> {
    const { statusCode: status, headers, body } = response;
    const location = headerValue(headers, "location");
    if (REDIRECT_STATUSES.has(status) && location !== undefined) {
      await discard(body);
      // A Location that does not parse goes to checkUrl as it is, which refuses it.
      return { redirectTo: URL.parse(location, url.href)?.href ?? location };
    }
    const etag = headerValue(headers, "etag");
    const lastModified = headerValue(headers, "last-modified");
    const maxAgeSeconds = parseMaxAge(headerValue(headers, "cache-control"));
    const contentType = parseContentType(headerValue(headers, "content-type"));
    if (status === 304) {
      await discard(body);
      return {
        resource: {
          url: url.href,
          status,
          notModified: true,
          contentType: contentType.mediaType,
          charset: "",
          text: "",
          etag: etag ?? fetchRequest.etag,
          lastModified: lastModified ?? fetchRequest.lastModified,
          maxAgeSeconds,
          bytes: 0,
        },
      };
    }
    if (status < 200 || status >= 300) {
      await discard(body);
      throw this.#statusError(url, status, headerValue(headers, "retry-after"));
    }
    const noun = NOUN[fetchRequest.kind];
    if (!acceptsMediaType(fetchRequest.kind, contentType.mediaType)) {
      await discard(body);
      throw new BriefingError(
        "FETCH_REJECTED",
        `the address serves ${contentType.mediaType.slice(0, 100)}, not ${fetchRequest.kind === "page" ? "a web page" : "a feed"}`,
        { location: url.href, userText: true },
      );
    }
    const maxBytes = this.#maxBytes[fetchRequest.kind];
    const contentEncoding = headerValue(headers, "content-encoding");
    const declaredLength = Number(headerValue(headers, "content-length") ?? Number.NaN);
    if (declaredLength > maxBytes) {
      await discard(body);
      const size = formatBytes(declaredLength);
      throw new BriefingError(
        "FETCH_REJECTED",
        contentEncoding
          ? `the ${noun} is ${size} compressed; the limit is ${formatBytes(maxBytes)}`
          : `the ${noun} is ${size}; the limit is ${formatBytes(maxBytes)}`,
        { location: url.href, userText: true },
      );
    }
    const bytes = await readBody(body, contentEncoding, { maxBytes, noun });
    const { text, charset } = decodeBody(bytes, contentType.charset);
    return {
      resource: {
        url: url.href,
        status,
        notModified: false,
        contentType: contentType.mediaType,
        charset,
        text,
        etag,
        lastModified,
        maxAgeSeconds,
        bytes: bytes.length,
      },
    };
  }

  #statusError(url: URL, status: number, retryAfter: string | undefined): BriefingError {
    const line = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ""}`;
    if (status === 429 || status === 503) {
      const retryAfterMs = parseRetryAfter(retryAfter, Date.now());
      if (retryAfterMs !== undefined) {
        this.#queue.block(url.hostname, Date.now() + retryAfterMs);
        return new BriefingError(
          "FETCH_FAILED",
          `${line}; the site asked us to wait ${Math.ceil(retryAfterMs / 1_000)} s`,
          { location: url.href, retryAfterMs, userText: true },
        );
      }
    }
    if (status === 429 || status >= 500) {
      return new BriefingError("FETCH_FAILED", line, { location: url.href, userText: true });
    }
    if (status >= 300 && status < 400) {
      return new BriefingError("FETCH_REJECTED", `${line} without a redirect to follow`, {
        location: url.href,
        userText: true,
      });
    }
    return new BriefingError("FETCH_REJECTED", line, { location: url.href, userText: true });
  }

  /** Any failure as a BriefingError; network error texts (which may name addresses) stay out of userText. */
  #failure(error: unknown, url: URL, timedOut: boolean): BriefingError {
    if (timedOut) {
      return new BriefingError("FETCH_FAILED", `gave up after ${seconds(this.#responseTimeoutMs)}`, {
        location: url.href,
        cause: error,
        userText: true,
      });
    }
    if (isBriefingError(error)) return error;
    const code = errorCode(error);
    const detail = error instanceof Error ? error.message : String(error);
    const failed = (message: string, userText: string) =>
      new BriefingError("FETCH_FAILED", `${message}: ${detail}`, {
        location: url.href,
        cause: error,
        userText,
      });
    switch (code) {
      case "UND_ERR_CONNECT_TIMEOUT":
        return failed(
          `could not connect within ${seconds(this.#connectTimeoutMs)}`,
          `could not connect within ${seconds(this.#connectTimeoutMs)}`,
        );
      case "UND_ERR_HEADERS_TIMEOUT":
      case "UND_ERR_BODY_TIMEOUT":
        return failed(
          `gave up after ${seconds(this.#responseTimeoutMs)}`,
          `gave up after ${seconds(this.#responseTimeoutMs)}`,
        );
      case "ENOTFOUND":
      case "EAI_AGAIN":
        return failed(`could not find ${url.hostname}`, `could not find ${url.hostname}`);
      case "ECONNREFUSED":
        return failed("the site refused the connection", "the site refused the connection");
      default:
        break;
    }
    if (code?.includes("CERT") || code?.startsWith("ERR_TLS") || code?.startsWith("ERR_SSL")) {
      return new BriefingError("FETCH_REJECTED", `TLS failed: ${detail}`, {
        location: url.href,
        cause: error,
        userText: "the site's TLS certificate could not be verified",
      });
    }
    if (
      error instanceof undiciErrors.HTTPParserError ||
      code?.startsWith("HPE_") ||
      code === "UND_ERR_RES_CONTENT_LENGTH_MISMATCH"
    ) {
      return new BriefingError("FETCH_REJECTED", `malformed HTTP response: ${detail}`, {
        location: url.href,
        cause: error,
        userText: "the site's response is not valid HTTP",
      });
    }
    return failed(`the connection failed${code ? ` (${code})` : ""}`, "the connection to the site failed");
  }
}

export function userAgent(version: string, contact: string | undefined): string {
  const base = `Briefbot/${version} (+https://github.com/briefbot)`;
  const clean = contact?.replace(/[^\x20-\x7e]/gu, "").trim();
  return clean ? `${base} contact: ${clean}` : base;
}

/** Reads what is left of a body we do not use (a little, so the connection can be reused), then drops it. */
async function discard(body: Dispatcher.ResponseData["body"]): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    // The body is gone either way.
  }
}

function isHeaderText(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/u.test(value);
}

function seconds(ms: number): string {
  if (ms % 1_000 === 0) return `${ms / 1_000} s`;
  return ms < 1_000 ? `${ms} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    const nested = current as { errors?: unknown[]; cause?: unknown };
    current = Array.isArray(nested.errors) ? nested.errors[0] : nested.cause;
  }
  return undefined;
}
