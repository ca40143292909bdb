import { afterEach, describe, expect, it } from "vitest";
import {
  closeFetchers,
  failure,
  type Handler,
  resolvingTo,
  routedSite,
  serve,
  testFetcher,
} from "./publisher.ts";

const site = routedSite();
const { routes } = site;
let inFlight = 0;
let mostInFlight = 0;

afterEach(async () => {
  await closeFetchers();
  site.requests.length = 0;
  inFlight = 0;
  mostInFlight = 0;
});

/** Answers after `ms`, counting the requests being answered at once. */
function slowly(ms: number): Handler {
  return (_request, response) => {
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<p>ok</p>");
    }, ms);
  };
}

/** Two host names for the one loopback server, both allowed. */
function twoHosts(options: Parameters<typeof testFetcher>[0]) {
  return testFetcher({
    allowedPrivateHosts: [`a.test:${site.port}`, `b.test:${site.port}`],
    lookup: resolvingTo("127.0.0.1"),
    ...options,
  });
}

describe("politeness", () => {
  it("spaces the request starts to one host", async () => {
    routes["/spaced"] = serve("<p>ok</p>");
    const fetcher = testFetcher({ allowedPrivateHosts: [site.hostPort], perHostIntervalMs: 80 });
    // A first request opens the connection, so that connecting does not blur the times measured.
    await fetcher.fetch({ url: `${site.origin}/spaced`, kind: "page" });
    site.requests.length = 0;
    const started = performance.now();
    await Promise.all(
      [1, 2, 3, 4].map((n) => fetcher.fetch({ url: `${site.origin}/spaced?n=${n}`, kind: "page" })),
    );
    const starts = site.requests.map((request) => request.at);
    expect(starts).toHaveLength(4);
    for (let index = 1; index < starts.length; index++) {
      expect((starts[index] ?? 0) - (starts[index - 1] ?? 0)).toBeGreaterThanOrEqual(60);
    }
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 80 - 10);
  });

  it("does not space requests to different hosts", async () => {
    routes["/spaced"] = serve("<p>ok</p>");
    const fetcher = twoHosts({ perHostIntervalMs: 5_000 });
    const started = performance.now();
    await Promise.all([
      fetcher.fetch({ url: `http://a.test:${site.port}/spaced`, kind: "page" }),
      fetcher.fetch({ url: `http://b.test:${site.port}/spaced`, kind: "page" }),
    ]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(site.requests.map((request) => request.headers.host).sort()).toEqual([
      `a.test:${site.port}`,
      `b.test:${site.port}`,
    ]);
  });

  it("sends at most 2 requests at once to one host", async () => {
    routes["/slow"] = slowly(60);
    const fetcher = testFetcher({ allowedPrivateHosts: [site.hostPort] });
    await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => fetcher.fetch({ url: `${site.origin}/slow?n=${n}`, kind: "page" })),
    );
    expect(site.requests).toHaveLength(6);
    expect(mostInFlight).toBe(2);
  });

  it("keeps to the overall cap across hosts", async () => {
    routes["/slow"] = slowly(40);
    const fetcher = twoHosts({ globalConcurrency: 1 });
    await Promise.all(
      ["a", "b", "a", "b"].map((host) =>
        fetcher.fetch({ url: `http://${host}.test:${site.port}/slow`, kind: "page" }),
      ),
    );
    expect(site.requests).toHaveLength(4);
    expect(mostInFlight).toBe(1);
  });
});

describe("Retry-After", () => {
  it("429 with Retry-After seconds: a retryable failure with the wait, and the host is left alone", async () => {
    routes["/busy"] = serve("slow down", { "retry-after": "120" }, 429);
    routes["/other"] = serve("<p>ok</p>");
    const fetcher = twoHosts({});
    const url = `http://a.test:${site.port}/busy`;
    const error = await failure(fetcher.fetch({ url, kind: "feed" }), "FETCH_FAILED");
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.userMessage()).toBe("HTTP 429 Too Many Requests; the site asked us to wait 120 s.");
    const again = await failure(
      fetcher.fetch({ url: `http://a.test:${site.port}/other`, kind: "page" }),
      "FETCH_FAILED",
    );
    expect(again.retryAfterMs).toBeGreaterThan(119_000);
    expect(again.retryAfterMs).toBeLessThanOrEqual(120_000);
    expect(site.requests).toHaveLength(1);
    // Another host is not held up.
    expect((await fetcher.fetch({ url: `http://b.test:${site.port}/other`, kind: "page" })).status).toBe(200);
  });

  it("503 with an HTTP date; requests already waiting for that host fail without being sent", async () => {
    const date = new Date(Date.now() + 60_000).toUTCString();
    routes["/down"] = (_request, response) => {
      setTimeout(() => {
        response.writeHead(503, { "retry-after": date });
        response.end();
      }, 30);
    };
    const fetcher = testFetcher({ allowedPrivateHosts: [site.hostPort], perHostConcurrency: 1 });
    const [first, queued] = await Promise.all([
      failure(fetcher.fetch({ url: `${site.origin}/down`, kind: "page" }), "FETCH_FAILED"),
      failure(fetcher.fetch({ url: `${site.origin}/down?again`, kind: "page" }), "FETCH_FAILED"),
    ]);
    expect(first.retryAfterMs).toBeGreaterThan(57_000);
    expect(first.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(queued.retryAfterMs).toBeGreaterThan(57_000);
    expect(site.requests).toHaveLength(1);
  });

  it("ignores a Retry-After it cannot read", async () => {
    routes["/odd"] = serve("", { "retry-after": "soon" }, 503);
    const fetcher = testFetcher({ allowedPrivateHosts: [site.hostPort] });
    const error = await failure(fetcher.fetch({ url: `${site.origin}/odd`, kind: "page" }), "FETCH_FAILED");
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.userMessage()).toBe("HTTP 503 Service Unavailable.");
    await failure(fetcher.fetch({ url: `${site.origin}/odd`, kind: "page" }), "FETCH_FAILED");
    expect(site.requests).toHaveLength(2);
  });
});
