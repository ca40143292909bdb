import { describe, expect, it } from "vitest";
import { validateQuestion } from "../../../src/core/answer/question.ts";
import { Library } from "../../../src/core/library.ts";
import { MemoryArticleStore } from "../../../src/core/memory/memory-article-store.ts";
import type { Embedder } from "../../../src/core/ports.ts";
import { DAY_MS, retentionCutoff, retentionInstant } from "../../../src/core/retention.ts";
import { HashingEmbedder } from "../../../src/core/search/hashing-embedder.ts";
import type { IngestedArticle } from "../../../src/core/types.ts";
import { applyRetention } from "../../../src/flows/ingest/apply-retention.ts";
import { ingestDocuments } from "../../../src/flows/ingest/ingest-documents.ts";
import { syncLibrary } from "../../../src/flows/ingest/sync-library.ts";
import { RedisArticleStore } from "../../../src/store/redis-article-store.ts";
import { onePassageArticle } from "../../support/one-passage-article.ts";
import { redisPerFile } from "../../support/redis-server.ts";

const NOW = Date.parse("2026-03-10T12:00:00Z");

function article(id: string, text: string, published?: string): IngestedArticle {
  const ingested = onePassageArticle(id, text, { title: `About ${id}`, contentHash: `hash-${id}` });
  return published === undefined ? ingested : { ...ingested, article: { ...ingested.article, published } };
}

const HARBOUR = article(
  "harbour",
  "The Rotterdam harbour closed on Monday because of a storm with winds of 120 km/h.",
  "2024-02-01",
);
const BRIDGE = article(
  "bridge",
  "The Erasmus bridge in Rotterdam reopened after repairs to its cables on Friday.",
  "2013-03-05",
);
const UNDATED = article("tunnel", "The Maastunnel in Rotterdam is closed for cyclists this weekend.");

class CountingEmbedder implements Embedder {
  readonly name = "hashing-256";
  readonly #inner = new HashingEmbedder();
  texts: string[] = [];

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.texts.push(...texts);
    return await this.#inner.embed(texts);
  }
}

function loaded(articles: IngestedArticle[]) {
  return { articles, problems: [], duplicates: 0 };
}

function cited(library: Library, question: string): string[] {
  return library.ask(validateQuestion(question)).sources.map((source) => source.articleId);
}

const redis = redisPerFile();
let namespaceCounter = 0;

describe("retention rules (core/retention.ts)", () => {
  it("counts an article's age from its arrival, whatever its published date", () => {
    const arrived = NOW - 3 * DAY_MS;
    expect(retentionInstant({ published: "2013-05-01" }, arrived)).toBe(arrived);
    expect(retentionInstant({ published: "2099-01-01" }, arrived)).toBe(arrived);
    expect(retentionInstant({ published: "2025-99-99" }, arrived)).toBe(arrived);
    expect(retentionInstant({}, arrived)).toBe(arrived);
  });

  it("expires what arrived before the cutoff, never with 0 days", () => {
    expect(retentionCutoff(NOW, 0)).toBeUndefined();
    expect(retentionCutoff(NOW, 30)).toBe(NOW - 30 * DAY_MS);
    expect(retentionCutoff(NOW, 365)).toBe(NOW - 365 * DAY_MS);
  });
});

describe("ingestDocuments", () => {
  it.each([
    ["memory", () => new MemoryArticleStore(() => NOW)],
    [
      "redis",
      () =>
        new RedisArticleStore(
          redis.client(),
          `retention-ingest-${process.pid}-${namespaceCounter++}`,
          () => NOW,
        ),
    ],
  ])(
    "stores and embeds every new arrival, however old its published date, for a full term (%s)",
    async (_name, makeStore) => {
      const store = makeStore();
      const embedder = new CountingEmbedder();
      const report = await ingestDocuments(loaded([HARBOUR, BRIDGE, UNDATED]), store, embedder);
      expect(report).toMatchObject({ parsed: 3, embedded: 3, problems: [] });
      expect(report.stored).toEqual({ added: 3, updated: 0, unchanged: 0 });
      expect((await store.vectors(["harbour", "bridge", "tunnel"], embedder.name)).size).toBe(3);
      // HARBOUR was published in 2024: it still stays its 365 days from now
      expect(await applyRetention(store, 365, () => NOW + 364 * DAY_MS)).toMatchObject({ removed: 0 });
      expect(await applyRetention(store, 365, () => NOW + 366 * DAY_MS)).toMatchObject({ removed: 3 });
    },
  );
});

describe("applyRetention", () => {
  it("takes an expired article out of the store, its vectors, and a synced library: it is not cited again", async () => {
    const clock = { now: NOW - 3 * 365 * DAY_MS };
    const store = new RedisArticleStore(redis.client(), `retention-apply-${process.pid}`, () => clock.now);
    // stored more than 365 days before NOW (its published date plays no part)
    await store.put([HARBOUR, UNDATED]);
    clock.now = NOW;
    await store.put([BRIDGE]);
    const embedder = new CountingEmbedder();
    const library = new Library();
    await syncLibrary(library, store, embedder);
    expect(cited(library, "Why did the Rotterdam harbour close?")).toContain("harbour");
    expect(library.hasVectors("harbour")).toBe(true);

    const report = await applyRetention(store, 365, () => NOW);

    expect(report).toEqual({ removed: 2, cutoff: NOW - 365 * DAY_MS });
    expect((await store.list()).map((a) => a.id)).toEqual(["bridge"]);
    expect((await store.vectors(["harbour", "tunnel", "bridge"], embedder.name)).size).toBe(1);
    await syncLibrary(library, store, embedder);
    expect(library.articles().map((a) => a.id)).toEqual(["bridge"]);
    expect(library.hasVectors("harbour")).toBe(false);
    expect(cited(library, "Why did the Rotterdam harbour close?")).not.toContain("harbour");
    expect(cited(library, "Why was the Maastunnel closed for cyclists?")).not.toContain("tunnel");
  });

  it("removes nothing with 0 days", async () => {
    const store = new MemoryArticleStore(() => NOW - 10 * 365 * DAY_MS);
    await store.put([HARBOUR, UNDATED]);
    expect(await applyRetention(store, 0, () => NOW)).toEqual({ removed: 0, cutoff: undefined });
    expect(await store.list()).toHaveLength(2);
  });
});
