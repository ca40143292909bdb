import { describe, expect, it } from "vitest";
import { FIRST_POLL_MAX_ITEMS, firstPollItems } from "../../src/core/feeds/first-poll.ts";
import { canonicalLink, itemFingerprint, itemKey, webArticleId } from "../../src/core/feeds/item-identity.ts";
import { clampPollMinutes, isDue, nextPollDelayMs } from "../../src/core/feeds/poll-schedule.ts";
import type { FeedItem } from "../../src/core/feeds/types.ts";

const MINUTE = 60_000;
const FEED = "https://news.example/feed.xml";

describe("item identity", () => {
  it("drops tracking parameters and the fragment from links, and keeps the rest", () => {
    expect(
      canonicalLink(
        "https://news.example/a?id=7&utm_source=rss&utm_medium=feed&fbclid=x&gclid=y&mc_cid=z#top",
      ),
    ).toBe("https://news.example/a?id=7");
    expect(canonicalLink("https://news.example/a?utm_campaign=c")).toBe("https://news.example/a");
  });

  it("is the GUID, else the canonical link, else the content", () => {
    expect(itemKey({ id: "urn:1", link: "https://news.example/a" })).toBe("id:urn:1");
    expect(itemKey({ link: "https://news.example/a?utm_source=x" })).toBe(
      itemKey({ link: "https://news.example/a" }),
    );
    const byContent = itemKey({ title: "Storm", summary: "<p>The storm closed the harbour.</p>" });
    expect(byContent).toMatch(/^hash:[0-9a-f]{64}$/);
    expect(itemKey({ title: "storm", summary: "The  storm closed the harbour." })).toBe(byContent);
  });

  it("gives one article id to one page, whatever feed or tracking link it came through", () => {
    const a = webArticleId(FEED, { id: "g1", link: "https://news.example/a?utm_source=one" });
    const b = webArticleId("https://other.example/rss", { link: "https://news.example/a#comments" });
    expect(a).toBe(b);
    expect(a).toMatch(/^web-[0-9a-f]{16}$/);
  });

  it("changes the fingerprint when an item is edited", () => {
    const item: FeedItem = { id: "g1", title: "Storm", summary: "Closed." };
    expect(itemFingerprint({ ...item })).toBe(itemFingerprint(item));
    expect(itemFingerprint({ ...item, summary: "Closed for three days." })).not.toBe(itemFingerprint(item));
  });
});

describe("first poll", () => {
  const now = Date.parse("2025-03-05T12:00:00Z");
  const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();

  it("takes only the last 24 hours, newest first, at most 20", () => {
    const items: FeedItem[] = [
      ...Array.from({ length: 25 }, (_, index) => ({ id: `new-${index}`, published: at(index / 2) })),
      { id: "old", published: at(30) },
      { id: "undated" },
    ];
    const taken = firstPollItems(items, now);
    expect(taken).toHaveLength(FIRST_POLL_MAX_ITEMS);
    expect(taken[0]?.id).toBe("new-0");
    expect(taken.map((item) => item.id)).not.toContain("old");
  });

  it("takes a feed's first items when it dates none", () => {
    const items = Array.from({ length: 30 }, (_, index) => ({ id: `i${index}` }));
    expect(firstPollItems(items, now).map((item) => item.id)).toEqual(
      items.slice(0, 20).map((item) => item.id),
    );
  });
});

describe("poll schedule", () => {
  it("clamps the interval to 5 minutes … 24 hours", () => {
    expect(clampPollMinutes(1)).toBe(5);
    expect(clampPollMinutes(15)).toBe(15);
    expect(clampPollMinutes(100_000)).toBe(1_440);
  });

  it("honours ttl, max-age and Retry-After only within the bounds", () => {
    expect(nextPollDelayMs(15, {}, 0)).toBe(15 * MINUTE);
    expect(nextPollDelayMs(15, { ttlMinutes: 60 }, 0)).toBe(60 * MINUTE);
    expect(nextPollDelayMs(15, { maxAgeSeconds: 60 }, 0)).toBe(15 * MINUTE);
    expect(nextPollDelayMs(15, { ttlMinutes: 60 * 24 * 7 }, 0)).toBe(24 * 60 * MINUTE);
    expect(nextPollDelayMs(15, { retryAfterMs: 2 * 3_600_000 }, 1)).toBe(120 * MINUTE);
  });

  it("backs off exponentially after failures, up to a day", () => {
    expect(nextPollDelayMs(15, {}, 1)).toBe(30 * MINUTE);
    expect(nextPollDelayMs(15, {}, 3)).toBe(120 * MINUTE);
    expect(nextPollDelayMs(15, {}, 30)).toBe(24 * 60 * MINUTE);
  });

  it("counts a run a little early as due, an earlier one not", () => {
    expect(isDue(undefined, 0)).toBe(true);
    expect(isDue(10 * MINUTE, 10 * MINUTE - 30_000)).toBe(true);
    expect(isDue(10 * MINUTE, 5 * MINUTE)).toBe(false);
  });
});
