import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What a route answers: a body with a content type, or anything a handler writes. */
export interface Published {
  status?: number;
  type?: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  /** Answers If-None-Match with this ETag by 304. */
  etag?: string;
}

type Route = Published | ((request: IncomingMessage, response: ServerResponse) => void);

export interface SeenRequest {
  path: string;
  headers: IncomingMessage["headers"];
}

/**
 * A publisher on 127.0.0.1: feeds of every format and article pages, as a real HTTP server. Routes can change
 * between polls (an edited item, a feed that starts failing). Every request is recorded.
 */
export class FakePublisher {
  readonly requests: SeenRequest[] = [];
  readonly #routes = new Map<string, Route>();
  readonly #server: Server;
  readonly port: number;

  private constructor(server: Server, port: number) {
    this.#server = server;
    this.port = port;
  }

  static async start(): Promise<FakePublisher> {
    let publisher: FakePublisher | undefined;
    const server = createServer((request, response) => publisher?.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    publisher = new FakePublisher(server, (server.address() as AddressInfo).port);
    return publisher;
  }

  /** "127.0.0.1:<port>": for FETCH_ALLOWED_PRIVATE_HOSTS. */
  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  url(path: string): string {
    return `http://${this.host}${path}`;
  }

  route(path: string, route: Route): void {
    this.#routes.set(path, route);
  }

  hits(path: string): SeenRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? "/";
    this.requests.push({ path, headers: request.headers });
    const route = this.#routes.get(path.split("?")[0] ?? path);
    if (route === undefined) {
      response.writeHead(404, { "content-type": "text/html" }).end("<html><body>Not found</body></html>");
      return;
    }
    if (typeof route === "function") {
      route(request, response);
      return;
    }
    if (route.etag && request.headers["if-none-match"] === route.etag) {
      response.writeHead(304, { etag: route.etag }).end();
      return;
    }
    response
      .writeHead(route.status ?? 200, {
        "content-type": route.type ?? "text/html; charset=utf-8",
        ...(route.etag ? { etag: route.etag } : {}),
        ...route.headers,
      })
      .end(route.body);
  }
}

export interface ItemSpec {
  guid?: string;
  link?: string;
  title: string;
  /** The item's own text (its summary or content). */
  text: string;
  published?: Date;
  author?: string;
}

const escapeXml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

export function rssFeed(title: string, items: readonly ItemSpec[], options: { ttl?: number } = {}): string {
  const entries = items.map(
    (item) => `<item>
      <title>${escapeXml(item.title)}</title>
      ${item.link ? `<link>${escapeXml(item.link)}</link>` : ""}
      ${item.guid ? `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>` : ""}
      ${item.published ? `<pubDate>${item.published.toUTCString()}</pubDate>` : ""}
      ${item.author ? `<dc:creator>${escapeXml(item.author)}</dc:creator>` : ""}
      <description><![CDATA[<p>${item.text}</p>]]></description>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${escapeXml(title)}</title>
    <link>https://news.example/</link>
    <description>Latest news</description>
    ${options.ttl ? `<ttl>${options.ttl}</ttl>` : ""}
    ${entries.join("\n")}
  </channel>
</rss>`;
}

export function atomFeed(title: string, items: readonly ItemSpec[]): string {
  const entries = items.map(
    (item) => `<entry>
    <title type="html">${escapeXml(escapeXml(item.title))}</title>
    <id>${escapeXml(item.guid ?? item.link ?? item.title)}</id>
    ${item.link ? `<link rel="alternate" type="text/html" href="${escapeXml(item.link)}"/>` : ""}
    <updated>${(item.published ?? new Date()).toISOString()}</updated>
    ${item.published ? `<published>${item.published.toISOString()}</published>` : ""}
    ${item.author ? `<author><name>${escapeXml(item.author)}</name></author>` : ""}
    <summary type="text">${escapeXml(item.text.slice(0, 80))}</summary>
    <content type="html">${escapeXml(`<p>${item.text}</p>`)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(title)}</title>
  <id>urn:example:feed</id>
  <updated>${new Date().toISOString()}</updated>
  ${entries.join("\n")}
</feed>`;
}

export function rdfFeed(title: string, items: readonly ItemSpec[]): string {
  const entries = items.map(
    (item) => `<item rdf:about="${escapeXml(item.link ?? "")}">
    <title>${escapeXml(item.title)}</title>
    <link>${escapeXml(item.link ?? "")}</link>
    <description>${escapeXml(item.text)}</description>
    ${item.published ? `<dc:date>${item.published.toISOString()}</dc:date>` : ""}
    ${item.author ? `<dc:creator>${escapeXml(item.author)}</dc:creator>` : ""}
  </item>`,
  );
  return `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example/">
    <title>${escapeXml(title)}</title>
    <link>https://news.example/</link>
    <description>Latest news</description>
  </channel>
  ${entries.join("\n")}
</rdf:RDF>`;
}

export function jsonFeed(title: string, items: readonly ItemSpec[]): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title,
    items: items.map((item) => ({
      id: item.guid ?? item.link ?? item.title,
      ...(item.link ? { url: item.link } : {}),
      title: item.title,
      content_text: item.text,
      ...(item.published ? { date_published: item.published.toISOString() } : {}),
      ...(item.author ? { authors: [{ name: item.author }] } : {}),
    })),
  });
}

export interface PageSpec {
  title: string;
  paragraphs: readonly string[];
  published?: Date;
  author?: string;
  site?: string;
  /** `<link rel="alternate">` feeds the page announces. */
  feeds?: ReadonlyArray<{ href: string; type: string }>;
}

/** A news page with realistic furniture around the article: navigation, cookie banner, share links, related, footer. */
export function articlePage(page: PageSpec): string {
  const feeds = (page.feeds ?? [])
    .map((feed) => `<link rel="alternate" type="${feed.type}" title="Feed" href="${escapeXml(feed.href)}">`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeXml(page.title)} | ${escapeXml(page.site ?? "Example News")}</title>
  <meta property="og:title" content="${escapeXml(page.title)}">
  <meta property="og:site_name" content="${escapeXml(page.site ?? "Example News")}">
  ${page.published ? `<meta property="article:published_time" content="${page.published.toISOString()}">` : ""}
  ${page.author ? `<meta name="author" content="${escapeXml(page.author)}">` : ""}
  ${feeds}
</head>
<body>
  <div class="cookie-consent">We use cookies to improve your experience. <button>Accept all</button></div>
  <header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Tech</a></nav></header>
  <main>
    <article>
      <h1>${escapeXml(page.title)}</h1>
      ${page.author ? `<p class="byline">By ${escapeXml(page.author)}</p>` : ""}
      ${page.paragraphs.map((paragraph) => `<p>${escapeXml(paragraph)}</p>`).join("\n      ")}
      <div class="share-links"><a href="#">Share on X</a> <a href="#">Share on Facebook</a></div>
    </article>
    <aside class="related"><h2>Related stories</h2><ul><li><a href="/other">Something else happened</a></li></ul></aside>
  </main>
  <footer><p>© 2025 Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>`;
}
