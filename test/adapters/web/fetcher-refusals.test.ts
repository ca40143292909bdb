import { buildConnector } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { guardedConnector, verifyRemoteAddress } from "../../../src/adapters/web/guarded-connect.ts";
import { PrivateHostAllowList } from "../../../src/adapters/web/private-hosts.ts";
import { BriefingError } from "../../../src/core/errors.ts";
import {
  closeFetchers,
  failure,
  type Publisher,
  resolvingTo,
  serve,
  startPublisher,
  testFetcher,
} from "./publisher.ts";

let target: Publisher;
let other: Publisher;

beforeAll(async () => {
  target = await startPublisher(serve("<p>private</p>"));
  other = await startPublisher(serve("<p>other</p>"));
});
afterAll(async () => {
  await Promise.all([target.close(), other.close()]);
});
afterEach(closeFetchers);

/** Nothing reached the server: no request, not even a TCP connection. */
function untouched(publisher: Publisher): void {
  expect(publisher.requests).toEqual([]);
  expect(publisher.connections).toBe(0);
}

describe("addresses refused before anything is sent", () => {
  const forms = (port: number) => [
    `http://127.0.0.1:${port}/`,
    `http://2130706433:${port}/`,
    `http://0x7f.1:${port}/`,
    `http://0177.0.0.1:${port}/`,
    `http://127.1:${port}/`,
    `http://0x7f000001:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://[::127.0.0.1]:${port}/`,
    `http://[64:ff9b::127.0.0.1]:${port}/`,
    `http://[2002:7f00:1::]:${port}/`,
    `http://localhost:${port}/`,
    `http://[::1]:${port}/`,
    `http://0.0.0.0:${port}/`,
  ];

  it("refuses every spelling of the loopback server, which sees nothing", async () => {
    const fetcher = testFetcher();
    for (const url of forms(target.port)) {
      const error = await failure(fetcher.fetch({ url, kind: "page" }), "FETCH_REFUSED");
      expect(error.userMessage(), url).toMatch(/^refused: /u);
    }
    untouched(target);
  });

  it("refuses other schemes and credentials", async () => {
    const fetcher = testFetcher({ allowedPrivateHosts: [target.hostPort] });
    await failure(fetcher.fetch({ url: `ftp://${target.hostPort}/`, kind: "feed" }), "FETCH_REFUSED");
    await failure(fetcher.fetch({ url: `http://a:b@${target.hostPort}/`, kind: "feed" }), "FETCH_REFUSED");
    untouched(target);
  });
});

describe("FETCH_ALLOWED_PRIVATE_HOSTS", () => {
  it("host:port allows that server and not another port of the same host", async () => {
    const fetcher = testFetcher({ allowedPrivateHosts: [target.hostPort] });
    const page = await fetcher.fetch({ url: `${target.origin}/a`, kind: "page" });
    expect(page.text).toBe("<p>private</p>");
    await failure(fetcher.fetch({ url: `${other.origin}/`, kind: "page" }), "FETCH_REFUSED");
    untouched(other);
    expect(target.requests.map((request) => request.path)).toEqual(["/a"]);
    target.requests.length = 0;
    target.connections = 0;
  });

  it("a bare host allows every port of it", async () => {
    const fetcher = testFetcher({ allowedPrivateHosts: ["127.0.0.1"] });
    expect((await fetcher.fetch({ url: `${target.origin}/`, kind: "page" })).status).toBe(200);
    expect((await fetcher.fetch({ url: `${other.origin}/`, kind: "page" })).status).toBe(200);
    // An odd spelling of a listed address is that address.
    expect((await fetcher.fetch({ url: `http://2130706433:${other.port}/`, kind: "page" })).status).toBe(200);
    target.requests.length = 0;
    target.connections = 0;
    other.requests.length = 0;
    other.connections = 0;
  });

  it("a listed name allows only that name, not the address it resolves to", async () => {
    const fetcher = testFetcher({
      allowedPrivateHosts: [`feeds.intranet:${target.port}`],
      lookup: resolvingTo("127.0.0.1"),
    });
    const page = await fetcher.fetch({ url: `http://feeds.intranet:${target.port}/x`, kind: "page" });
    expect(page.url).toBe(`http://feeds.intranet:${target.port}/x`);
    expect(target.requests[0]?.headers.host).toBe(`feeds.intranet:${target.port}`);
    await failure(fetcher.fetch({ url: `${target.origin}/`, kind: "page" }), "FETCH_REFUSED");
    await failure(
      fetcher.fetch({ url: `http://other.intranet:${target.port}/`, kind: "page" }),
      "FETCH_REFUSED",
    );
    expect(target.requests).toHaveLength(1);
    target.requests.length = 0;
    target.connections = 0;
  });
});

describe("redirects", () => {
  let hops: Publisher;
  let loop: Publisher;

  beforeAll(async () => {
    hops = await startPublisher((request, response) => {
      const to: Record<string, string> = {
        "/to-private": `${target.origin}/secret`,
        "/to-mapped": `http://[::ffff:7f00:1]:${target.port}/secret`,
        "/to-decimal": `http://2130706433:${target.port}/secret`,
        "/to-metadata": "http://169.254.169.254/latest/meta-data/",
        "/to-ftp": "ftp://example.com/feed",
        "/to-credentials": `http://user:secret@${target.hostPort}/`,
        "/relative": "/landed?x=1",
        "/to-rebinding": `http://rebind.example:${target.port}/`,
        "/to-nowhere": "http://[not-an-address/",
      };
      const location = to[request.url ?? ""];
      if (location) {
        response.writeHead(302, { location });
        response.end();
      } else {
        response.writeHead(200, { "content-type": "text/html" });
        response.end(`<p>${request.url}</p>`);
      }
    });
    loop = await startPublisher((request, response) => {
      const step = Number(new URL(request.url ?? "/", "http://x").searchParams.get("n") ?? 0);
      response.writeHead(301, { location: `/?n=${step + 1}` });
      response.end();
    });
  });
  afterAll(async () => {
    await Promise.all([hops.close(), loop.close()]);
  });

  it("follows a redirect on an allowed host and reports the final URL", async () => {
    const fetcher = testFetcher({ allowedPrivateHosts: [hops.hostPort] });
    const page = await fetcher.fetch({ url: `${hops.origin}/relative#frag`, kind: "page" });
    expect(page.url).toBe(`${hops.origin}/landed?x=1`);
    expect(page.text).toBe("<p>/landed?x=1</p>");
  });

  it.each(["/to-private", "/to-mapped", "/to-decimal", "/to-metadata"])(
    "refuses the redirect %s to a private address, telling the user no address",
    async (path) => {
      const fetcher = testFetcher({ allowedPrivateHosts: [hops.hostPort] });
      const error = await failure(
        fetcher.fetch({ url: `${hops.origin}${path}`, kind: "page" }),
        "FETCH_REFUSED",
      );
      expect(error.userMessage()).toMatch(/^refused: the page redirects to an? [\w -]+\.$/u);
      expect(error.userMessage()).not.toMatch(/127|169\.254|::/u);
      untouched(target);
    },
  );

  it("refuses a redirect to another scheme, to credentials, or to no URL at all", async () => {
    const fetcher = testFetcher({ allowedPrivateHosts: ["127.0.0.1"] });
    await failure(fetcher.fetch({ url: `${hops.origin}/to-ftp`, kind: "page" }), "FETCH_REFUSED");
    await failure(fetcher.fetch({ url: `${hops.origin}/to-credentials`, kind: "page" }), "FETCH_REFUSED");
    const nowhere = await failure(
      fetcher.fetch({ url: `${hops.origin}/to-nowhere`, kind: "page" }),
      "FETCH_REFUSED",
    );
    expect(nowhere.userMessage()).toBe("refused: the redirect is not to a web address.");
    untouched(target);
  });

  it("refuses a redirect to a name that resolves to a private address", async () => {
    const fetcher = testFetcher({ allowedPrivateHosts: [hops.hostPort], lookup: resolvingTo("127.0.0.1") });
    const error = await failure(
      fetcher.fetch({ url: `${hops.origin}/to-rebinding`, kind: "page" }),
      "FETCH_REFUSED",
    );
    expect(error.userMessage()).toBe("refused: rebind.example resolves to a loopback address.");
    untouched(target);
  });

  it("gives up after 5 redirects", async () => {
    const fetcher = testFetcher({ allowedPrivateHosts: [loop.hostPort] });
    const error = await failure(fetcher.fetch({ url: `${loop.origin}/`, kind: "feed" }), "FETCH_REJECTED");
    expect(error.userMessage()).toBe("too many redirects: more than 5.");
    expect(loop.requests.map((request) => request.path)).toEqual([
      "/",
      "/?n=1",
      "/?n=2",
      "/?n=3",
      "/?n=4",
      "/?n=5",
    ]);
  });
});

describe("names resolved to private addresses (DNS rebinding)", () => {
  it("refuses a public-looking name that resolves to 127.0.0.1; the server sees nothing", async () => {
    const fetcher = testFetcher({ lookup: resolvingTo("127.0.0.1") });
    const error = await failure(
      fetcher.fetch({ url: `http://news.example.com:${target.port}/feed`, kind: "feed" }),
      "FETCH_REFUSED",
    );
    expect(error.message).toBe("refused: news.example.com resolves to 127.0.0.1, a loopback address");
    expect(error.userMessage()).toBe("refused: news.example.com resolves to a loopback address.");
    untouched(target);
  });

  it("refuses when every address is private, and names the IPv4 inside a mapped one", async () => {
    const fetcher = testFetcher({ lookup: resolvingTo("::ffff:10.0.0.1", "127.0.0.1") });
    const error = await failure(
      fetcher.fetch({ url: `http://news.example.com:${target.port}/`, kind: "page" }),
      "FETCH_REFUSED",
    );
    expect(error.message).toContain("an IPv4-mapped address of 10.0.0.1, a private address");
    untouched(target);
  });

  it("checks the address actually connected to, whatever the lookup said", async () => {
    // A connector with no lookup filter, so only the check after connecting stands between us and the server.
    const connect = verifyRemoteAddress(buildConnector({ lookup: resolvingTo("127.0.0.1") }));
    const error = await new Promise<Error | null>((resolve) =>
      connect(
        { hostname: "public.example", protocol: "http:", port: String(other.port) },
        (failed, socket) => {
          socket?.destroy();
          resolve(failed);
        },
      ),
    );
    expect(error).toBeInstanceOf(BriefingError);
    expect(error?.message).toBe("refused: public.example connected to 127.0.0.1, a loopback address");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(other.requests).toEqual([]);
    other.connections = 0;
  });

  it("refuses an IP-literal host in the connector itself, without connecting", async () => {
    const connect = guardedConnector({
      allowList: new PrivateHostAllowList([]),
      lookup: resolvingTo("127.0.0.1"),
      connectTimeoutMs: 1_000,
    });
    const error = await new Promise<Error | null>((resolve) =>
      connect({ hostname: "127.0.0.1", protocol: "http:", port: String(target.port) }, (failed, socket) => {
        socket?.destroy();
        resolve(failed);
      }),
    );
    expect(error?.message).toBe("refused: 127.0.0.1 is a loopback address");
    untouched(target);
  });
});
