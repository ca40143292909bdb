import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, routedSite, serve, startPublisher, testFetcher } from "./publisher.ts";

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const KB = 1024;
const MB = 1024 * KB;

const site = routedSite();
const { routes, fetcher } = site;

describe("time limits", () => {
  it("gives up on a server that never answers", async () => {
    routes["/silent"] = () => {};
    const started = performance.now();
    const error = await failure(
      fetcher({ responseTimeoutMs: 150 }).fetch({ url: `${site.origin}/silent`, kind: "page" }),
      "FETCH_FAILED",
    );
    expect(error.userMessage()).toBe("gave up after 150 ms.");
    expect(error.retryable).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("gives up on a body that trickles in, however steadily", async () => {
    routes["/trickle"] = (_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      const timer = setInterval(() => response.write("<p>"), 20);
      response.on("close", () => clearInterval(timer));
    };
    const started = performance.now();
    const error = await failure(
      fetcher({ responseTimeoutMs: 200 }).fetch({ url: `${site.origin}/trickle`, kind: "page" }),
      "FETCH_FAILED",
    );
    expect(error.message).toBe("gave up after 200 ms");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("size limits, after decompression", () => {
  it("cuts off a body without Content-Length at the limit", async () => {
    routes["/huge"] = (_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      for (let index = 0; index < 32; index++) response.write("x".repeat(64 * KB));
      response.end();
    };
    const error = await failure(
      fetcher({ maxBytes: { page: 64 * KB } }).fetch({ url: `${site.origin}/huge`, kind: "page" }),
      "FETCH_REJECTED",
    );
    expect(error.userMessage()).toBe("the page is larger than the limit of 64 KB.");
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    routes["/declared"] = serve(Buffer.alloc(3 * MB, "a"), { "content-length": String(3 * MB) });
    const error = await failure(
      fetcher({ maxBytes: { feed: 1 * MB } }).fetch({ url: `${site.origin}/declared`, kind: "feed" }),
      "FETCH_REJECTED",
    );
    expect(error.userMessage()).toBe("the feed is 3 MB; the limit is 1 MB.");
    expect(error.retryable).toBe(false);
  });

  it("applies the page and feed limits separately", async () => {
    routes["/medium"] = serve("<p>".repeat(40 * KB));
    const limited = fetcher({ maxBytes: { page: 64 * KB, feed: 256 * KB } });
    await failure(limited.fetch({ url: `${site.origin}/medium`, kind: "page" }), "FETCH_REJECTED");
    expect((await limited.fetch({ url: `${site.origin}/medium`, kind: "feed" })).bytes).toBe(120 * KB);
  });

  it("cuts a gzip bomb off at the limit: quickly, in bounded memory, long before the server is done", async () => {
    // 16 MB of zeros gzip to 16 KB; gzip streams may be concatenated, so 4,096 copies are a 64 GB body.
    const member = gzipSync(Buffer.alloc(16 * MB));
    const copies = 4_096;
    let sent = 0;
    routes["/bomb"] = (_request, response) => {
      response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      let closed = false;
      response.on("close", () => {
        closed = true;
      });
      const pump = () => {
        while (!closed && sent < copies) {
          sent++;
          if (!response.write(member)) {
            response.once("drain", pump);
            return;
          }
        }
        if (!closed) response.end();
      };
      pump();
    };
    const before = process.memoryUsage();
    const started = performance.now();
    const error = await failure(
      fetcher({ maxBytes: { page: 1 * MB } }).fetch({ url: `${site.origin}/bomb`, kind: "page" }),
      "FETCH_REJECTED",
    );
    const after = process.memoryUsage();
    expect(error.userMessage()).toBe("the page is larger than the limit of 1 MB.");
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(sent).toBeLessThan(copies / 4);
    const grown = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
    expect(grown).toBeLessThan(64 * MB);
  });

  it("refuses corrupt compressed data and unknown codings", async () => {
    routes["/corrupt"] = serve(Buffer.from("this is not gzip at all"), { "content-encoding": "gzip" });
    routes["/zip"] = serve(Buffer.from("PK\u0003\u0004"), { "content-encoding": "compress" });
    const client = fetcher();
    const corrupt = await failure(
      client.fetch({ url: `${site.origin}/corrupt`, kind: "page" }),
      "FETCH_REJECTED",
    );
    expect(corrupt.userMessage()).toBe("the site's compressed response is corrupt.");
    const unknown = await failure(
      client.fetch({ url: `${site.origin}/zip`, kind: "page" }),
      "FETCH_REJECTED",
    );
    expect(unknown.userMessage()).toBe(
      'the response is compressed with "compress", which Briefbot cannot read.',
    );
  });
});

describe("content types", () => {
  it.each([
    ["page", "image/png", "the address serves image/png, not a web page."],
    ["page", "application/pdf", "the address serves application/pdf, not a web page."],
    ["page", "application/rss+xml", "the address serves application/rss+xml, not a web page."],
    ["feed", "application/octet-stream", "the address serves application/octet-stream, not a feed."],
    ["feed", "image/jpeg", "the address serves image/jpeg, not a feed."],
  ] as const)("a %s fetch refuses %s", async (kind, type, message) => {
    routes["/typed"] = serve(PNG, { "content-type": type });
    const error = await failure(fetcher().fetch({ url: `${site.origin}/typed`, kind }), "FETCH_REJECTED");
    expect(error.userMessage()).toBe(message);
  });

  it.each([
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/xml",
    "text/xml",
    "application/json",
    "text/html",
    "application/xhtml+xml",
  ])("a feed fetch reads %s (text/html for feed discovery)", async (type) => {
    routes["/feedish"] = serve("<rss/>", { "content-type": `${type}; charset=utf-8` });
    const feed = await fetcher().fetch({ url: `${site.origin}/feedish`, kind: "feed" });
    expect(feed.contentType).toBe(type);
    expect(feed.text).toBe("<rss/>");
  });

  it("refuses a binary body whatever its Content-Type says, and with none", async () => {
    routes["/png-as-html"] = serve(PNG, { "content-type": "text/html" });
    routes["/untyped-png"] = (_request, response) => {
      response.removeHeader("content-type");
      response.end(PNG);
    };
    const client = fetcher();
    for (const path of ["/png-as-html", "/untyped-png"]) {
      const error = await failure(
        client.fetch({ url: `${site.origin}${path}`, kind: "page" }),
        "FETCH_REJECTED",
      );
      expect(error.userMessage()).toBe("the response is binary data, not text.");
    }
  });

  it("reads a text body that came without a Content-Type", async () => {
    routes["/untyped"] = (_request, response) => {
      response.end("<p>plain</p>");
    };
    const page = await fetcher().fetch({ url: `${site.origin}/untyped`, kind: "page" });
    expect(page).toMatchObject({ contentType: "", text: "<p>plain</p>", charset: "utf-8" });
  });
});

describe("broken servers", () => {
  let raw: Server;
  let rawPort = 0;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    raw = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.resume();
      socket.end("HELLO THIS IS NOT HTTP\r\n\r\n\u0000\u0001");
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    const address = raw.address();
    rawPort = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(async () => {
    expect(sockets.size).toBe(0);
    await new Promise<void>((resolve) => raw.close(() => resolve()));
  });

  it("refuses a response that is not HTTP", async () => {
    const client = testFetcher({ allowedPrivateHosts: [`127.0.0.1:${rawPort}`] });
    const error = await failure(
      client.fetch({ url: `http://127.0.0.1:${rawPort}/`, kind: "page" }),
      "FETCH_REJECTED",
    );
    expect(error.userMessage()).toBe("the site's response is not valid HTTP.");
  });

  it("reports a refused connection as retryable", async () => {
    const closed = await startPublisher(serve(""));
    await closed.close();
    const client = testFetcher({ allowedPrivateHosts: [closed.hostPort] });
    const error = await failure(client.fetch({ url: `${closed.origin}/`, kind: "page" }), "FETCH_FAILED");
    expect(error.userMessage()).toBe("the site refused the connection.");
  });

  it.each([
    [404, "FETCH_REJECTED", "HTTP 404 Not Found."],
    [410, "FETCH_REJECTED", "HTTP 410 Gone."],
    [500, "FETCH_FAILED", "HTTP 500 Internal Server Error."],
    [502, "FETCH_FAILED", "HTTP 502 Bad Gateway."],
    [429, "FETCH_FAILED", "HTTP 429 Too Many Requests."],
  ] as const)("HTTP %i is %s", async (status, code, message) => {
    routes["/status"] = serve("<p>no</p>", {}, status);
    const error = await failure(fetcher().fetch({ url: `${site.origin}/status`, kind: "page" }), code);
    expect(error.userMessage()).toBe(message);
    expect(error.retryable).toBe(code === "FETCH_FAILED");
  });
});
