import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { routedSite, serve } from "./publisher.ts";

const site = routedSite();
const { routes, fetcher } = site;

const CP1252_EXTRA: Record<string, number> = { "€": 0x80, "–": 0x96, "’": 0x92, œ: 0x9c, "…": 0x85 };

/** Text as windows-1252 bytes (what older Dutch and French news sites send). */
function cp1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((character) => {
      const code = CP1252_EXTRA[character] ?? character.charCodeAt(0);
      if (code > 0xff || (code >= 0x80 && code < 0xa0 && !(character in CP1252_EXTRA)))
        throw new Error(character);
      return code;
    }),
  );
}

const FRENCH = "Café – déjà vu : l’œuvre coûte 10 € … « Zoë »";

describe("charsets", () => {
  it.each([
    ["the Content-Type charset", "text/html; charset=windows-1252", `<p>${FRENCH}</p>`],
    [
      "an ISO-8859-1 label (decoded as windows-1252, as browsers do)",
      "text/html; charset=ISO-8859-1",
      `<p>${FRENCH}</p>`,
    ],
    ["a quoted label", 'text/html; charset="cp1252"', `<p>${FRENCH}</p>`],
    ["<meta charset> only", "text/html", `<html><head><meta charset="windows-1252"><title>${FRENCH}</title>`],
    [
      '<meta http-equiv="Content-Type"> only',
      "text/html",
      `<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>${FRENCH}`,
    ],
    [
      "<?xml encoding?> only",
      "application/rss+xml",
      `<?xml version="1.0" encoding="windows-1252"?><rss>${FRENCH}</rss>`,
    ],
    ["nothing at all (not valid UTF-8)", "text/html", `<p>${FRENCH}</p>`],
    ["a wrong utf-8 label (no valid UTF-8 in it)", "text/html; charset=utf-8", `<p>${FRENCH}</p>`],
    [
      "an unknown label, then the <meta>",
      "text/html; charset=x-klingon",
      `<meta charset="cp1252"><p>${FRENCH}`,
    ],
  ])("reads windows-1252 from %s", async (_name, type, markup) => {
    routes["/legacy"] = serve(cp1252(markup), { "content-type": type });
    const resource = await fetcher().fetch({ url: `${site.origin}/legacy`, kind: "feed" });
    expect(resource.charset).toBe("windows-1252");
    expect(resource.text).toBe(markup);
  });

  it("reads ISO-8859-15 as itself: € is 0xA4 there", async () => {
    routes["/latin9"] = serve(Buffer.from([0x31, 0x30, 0x20, 0xa4, 0x20, 0xbd]), {
      "content-type": "text/html; charset=iso-8859-15",
    });
    const page = await fetcher().fetch({ url: `${site.origin}/latin9`, kind: "page" });
    expect(page).toMatchObject({ charset: "iso-8859-15", text: "10 € œ" });
  });

  it("a byte order mark wins over a wrong header, and is not part of the text", async () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<p>${FRENCH}</p>`)]);
    routes["/bom"] = serve(utf8, { "content-type": "text/html; charset=windows-1252" });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<p>${FRENCH}</p>`, "utf16le")]);
    routes["/bom16"] = serve(utf16, { "content-type": "text/html" });
    const client = fetcher();
    expect(await client.fetch({ url: `${site.origin}/bom`, kind: "page" })).toMatchObject({
      charset: "utf-8",
      text: `<p>${FRENCH}</p>`,
    });
    expect(await client.fetch({ url: `${site.origin}/bom16`, kind: "page" })).toMatchObject({
      charset: "utf-16le",
      text: `<p>${FRENCH}</p>`,
    });
  });

  it("the header wins over <meta>, and undeclared valid UTF-8 is UTF-8", async () => {
    routes["/header-wins"] = serve(cp1252(`<meta charset="utf-8"><p>${FRENCH}`), {
      "content-type": "text/html; charset=windows-1252",
    });
    routes["/plain-utf8"] = serve(Buffer.from(`<p>${FRENCH}</p>`), { "content-type": "text/html" });
    const client = fetcher();
    expect((await client.fetch({ url: `${site.origin}/header-wins`, kind: "page" })).text).toContain(FRENCH);
    expect(await client.fetch({ url: `${site.origin}/plain-utf8`, kind: "page" })).toMatchObject({
      charset: "utf-8",
      text: `<p>${FRENCH}</p>`,
    });
  });

  it("keeps UTF-8 with a few broken bytes as UTF-8 (replacement characters), not windows-1252", async () => {
    const body = Buffer.concat([Buffer.from("<p>Zoë "), Buffer.from([0xff]), Buffer.from(" déjà</p>")]);
    routes["/broken-utf8"] = serve(body, { "content-type": "text/html; charset=utf-8" });
    const page = await fetcher().fetch({ url: `${site.origin}/broken-utf8`, kind: "page" });
    expect(page).toMatchObject({ charset: "utf-8", text: "<p>Zoë \uFFFD déjà</p>" });
  });
});

describe("compression", () => {
  const markup = `<html><body>${"<p>Het nieuws van vandaag.</p>".repeat(200)}</body></html>`;

  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["br", brotliCompressSync],
  ] as const)("decompresses %s and counts the decompressed bytes", async (coding, compress) => {
    routes["/compressed"] = serve(compress(Buffer.from(markup)), { "content-encoding": coding });
    const page = await fetcher().fetch({ url: `${site.origin}/compressed`, kind: "page" });
    expect(page.text).toBe(markup);
    expect(page.bytes).toBe(Buffer.byteLength(markup));
    expect(site.requests.at(-1)?.headers["accept-encoding"]).toBe("gzip, deflate, br");
  });
});

describe("conditional GET and caching headers", () => {
  it("sends the validators it is given, and a 304 means not modified with no text", async () => {
    const lastModified = "Tue, 03 Jun 2025 08:00:00 GMT";
    routes["/feed.xml"] = (request, response) => {
      if (request.headers["if-none-match"] === '"v1"') {
        response.writeHead(304, { etag: '"v1"', "cache-control": "max-age=60" });
        response.end();
        return;
      }
      response.writeHead(200, {
        "content-type": "application/rss+xml",
        etag: '"v1"',
        "last-modified": lastModified,
        "cache-control": "public, max-age=300",
      });
      response.end("<rss/>");
    };
    const client = fetcher();
    const first = await client.fetch({ url: `${site.origin}/feed.xml`, kind: "feed" });
    expect(first).toMatchObject({
      status: 200,
      notModified: false,
      etag: '"v1"',
      lastModified,
      maxAgeSeconds: 300,
    });
    const again = await client.fetch({
      url: `${site.origin}/feed.xml`,
      kind: "feed",
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(again).toMatchObject({
      status: 304,
      notModified: true,
      text: "",
      bytes: 0,
      etag: '"v1"',
      lastModified,
      maxAgeSeconds: 60,
    });
    const sent = site.requests.at(-1)?.headers;
    expect(sent?.["if-none-match"]).toBe('"v1"');
    expect(sent?.["if-modified-since"]).toBe(lastModified);
  });

  it("sends no validators when it has none", async () => {
    routes["/plain"] = serve("<p>x</p>");
    const page = await fetcher().fetch({ url: `${site.origin}/plain`, kind: "page" });
    expect(page.maxAgeSeconds).toBeUndefined();
    expect(page.etag).toBeUndefined();
    const sent = site.requests.at(-1)?.headers;
    expect(sent?.["if-none-match"]).toBeUndefined();
    expect(sent?.["if-modified-since"]).toBeUndefined();
  });
});

describe("request headers", () => {
  it("says who it is, with the operator's contact when set, and what it accepts", async () => {
    routes["/who"] = serve("<p>x</p>", { "content-type": "application/atom+xml" });
    await fetcher()
      .fetch({ url: `${site.origin}/who`, kind: "page" })
      .catch(() => undefined);
    const plain = site.requests.at(-1)?.headers;
    expect(plain?.["user-agent"]).toBe("Briefbot/0.1.0 (+https://github.com/briefbot)");
    expect(plain?.accept).toMatch(/^text\/html/u);
    await fetcher({ version: "1.2.3", contact: "news-bot@example.org" }).fetch({
      url: `${site.origin}/who`,
      kind: "feed",
    });
    const contact = site.requests.at(-1)?.headers;
    expect(contact?.["user-agent"]).toBe(
      "Briefbot/1.2.3 (+https://github.com/briefbot) contact: news-bot@example.org",
    );
    expect(contact?.accept).toMatch(/^application\/rss\+xml, application\/atom\+xml/u);
  });
});
