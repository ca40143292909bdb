import { describe, expect, it } from "vitest";
import { BriefingError } from "../../src/core/errors.ts";
import { discoverFeeds } from "../../src/core/feeds/discover-feeds.ts";
import { parseFeed } from "../../src/core/feeds/parse-feed.ts";
import {
  articlePage,
  atomFeed,
  type ItemSpec,
  jsonFeed,
  rdfFeed,
  rssFeed,
} from "../support/fake-publisher.ts";

const FEED_URL = "https://news.example/feeds/world.xml";
const PUBLISHED = new Date("2025-03-04T10:15:00Z");
const ITEMS: ItemSpec[] = [
  {
    guid: "urn:story:1",
    link: "https://news.example/world/harbour-reopens",
    title: "Harbour reopens after storm & floods",
    text: "The Rotterdam harbour reopened on Tuesday after three days of closure.",
    published: PUBLISHED,
    author: "Eva Chen",
  },
];

function failure(run: () => unknown): BriefingError {
  try {
    run();
  } catch (error) {
    if (error instanceof BriefingError) return error;
    throw error;
  }
  throw new Error("expected a BriefingError");
}

describe("parseFeed: every format to one shape", () => {
  const expected = {
    link: "https://news.example/world/harbour-reopens",
    title: "Harbour reopens after storm & floods",
    published: PUBLISHED.toISOString(),
    author: "Eva Chen",
  };

  it("reads RSS 2.0 with its ttl", () => {
    const feed = parseFeed(rssFeed("World news", ITEMS, { ttl: 60 }), FEED_URL);
    expect(feed).toMatchObject({ title: "World news", format: "rss", ttlMinutes: 60 });
    expect(feed.items).toEqual([
      { ...expected, id: "urn:story:1", summary: expect.stringContaining("reopened on Tuesday") },
    ]);
  });

  it("reads RSS 0.91 and resolves relative links against the feed", () => {
    const xml = `<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title><link>https://news.example/</link>
      <description>d</description><item><title>First</title><link>/a/1</link><description>Text one.</description></item>
      </channel></rss>`;
    const feed = parseFeed(xml, FEED_URL);
    expect(feed.format).toBe("rss");
    expect(feed.items[0]).toMatchObject({ link: "https://news.example/a/1", title: "First" });
  });

  it("reads RSS 1.0 (RDF)", () => {
    const feed = parseFeed(rdfFeed("World news", ITEMS), FEED_URL);
    expect(feed).toMatchObject({ title: "World news", format: "rdf" });
    expect(feed.items).toEqual([{ ...expected, id: expected.link, summary: ITEMS[0]?.text }]);
  });

  it("reads Atom 1.0, decoding an html title", () => {
    const feed = parseFeed(atomFeed("World news", ITEMS), FEED_URL);
    expect(feed).toMatchObject({ title: "World news", format: "atom" });
    expect(feed.items[0]).toMatchObject({ ...expected, id: "urn:story:1" });
    expect(feed.items[0]?.contentHtml).toContain("<p>The Rotterdam harbour");
  });

  it("reads JSON Feed 1.1, its plain text as HTML paragraphs", () => {
    const feed = parseFeed(jsonFeed("World news", ITEMS), FEED_URL);
    expect(feed).toMatchObject({ title: "World news", format: "json" });
    expect(feed.items[0]).toMatchObject({ ...expected, id: "urn:story:1" });
    expect(feed.items[0]?.contentHtml).toBe(`<p>${ITEMS[0]?.text}</p>`);
  });
});

describe("parseFeed: what is not a feed is a clear error", () => {
  it.each([
    [
      "malformed XML",
      `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</item>`,
      "MALFORMED_INPUT",
    ],
    ["an HTML page", articlePage({ title: "A page", paragraphs: ["Text."] }), "UNSUPPORTED_FORMAT"],
    ["empty", "  \n ", "EMPTY_INPUT"],
    ["binary", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", "BINARY_INPUT"],
    ["broken JSON", '{"version": "https://jsonfeed.org/version/1.1", "items": [', "MALFORMED_INPUT"],
    ["other XML", `<?xml version="1.0"?><note><to>you</to></note>`, "UNSUPPORTED_FORMAT"],
  ])("%s", (_what, text, code) => {
    const error = failure(() => parseFeed(text, FEED_URL));
    expect(error.code).toBe(code);
    expect(error.location).toBe(FEED_URL);
    expect(error.userMessage()).not.toMatch(/undefined|Error:/);
  });
});

describe("discoverFeeds", () => {
  it("finds the feeds a page announces, resolved against the page, in page order", () => {
    const html = articlePage({
      title: "Home",
      paragraphs: ["Welcome."],
      feeds: [
        { href: "/feeds/all.rss", type: "application/rss+xml" },
        { href: "https://cdn.news.example/atom.xml", type: "application/atom+xml" },
        { href: "feed.json", type: "application/feed+json" },
        { href: "/style.css", type: "text/css" },
      ],
    });
    expect(discoverFeeds(html, "https://news.example/world/")).toEqual([
      "https://news.example/feeds/all.rss",
      "https://cdn.news.example/atom.xml",
      "https://news.example/world/feed.json",
    ]);
  });

  it("finds nothing on a page without feeds", () => {
    expect(discoverFeeds(articlePage({ title: "x", paragraphs: ["y"] }), "https://news.example/")).toEqual(
      [],
    );
  });
});
